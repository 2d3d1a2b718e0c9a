export {
  type RunningBot,
  runBotFromEnvironment,
  SlackCredentialsError,
  type StartBotOptions,
  startBot,
} from "./app.js";
export { runChat } from "./chat/main.js";
export { type BotConfig, loadConfig, MISSING_CREDENTIALS_MESSAGE } from "./config.js";
