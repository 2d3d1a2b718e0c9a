import { createRouter } from "../../lib/create-app.js";
import * as handlers from "./activity.handlers.js";
import * as routes from "./activity.routes.js";

const router = createRouter().openapi(routes.listActivity, handlers.listActivity);

export default router;
