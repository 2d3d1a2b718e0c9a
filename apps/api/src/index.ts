export { API_VERSION, buildApp } from "./app.js";
export { createApiKey, listApiKeys, revokeApiKey } from "./auth/api-keys.js";
export { type ApiConfig, ApiConfigSchema, loadConfig } from "./config.js";
export { type DatabaseHandle, openDatabase } from "./db/connect.js";
export { migrateToLatest } from "./db/migrate.js";
export { createLogger } from "./lib/logger.js";
export { createTestApp, type TestApp } from "./lib/test-app.js";
export type { AppDeps, AppEnv } from "./lib/types.js";
export { type ApiRuntime, openApi, type RunningServer, startServer } from "./runtime.js";
