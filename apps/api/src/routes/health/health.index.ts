import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "kysely";
import { AppError } from "../../lib/app-error.js";
import { createRouter } from "../../lib/create-app.js";

const tags = ["Operations"];

const health = createRoute({
  method: "get",
  path: "/health",
  tags,
  summary: "The process is up",
  responses: {
    200: {
      description: "Up",
      content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
    },
  },
});

const ready = createRoute({
  method: "get",
  path: "/ready",
  tags,
  summary: "The database answers",
  responses: {
    200: {
      description: "Ready",
      content: {
        "application/json": { schema: z.object({ status: z.literal("ready"), database: z.string() }) },
      },
    },
    503: { description: "The database does not answer" },
  },
});

const router = createRouter()
  .openapi(health, (c) => c.json({ status: "ok" as const }, 200))
  .openapi(ready, async (c) => {
    try {
      await sql`SELECT 1`.execute(c.get("deps").handle.db);
    } catch (error) {
      throw new AppError("unavailable", "The database does not answer", { cause: error });
    }
    return c.json({ status: "ready" as const, database: c.get("deps").handle.dialect }, 200);
  });

export default router;
