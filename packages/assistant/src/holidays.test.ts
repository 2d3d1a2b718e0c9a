import { describe, expect, it } from "vitest";
import { shiftDays } from "./calendar.js";
import { easterSunday, gregorianDateOfHijri, hijriDateOf } from "./holidays.js";
import { interpret } from "./interpret.js";

const NOW = new Date("2026-11-25T12:00:00Z"); // a Wednesday
const filtersOf = (question: string, now = NOW) =>
  interpret(question, { now, timeZone: "UTC" }).filters as Record<string, unknown>;

describe("holiday dates", () => {
  it.each([
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2038, "2038-04-25"],
  ])("puts Easter %i on %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    [1446, 9, 1, "2025-03-01"],
    [1446, 10, 1, "2025-03-30"],
    [1446, 12, 10, "2025-06-06"],
    [1447, 9, 1, "2026-02-18"],
    [1447, 10, 1, "2026-03-20"],
    [1447, 12, 10, "2026-05-27"],
    [1448, 9, 1, "2027-02-08"],
    [1448, 10, 1, "2027-03-09"],
    [1448, 12, 10, "2027-05-16"],
  ])("puts %i-%i-%i AH on %s by the Umm al-Qura calendar", (year, month, day, date) => {
    expect(gregorianDateOfHijri(year, month, day)).toBe(date);
  });

  it("finds the first day of every Ramadan this century", () => {
    for (let year = 1421; year <= 1520; year++) {
      const first = gregorianDateOfHijri(year, 9, 1);
      expect(hijriDateOf(first)).toEqual({ year, month: 9, day: 1 });
      expect(hijriDateOf(shiftDays(first, -1)).month).toBe(8);
    }
  });
});

describe("interpret: holidays", () => {
  it.each([
    // Before a holiday: up to its eve. After: from the day after it ends.
    ["anything in the Maghreb before Ramadan", "2026-11-25", "2027-02-07"],
    ["avant l'Aïd", "2026-11-25", "2027-03-08"],
    ["events before Eid al-Fitr", "2026-11-25", "2027-03-08"],
    ["avant l'Aïd el-Kébir", "2026-11-25", "2027-05-15"],
    ["talleres antes de la Tabaski", "2026-11-25", "2027-05-15"],
    ["events before christmas", "2026-11-25", "2026-12-24"],
    ["avant les fêtes", "2026-11-25", "2026-12-23"],
    ["antes del Año Nuevo", "2026-11-25", "2026-12-31"],
    // During, or the holiday alone: its days.
    ["atelier pendant le ramadan 2027", "2027-02-08", "2027-03-08"],
    ["durante el Ramadán", "2027-02-08", "2027-03-08"],
    ["workshops during Ramadan", "2027-02-08", "2027-03-08"],
    ["anything at Easter 2028", "2028-04-16", "2028-04-16"],
    ["PÂQUES 2025", "2025-04-20", "2025-04-20"],
    ["eventos en Semana Santa de 2028", "2028-04-09", "2028-04-16"],
    ["holy week workshops", "2027-03-21", "2027-03-28"],
    ["Aid al Adha 2027", "2027-05-16", "2027-05-16"],
    ["la Tabaski", "2027-05-16", "2027-05-16"],
    ["pendant les fêtes de fin d'année", "2026-12-24", "2027-01-01"],
    ["Ramadan next year", "2027-02-08", "2027-03-08"],
    ["Easter next year", "2027-03-28", "2027-03-28"],
    ["mid-Ramadan workshops", "2027-02-17", "2027-02-25"],
  ])("reads %j as %s to %s", (question, from, to) => {
    expect(filtersOf(question)).toMatchObject({ from, to });
  });

  it.each([
    ["what's on after easter", "2027-03-29"],
    ["APRÈS PÂQUES", "2027-03-29"],
    ["después de Pascua", "2027-03-29"],
    // Holy Week runs from Palm Sunday to Easter Sunday, so after it is from Easter Monday.
    ["que hay despues de semana santa", "2027-03-29"],
    ["events after the holidays", "2027-01-02"],
    ["después de las fiestas", "2027-01-02"],
    ["après la Tabaski", "2027-05-17"],
    ["after Eid", "2027-03-10"],
    ["workshops in the new year", "2027-01-01"],
  ])("reads %j as from %s on", (question, from) => {
    const filters = filtersOf(question);
    expect(filters.from).toBe(from);
    expect(filters.to).toBeUndefined();
  });

  it("takes the Ramadan under way, not next year's", () => {
    expect(filtersOf("anything during Ramadan?", new Date("2027-02-20T09:00:00Z"))).toMatchObject({
      from: "2027-02-08",
      to: "2027-03-08",
    });
  });

  it("takes the last holiday when the question is about the past", () => {
    expect(interpret("what happened at easter", { now: NOW, timeZone: "UTC" })).toMatchObject({
      intent: "past_events",
      filters: { from: "2026-04-05", to: "2026-04-05" },
    });
    expect(filtersOf("trainings held during ramadan")).toMatchObject({
      from: "2026-02-18",
      to: "2026-03-19",
    });
  });

  it("leaves the holiday's words out of the search words", () => {
    expect(filtersOf("atelier pendant le ramadan 2027").words).toBeUndefined();
    expect(filtersOf("anything in the Maghreb before Ramadan").words).toBeUndefined();
  });

  it("does not take aid or eastern places for holidays", () => {
    expect(filtersOf("humanitarian aid workshops")).not.toHaveProperty("to");
    expect(filtersOf("workshops in eastern africa")).toMatchObject({ regions: ["east-africa"] });
    expect(filtersOf("workshops in eastern africa")).not.toHaveProperty("to");
    expect(filtersOf("after the summer holidays")).toMatchObject({ from: "2027-09-01" });
  });
});
