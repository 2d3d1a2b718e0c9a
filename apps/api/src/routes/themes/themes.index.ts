import { REGIONS, THEMES, ThemeSchema } from "@bsi/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../lib/create-app.js";

const listThemes = createRoute({
  method: "get",
  path: "/v1/themes",
  tags: ["Catalogue"],
  summary: "The theme taxonomy: codes, labels in English, French and Spanish, and synonyms",
  responses: {
    200: {
      description: "Every theme",
      content: { "application/json": { schema: z.object({ items: z.array(ThemeSchema) }) } },
    },
  },
});

const RegionSchema = z.object({
  code: z.string(),
  names: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
  countries: z.array(z.string()),
});

const listRegions = createRoute({
  method: "get",
  path: "/v1/regions",
  tags: ["Catalogue"],
  summary: "The regions BSI works in, as lists of ISO alpha-2 country codes",
  responses: {
    200: {
      description: "Every region",
      content: { "application/json": { schema: z.object({ items: z.array(RegionSchema) }) } },
    },
  },
});

const router = createRouter()
  .openapi(listThemes, (c) => c.json({ items: [...THEMES] }, 200))
  .openapi(listRegions, (c) =>
    c.json(
      { items: REGIONS.map(({ code, names, countries }) => ({ code, names, countries: [...countries] })) },
      200,
    ),
  );

export default router;
