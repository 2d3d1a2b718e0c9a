import { ConfigError, loadConfig } from "./config.js";
import { MigrationError } from "./db/migrate.js";
import { createLogger } from "./lib/logger.js";
import { describeStartupError } from "./lib/startup-errors.js";
import { startServer } from "./runtime.js";

/** `npm start` for the API: validate config, migrate, seed, serve, and shut down gracefully. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`bsi-api: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, { logger });
  } catch (error) {
    console.error(`bsi-api: ${describeStartupError(error, config.DATABASE_URL)}`);
    process.exit(error instanceof MigrationError ? 3 : 1);
  }
  logger.info({ url: running.url, database: running.runtime.handle.location }, "BSI Desk API listening");
  console.log(`BSI Desk API on ${running.url} (docs: ${running.url}/docs)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const timer = setTimeout(() => {
      logger.error("in-flight requests did not finish within 10 s; exiting");
      process.exit(1);
    }, 10_000);
    timer.unref();
    running.close().then(
      () => {
        logger.info("stopped cleanly");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

await main();
