import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, EVENT_KINDS, REGIONS, THEME_CODES, todayIn, type ValidNewEvent } from "@bsi/domain";
import { ApiConfigSchema } from "../config.js";
import { createLogger } from "../lib/logger.js";
import { createPostgresTestDatabase } from "../lib/test-app.js";
import { insertEvent } from "../routes/events/events.repository.js";
import { openApi } from "../runtime.js";
import {
  type ApiProcess,
  compare,
  type LoadResult,
  runLoad,
  startApiProcess,
  startBaselineProcess,
} from "./harness.js";

const CITIES: Array<[string, string, string]> = [
  ["Dakar", "SN", "Africa/Dakar"],
  ["Bamako", "ML", "Africa/Bamako"],
  ["Niamey", "NE", "Africa/Niamey"],
  ["Nairobi", "KE", "Africa/Nairobi"],
  ["Tunis", "TN", "Africa/Tunis"],
  ["Rabat", "MA", "Africa/Casablanca"],
  ["Vienna", "AT", "Europe/Vienna"],
  ["Almaty", "KZ", "Asia/Almaty"],
  ["Djibouti", "DJ", "Africa/Djibouti"],
  ["Amman", "JO", "Asia/Amman"],
];
const WORDS = [
  "border",
  "security",
  "regional",
  "workshop",
  "cooperation",
  "patrols",
  "community",
  "biometrics",
  "training",
  "strategy",
  "passenger",
  "data",
  "surveillance",
  "legal",
  "agencies",
];

/** Fills a database with `count` synthetic events spread over ten years around today. */
export async function createBenchDatabase(
  count: number,
  practices = 0,
  options: { postgresAdminUrl?: string | undefined } = {},
): Promise<{ directory: string; url: string; drop(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), "bsi-bench-"));
  const postgres = options.postgresAdminUrl
    ? await createPostgresTestDatabase(options.postgresAdminUrl)
    : undefined;
  const url = postgres?.url ?? `file:${join(directory, "bench.sqlite")}`;
  const runtime = await openApi(
    ApiConfigSchema.parse({
      DATABASE_URL: url,
      BSI_SEED: "catalogue",
      LOG_LEVEL: "silent",
      WEBHOOKS_ENABLED: "false",
    }),
    {
      logger: createLogger("silent"),
    },
  );
  const today = todayIn("UTC");
  const at = new Date().toISOString();
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  await runtime.handle.db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index += 1) {
      const [city, country, timeZone] = pick(CITIES);
      const startsOn = addDays(today, Math.floor(random() * 3650) - 1825);
      const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${index}`;
      const event: ValidNewEvent = {
        id: `bench-event-${index}`,
        title,
        kind: pick(EVENT_KINDS),
        status: "planned",
        startsOn,
        endsOn: addDays(startsOn, Math.floor(random() * 4)),
        timeZone,
        city,
        country,
        online: false,
        region: REGIONS.find((region) => region.countries.includes(country))?.code ?? null,
        organizers: ["UNCCT"],
        partners: [],
        themes: [pick(THEME_CODES), pick(THEME_CODES)].filter((theme, i, all) => all.indexOf(theme) === i),
        summary: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} in ${city}.`,
        registration: { status: "not_open", deadline: null },
        sourceUrl: null,
        sample: false,
      };
      await insertEvent(trx, runtime.deps.search, event, at);
    }
    const { insertPractice } = await import("../routes/practices/practices.repository.js");
    for (let index = 0; index < practices; index += 1) {
      await insertPractice(
        trx,
        runtime.deps.search,
        {
          id: `bench-practice-${index}`,
          title: `${pick(WORDS)} ${pick(WORDS)} practice ${index}`,
          themes: [pick(THEME_CODES)],
          summary: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
          body: Array.from({ length: 40 }, () => pick(WORDS)).join(" "),
          sourceEventIds: [],
          references: [],
          sample: false,
        },
        at,
      );
    }
  });
  await runtime.close();
  return {
    directory,
    url,
    async drop() {
      await postgres?.drop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export interface CatalogueBenchResult {
  results: LoadResult[];
  peakRssMb: number;
}

/**
 * Issue 2's bars: the upcoming listing at 50 connections against the node:http baseline serving a
 * body of the same size; `q=` search p99 under 30 ms. 10,000 events.
 */
export async function runCatalogueBench(
  options: { durationSeconds?: number; postgresAdminUrl?: string } = {},
): Promise<CatalogueBenchResult> {
  const duration = options.durationSeconds ?? 10;
  const database = await createBenchDatabase(10_000, 0, { postgresAdminUrl: options.postgresAdminUrl });
  const label = options.postgresAdminUrl ? " [PostgreSQL]" : "";
  let api: ApiProcess | undefined;
  try {
    api = await startApiProcess({ DATABASE_URL: database.url, BSI_SEED: "none" });
    const listPath = "/v1/events?upcoming=true&limit=20";
    const sample = await (await fetch(`${api.url}${listPath}`)).text();
    const baseline = await startBaselineProcess(sample);
    const baselineResult = await runLoad("node:http baseline (same body)", {
      url: baseline.url,
      connections: 50,
      durationSeconds: duration,
    });
    await baseline.close();
    const list = await runLoad(`GET /v1/events?upcoming=true&limit=20${label}`, {
      url: `${api.url}${listPath}`,
      connections: 50,
      durationSeconds: duration,
    });
    let counter = 0;
    const search = await runLoad(`GET /v1/events?q=… (10,000 events)${label}`, {
      url: `${api.url}/v1/events?q=border`,
      connections: 10,
      durationSeconds: duration,
      setupRequest: (request) => {
        counter += 1;
        const words = WORDS[counter % WORDS.length];
        return {
          ...request,
          path: `/v1/events?q=${encodeURIComponent(`${words} ${CITIES[counter % CITIES.length]?.[0]}`)}&limit=20`,
        };
      },
    });
    return {
      results: [
        { ...baselineResult, baselineRps: baselineResult.requestsPerSecond, ratio: 1 },
        compare(list, baselineResult.requestsPerSecond, options.postgresAdminUrl ? {} : { minRatio: 0.35 }),
        compare(search, baselineResult.requestsPerSecond, options.postgresAdminUrl ? {} : { maxP99Ms: 30 }),
      ],
      peakRssMb: api.peakRssMb(),
    };
  } finally {
    await api?.close();
    await database.drop();
  }
}
