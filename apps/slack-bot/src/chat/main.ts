import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { createClient } from "@bsi/client";
import { API_TIMEOUT_MS } from "../api.js";
import { ApiConnectionSchema } from "../config.js";
import { ANSI, PLAIN } from "./render-text.js";
import { createChatSession } from "./session.js";

export interface ChatIo {
  argv: string[];
  env: Record<string, string | undefined>;
  input: Readable;
  output: Writable & { isTTY?: boolean };
  errors: Writable;
}

interface ApiTarget {
  url: string;
  token: string | undefined;
  close: () => Promise<void>;
}

/** True when something answers `GET /health` at the URL within a second. */
async function isApiUp(url: string): Promise<boolean> {
  try {
    await createClient({ baseUrl: url, timeoutMs: 1000 }).health();
    return true;
  } catch {
    return false;
  }
}

/**
 * The API at BSI_API_URL, or, when nothing answers there, one started in this process on an
 * in-memory database seeded with the catalogue, so the chat works with no setup at all.
 */
async function connect(
  url: string,
  token: string | undefined,
  errors: Writable,
): Promise<ApiTarget | undefined> {
  if (await isApiUp(url)) return { url, token, close: async () => undefined };
  let api: typeof import("@bsi/api");
  try {
    api = await import("@bsi/api");
  } catch {
    errors.write(
      `No BSI Desk API answers at ${url}. Start it with \`npm start\` in another terminal, then try again.\n`,
    );
    return undefined;
  }
  const server = await api.startServer(
    api.ApiConfigSchema.parse({
      PORT: 0,
      HOST: "127.0.0.1",
      DATABASE_URL: ":memory:",
      BSI_SEED: "catalogue",
      LOG_LEVEL: "silent",
      WEBHOOKS_ENABLED: "false",
    }),
  );
  // The person at the terminal owns this API: give the chat a key that can read requests.
  const { secret } = await api.createApiKey(server.runtime.handle.db, {
    name: "chat",
    scopes: ["requests:read"],
  });
  errors.write(
    `No BSI Desk API answers at ${url}, so the chat started its own on ${server.url} with the sample catalogue in memory (nothing is saved).\n`,
  );
  return { url: server.url, token: secret, close: () => server.close() };
}

/**
 * `npm run chat`: a terminal session with the bot; `npm run chat -- "what's next?"` answers once.
 * Returns the exit code.
 */
export async function runChat(io: ChatIo): Promise<number> {
  const parsed = ApiConnectionSchema.safeParse(io.env);
  if (!parsed.success) {
    io.errors.write(`BSI Desk chat: bad configuration — ${parsed.error.issues[0]?.message ?? "invalid"}\n`);
    return 2;
  }
  const target = await connect(parsed.data.BSI_API_URL, parsed.data.BSI_API_TOKEN, io.errors);
  if (!target) return 1;
  const useColor = io.output.isTTY === true && !io.env.NO_COLOR;
  const session = createChatSession({
    api: createClient({ baseUrl: target.url, token: target.token, timeoutMs: API_TIMEOUT_MS }),
    apiUrl: target.url,
    style: useColor ? ANSI : PLAIN,
  });
  try {
    const question = io.argv.join(" ").trim();
    if (question) {
      io.output.write(`${await session.answer(question)}\n`);
      return 0;
    }
    io.output.write(
      `BSI Desk — the Slack bot in your terminal (API: ${target.url}).\nAsk a question, or type help, next, events, practices or status. "exit" or Ctrl+D leaves.\n`,
    );
    const lines = createInterface({ input: io.input, output: io.output, terminal: io.output.isTTY === true });
    const prompt = () => {
      if (io.output.isTTY) io.output.write("\nyou › ");
    };
    prompt();
    for await (const line of lines) {
      const text = line.trim();
      if (/^(exit|quit|bye)$/i.test(text)) break;
      if (text) io.output.write(`\n${await session.answer(text)}\n`);
      prompt();
    }
    lines.close();
    return 0;
  } finally {
    await target.close();
  }
}
