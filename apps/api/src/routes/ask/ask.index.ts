import { createRouter } from "../../lib/create-app.js";
import * as handlers from "./ask.handlers.js";
import * as routes from "./ask.routes.js";

const router = createRouter().openapi(routes.ask, handlers.ask);

export default router;
