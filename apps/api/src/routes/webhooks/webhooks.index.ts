import { createRouter } from "../../lib/create-app.js";
import * as handlers from "./webhooks.handlers.js";
import * as routes from "./webhooks.routes.js";

const router = createRouter()
  .openapi(routes.createWebhook, handlers.createWebhook)
  .openapi(routes.listWebhooks, handlers.listWebhooks)
  .openapi(routes.getWebhook, handlers.getWebhook)
  .openapi(routes.deleteWebhook, handlers.deleteWebhook)
  .openapi(routes.enableWebhook, handlers.enableWebhook)
  .openapi(routes.listDeliveries, handlers.listDeliveries);

export default router;
