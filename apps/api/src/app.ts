import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApp } from "./lib/create-app.js";
import { API_DESCRIPTION } from "./lib/openapi.js";
import type { AppDeps, AppEnv } from "./lib/types.js";
import activity from "./routes/activity/activity.index.js";
import ask from "./routes/ask/ask.index.js";
import { renderDocsPage } from "./routes/docs/docs-page.js";
import events from "./routes/events/events.index.js";
import health from "./routes/health/health.index.js";
import practices from "./routes/practices/practices.index.js";
import requests from "./routes/requests/requests.index.js";
import themes from "./routes/themes/themes.index.js";
import webhooks from "./routes/webhooks/webhooks.index.js";

export const API_VERSION = "1.0.0";

const routers = [health, events, practices, themes, requests, activity, webhooks, ask];

/** The whole API: the shell of createApp with every resource's routes, the OpenAPI document and /docs. */
export function buildApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createApp(deps);
  for (const router of routers) app.route("/", router);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API key made by `npm run api -- keys create`, sent as `Authorization: Bearer bsi_…`",
  });
  const documentConfig = {
    openapi: "3.1.0",
    info: {
      title: "BSI Desk API",
      version: API_VERSION,
      description: API_DESCRIPTION,
    },
  };
  let documentCache: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const getDocument = () => {
    documentCache ??= app.getOpenAPI31Document(documentConfig);
    return documentCache;
  };
  app.get("/openapi.json", (c) => c.json(getDocument()));
  app.get("/docs", (c) => c.html(renderDocsPage(getDocument() as never)));
  app.get("/", (c) => c.redirect("/docs"));
  return app;
}
