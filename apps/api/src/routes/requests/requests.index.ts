import { createRouter } from "../../lib/create-app.js";
import * as handlers from "./requests.handlers.js";
import * as routes from "./requests.routes.js";

const router = createRouter()
  .openapi(routes.createRequest, handlers.createRequest)
  .openapi(routes.listRequests, handlers.listRequests)
  .openapi(routes.getRequest, handlers.getRequest)
  .openapi(routes.updateRequest, handlers.updateRequest)
  .openapi(routes.transitionRequest, handlers.transitionRequest);

export default router;
