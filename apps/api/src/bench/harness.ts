import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Requests per second of the node:http baseline measured in the same run, when compared. */
  baselineRps?: number;
  ratio?: number;
  bar?: string;
  passed?: boolean;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Builds each request (for distinct idempotency keys). */
  setupRequest?: (request: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }) => {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  };
}

/** Runs autocannon and returns requests per second and latency percentiles. */
export async function runLoad(name: string, options: LoadOptions): Promise<LoadResult> {
  // A short warm-up first, so the figures are of the steady state, not of the JIT compiler.
  await autocannon({
    url: options.url,
    connections: options.connections,
    duration: Math.min(2, options.durationSeconds),
    method: options.method ?? "GET",
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body ? { body: options.body } : {}),
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest as never }] } : {}),
  });
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? "GET",
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body ? { body: options.body } : {}),
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest as never }] } : {}),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A bare node:http server answering a fixed body: the ceiling any handler on this machine is compared with. */
export async function startBaseline(
  body: string,
  contentType = "application/json",
): Promise<{ url: string; close: () => Promise<void> }> {
  const buffer = Buffer.from(body);
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": contentType, "content-length": buffer.length });
    res.end(buffer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The baseline in its own process, so it gets a core of its own as the API does. */
export async function startBaselineProcess(
  body: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const script = `
    const http = require("node:http");
    const body = Buffer.from(process.env.BASELINE_BODY, "base64");
    const server = http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
      res.end(body);
    });
    server.listen(0, "127.0.0.1", () => console.log("PORT " + server.address().port));
  `;
  const child = spawn(process.execPath, ["-e", script], {
    env: { ...process.env, BASELINE_BODY: Buffer.from(body).toString("base64") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(String(chunk));
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`baseline exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, close: () => stopProcess(child) };
}

export interface ApiProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Peak resident memory so far, in MB (VmHWM). */
  peakRssMb(): number;
  /** Sends the signal (SIGTERM by default) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  close(): Promise<void>;
}

// The built server, whether this module runs from src (tests) or from dist (the bench).
const SERVER_SCRIPT = fileURLToPath(new URL("../../dist/server.js", import.meta.url));

/** The memory flags `npm start` gives the API (scripts/start.mjs reads the same file). */
const NODE_FLAGS = JSON.parse(
  readFileSync(new URL("../../node-flags.json", import.meta.url), "utf8"),
) as string[];

/**
 * Starts the built API (`dist/server.js`) as its own process, as `npm start` would, on a free port,
 * and waits until it listens. Used by the benchmarks, the fault suite and the multi-instance tests.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  // The same memory flags as `npm start` (scripts/start.mjs), so the figures are of what ships.
  const child = spawn(process.execPath, [...NODE_FLAGS, SERVER_SCRIPT], {
    env: { ...process.env, PORT: "0", LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += String(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start within 60 s: ${output}`)), 60_000);
    child.stdout?.on("data", () => {
      const match = /on (http:\/\/\S+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited ${code} before listening: ${output}`));
    });
  });
  const pid = child.pid ?? 0;
  const stop = (signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> => {
    if (child.exitCode !== null) return Promise.resolve(child.exitCode);
    return new Promise((resolve) => {
      child.once("exit", (code) => resolve(code));
      child.kill(signal);
    });
  };
  return {
    url,
    pid,
    child,
    output: () => output,
    peakRssMb: () => readPeakRssMb(pid),
    stop,
    close: () => stopProcess(child),
  };
}

export function readPeakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

export function compare(
  result: LoadResult,
  baselineRps: number,
  bar: { minRatio?: number; maxP99Ms?: number },
): LoadResult {
  const ratio = Math.round((result.requestsPerSecond / baselineRps) * 100) / 100;
  const checks: string[] = [];
  let passed = result.errors === 0 && result.non2xx === 0;
  if (bar.minRatio !== undefined) {
    checks.push(`≥${bar.minRatio}×`);
    passed &&= ratio >= bar.minRatio;
  }
  if (bar.maxP99Ms !== undefined) {
    checks.push(`p99<${bar.maxP99Ms}ms`);
    passed &&= result.p99Ms < bar.maxP99Ms;
  }
  return { ...result, baselineRps, ratio, bar: checks.join(", "), passed };
}
