import { runChat } from "./chat/main.js";

process.exitCode = await runChat({
  argv: process.argv.slice(2),
  env: process.env,
  input: process.stdin,
  output: process.stdout,
  errors: process.stderr,
});
