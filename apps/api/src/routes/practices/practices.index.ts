import { createRouter } from "../../lib/create-app.js";
import * as handlers from "./practices.handlers.js";
import * as routes from "./practices.routes.js";

const router = createRouter()
  .openapi(routes.listPractices, handlers.listPractices)
  .openapi(routes.getPractice, handlers.getPractice)
  .openapi(routes.createPractice, handlers.createPractice)
  .openapi(routes.updatePractice, handlers.updatePractice)
  .openapi(routes.deletePractice, handlers.deletePractice);

export default router;
