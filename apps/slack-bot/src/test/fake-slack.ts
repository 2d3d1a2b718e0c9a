import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { collectMrkdwn, isRecord, validateBlocks, validateView } from "./block-kit-checks.js";
import { acceptWebSocket, type WebSocketConnection } from "./fake-websocket.js";

/**
 * A local stand-in for the Slack Web API that speaks its wire format: POST /api/<method> with a
 * form-encoded or JSON body, the token as `Authorization: Bearer` (or a `token` field), HTTP 200
 * with `{ ok: false, error }` for failures, HTTP 429 with `Retry-After` when rate limited. It keeps
 * the state a bot can observe (messages, views), validates Block Kit limits the way Slack does
 * (`invalid_blocks`), records every call, and serves the `response_url`s it hands out.
 */

export interface FakeUser {
  id: string;
  name: string;
  realName: string;
  email: string | null;
  tz?: string;
  /** The user's Slack language, as `users.info` gives it with `include_locale` (default "en-US"). */
  locale?: string;
  isBot?: boolean;
}

export interface RecordedCall {
  method: string;
  /** Body fields, with JSON-in-form fields (`blocks`, `view`, …) parsed. */
  params: Record<string, unknown>;
  contentType: string;
  token: string | undefined;
  at: number;
  status: number;
  response: Record<string, unknown>;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
  status: number;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs: string | undefined;
  text: string;
  blocks: unknown[];
  user: string;
  ephemeralFor?: string;
  /** Message metadata (`event_type`, `event_payload`), returned by conversations.history on request. */
  metadata?: Record<string, unknown>;
}

/** A channel the bot is in, as conversations.info describes it. */
export interface FakeChannel {
  id: string;
  /** The channel's name, without `#` (default: the id in lower case). */
  name?: string;
  /** A private channel (`is_private: true`); public by default. */
  isPrivate?: boolean;
  /**
   * Shared beyond the workspace: with another organization through Slack Connect (`is_ext_shared`)
   * or with other workspaces of an Enterprise Grid organization (`is_org_shared`); either sets
   * `is_shared`, as Slack does. Not shared by default.
   */
  shared?: ChannelSharing | undefined;
}

export type ChannelSharing = "external" | "organization";

/** The workspace a shared channel is shared with, in `shared_team_ids`. */
const OTHER_TEAM = { external: "T0PARTNER", organization: "T0SISTER" } as const;

export interface FakeSlackOptions {
  botToken?: string;
  /** The app-level token (xapp-…) accepted by apps.connections.open for Socket Mode. */
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  users?: FakeUser[];
  /**
   * Channels the bot is a member of (`C…`, `G…`), public unless declared private; DMs (`D…`) are
   * opened with conversations.open. Default: #general and #borders (public) and #bsi-triage
   * (C0TRIAGE, private, as the README asks the triage channel to be).
   */
  channels?: Array<string | FakeChannel>;
  /**
   * The bot token's scopes, for the methods that check them (conversations.info: `channels:read`
   * for a public channel, `groups:read` for a private one, `im:read` for a DM). Default: every scope.
   */
  scopes?: string[];
}

const DEFAULT_CHANNELS: FakeChannel[] = [
  { id: "C0GENERAL", name: "general" },
  { id: "C0BORDERS", name: "borders" },
  { id: "C0TRIAGE", name: "bsi-triage", isPrivate: true },
];

type Fault =
  | { kind: "error"; error: string; remaining: number }
  | { kind: "ratelimit"; retryAfter: number; remaining: number }
  | { kind: "delay"; ms: number; remaining: number }
  | { kind: "http"; status: number; remaining: number };

type Waiter = {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
};
type ResponseWaiter = {
  predicate: (post: ResponseUrlPost) => boolean;
  resolve: (post: ResponseUrlPost) => void;
};

/** Fields the Slack SDK sends JSON-encoded inside a form body. */
const JSON_FIELDS = new Set(["blocks", "attachments", "view", "metadata", "unfurl_links"]);

const MENTION_PATTERN = /<(?:!channel|!here|!everyone|!subteam\^[A-Z0-9]+|@[UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

export class FakeSlack {
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly calls: RecordedCall[] = [];
  readonly responsePosts: ResponseUrlPost[] = [];
  readonly messages: StoredMessage[] = [];
  /** The Home tab each user sees, as last published. */
  readonly homeViews = new Map<string, Record<string, unknown>>();
  readonly modals = new Map<string, Record<string, unknown>>();
  /** Views closed by the app (`response_action: "clear"` or an empty ack to a submission). */
  readonly closedModals = new Set<string>();
  /** The errors last shown under a modal's inputs (`response_action: "errors"`), by view id. */
  readonly modalErrors = new Map<string, Record<string, string>>();
  private readonly users = new Map<string, FakeUser>();
  private readonly channels = new Map<
    string,
    Required<Omit<FakeChannel, "shared">> & Pick<FakeChannel, "shared">
  >();
  private scopes: Set<string> | undefined;
  private readonly faults = new Map<string, Fault[]>();
  private readonly waiters: Waiter[] = [];
  private readonly listeners = new Set<(call: RecordedCall) => void>();
  private readonly responseWaiters: ResponseWaiter[] = [];
  private readonly responseUrls = new Map<string, { uses: number }>();
  /** Messages the app sent over its Socket Mode connections (acks), parsed. */
  readonly socketMessages: Record<string, unknown>[] = [];
  private readonly sockets = new Set<WebSocketConnection>();
  private readonly socketWaiters: Array<() => void> = [];
  private server: Server | undefined;
  private baseUrl = "";
  private tsCounter = 0;
  private viewCounter = 0;

  constructor(options: FakeSlackOptions = {}) {
    this.botToken = options.botToken ?? "xoxb-fake-bot-token";
    this.appToken = options.appToken ?? "xapp-fake-app-token";
    this.teamId = options.teamId ?? "T0FAKETEAM";
    this.botUserId = options.botUserId ?? "U0BSIDESK";
    this.botId = options.botId ?? "B0BSIDESK";
    const users = options.users ?? [
      {
        id: "U0ALICE",
        name: "alice",
        realName: "Alice Ndiaye",
        email: "alice@example.org",
        tz: "Africa/Dakar",
      },
      { id: "U0BOB", name: "bob", realName: "Bob Martin", email: "bob@example.org", tz: "Europe/Vienna" },
      {
        id: "U0TRIAGER",
        name: "tess",
        realName: "Tess Triage",
        email: "tess@un.example",
        tz: "America/New_York",
      },
    ];
    for (const user of users) this.users.set(user.id, user);
    this.users.set(this.botUserId, {
      id: this.botUserId,
      name: "bsi-desk",
      realName: "BSI Desk",
      email: null,
      isBot: true,
    });
    for (const channel of options.channels ?? DEFAULT_CHANNELS) {
      if (typeof channel === "string") this.addChannel(channel);
      else this.addChannel(channel.id, channel);
    }
    this.scopes = options.scopes ? new Set(options.scopes) : undefined;
  }

  /** Starts listening on a loopback port; `apiUrl` is then the value for SLACK_API_URL. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
    });
    this.server.on("upgrade", (req, socket: Socket) => this.acceptSocketMode(req, socket));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const connection of this.sockets) connection.socket.destroy();
    this.sockets.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Base URL of the Web API, with a trailing slash as the Slack SDK expects. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url, as Slack puts in slash-command and interaction payloads. */
  createResponseUrl(): string {
    const id = randomBytes(8).toString("hex");
    this.responseUrls.set(id, { uses: 0 });
    return `${this.baseUrl}/commands/${this.teamId}/${id}`;
  }

  /** A channel the bot is in: public and unshared unless told. Adding a known channel changes nothing. */
  addChannel(id: string, options: Omit<FakeChannel, "id"> = {}): void {
    if (this.channels.has(id)) return;
    this.channels.set(id, {
      id,
      name: options.name ?? id.toLowerCase(),
      isPrivate: options.isPrivate ?? false,
      shared: options.shared,
    });
  }

  /** Converts a channel to private or back to public, as a workspace admin can (the id stays). */
  setChannelPrivacy(id: string, isPrivate: boolean): void {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`no channel ${id}`);
    channel.isPrivate = isPrivate;
  }

  /** Shares a channel beyond the workspace, or stops sharing it (undefined), as an admin can. */
  setChannelSharing(id: string, shared: ChannelSharing | undefined): void {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`no channel ${id}`);
    channel.shared = shared;
  }

  /** Sets the bot token's scopes (undefined: every scope), as reinstalling the app would. */
  setScopes(scopes: string[] | undefined): void {
    this.scopes = scopes ? new Set(scopes) : undefined;
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** A message a person wrote in a channel (for shortcuts and permalinks); returns its ts. */
  addMessage(input: { channel: string; user: string; text: string }): string {
    this.addChannel(input.channel);
    const ts = this.nextTs();
    this.messages.push({
      channel: input.channel,
      ts,
      threadTs: undefined,
      text: input.text,
      blocks: [],
      user: input.user,
    });
    return ts;
  }

  /** Top-level messages the bot posted (or updated) in a channel, oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return this.messages.filter(
      (message) => message.channel === channel && !message.ephemeralFor && message.threadTs === undefined,
    );
  }

  /**
   * What Slack does with the app's answer to a view submission: `update` replaces the modal,
   * `errors` shows messages under inputs (each key must name an input block of the view, or Slack
   * refuses the answer), an empty answer or `clear` closes it. Returns the problems Slack would see.
   */
  applyViewResponse(viewId: string, answer: Record<string, unknown> | undefined): string[] {
    const current = this.modals.get(viewId);
    if (!current) return [`no open view ${viewId}`];
    const action = answer?.response_action;
    if (action === undefined || action === "clear") {
      this.modals.delete(viewId);
      this.closedModals.add(viewId);
      return [];
    }
    if (action === "errors") {
      const errors = isRecord(answer?.errors) ? (answer.errors as Record<string, unknown>) : {};
      const inputIds = new Set(
        (Array.isArray(current.blocks) ? current.blocks : [])
          .filter((block): block is Record<string, unknown> => isRecord(block) && block.type === "input")
          .map((block) => String(block.block_id)),
      );
      const problems = Object.entries(errors).flatMap(([blockId, message]) => {
        if (!inputIds.has(blockId))
          return [`errors names ${blockId}, which is not an input block of the view`];
        if (typeof message !== "string" || message.length === 0)
          return [`errors.${blockId} must be a string`];
        return [];
      });
      if (problems.length === 0) this.modalErrors.set(viewId, errors as Record<string, string>);
      return problems;
    }
    if (action === "update" || action === "push") {
      const problems = validateView(answer?.view, "modal");
      if (problems.length > 0) return problems;
      this.modalErrors.delete(viewId);
      this.modals.set(viewId, this.storeView(answer?.view as Record<string, unknown>, viewId));
      return [];
    }
    return [`unknown response_action ${String(action)}`];
  }

  /** The next `times` calls to `method` fail with `{ ok: false, error }`. */
  failNext(method: string, error: string, times = 1): void {
    this.pushFault(method, { kind: "error", error, remaining: times });
  }

  /** The next `times` calls to `method` get HTTP 429 with `Retry-After: retryAfter`. */
  rateLimitNext(method: string, retryAfter = 1, times = 1): void {
    this.pushFault(method, { kind: "ratelimit", retryAfter, remaining: times });
  }

  /** The next `times` calls to `method` are answered after `ms`. */
  delayNext(method: string, ms: number, times = 1): void {
    this.pushFault(method, { kind: "delay", ms, remaining: times });
  }

  /** The next `times` calls to `method` get a bare HTTP error status (as a proxy in front of Slack might). */
  httpErrorNext(method: string, status: number, times = 1): void {
    this.pushFault(method, { kind: "http", status, remaining: times });
  }

  /** Forgets every fault still queued: Slack is healthy again. */
  clearFaults(): void {
    this.faults.clear();
  }

  private pushFault(method: string, fault: Fault): void {
    const list = this.faults.get(method) ?? [];
    list.push(fault);
    this.faults.set(method, list);
  }

  private takeFault(method: string): Fault | undefined {
    const list = this.faults.get(method);
    const fault = list?.[0];
    if (!list || !fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) list.shift();
    return fault;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (already made or coming) to `method` that matches. */
  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    const existing = this.calls.find((call) => call.method === method && predicate(call));
    if (existing) return Promise.resolve(existing);
    return withTimeout(
      new Promise<RecordedCall>((resolve) => this.waiters.push({ method, predicate, resolve })),
      timeoutMs,
      `no ${method} call matched within ${timeoutMs} ms (calls so far: ${this.calls.map((call) => call.method).join(", ") || "none"})`,
    );
  }

  /** Resolves with the first POST to a response_url that matches. */
  waitForResponse(
    predicate: (post: ResponseUrlPost) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<ResponseUrlPost> {
    const existing = this.responsePosts.find(predicate);
    if (existing) return Promise.resolve(existing);
    return withTimeout(
      new Promise<ResponseUrlPost>((resolve) => this.responseWaiters.push({ predicate, resolve })),
      timeoutMs,
      `no response_url POST matched within ${timeoutMs} ms (${this.responsePosts.length} so far)`,
    );
  }

  /** Mentions Slack would notify for in a piece of mrkdwn (`<!channel>`, `<@U…>`, …). */
  static pingsIn(text: string): string[] {
    return text.match(MENTION_PATTERN) ?? [];
  }

  /** Every mention a recorded message would notify for: in `text` and in every mrkdwn block text. */
  static pingsInMessage(params: Record<string, unknown>): string[] {
    const texts: string[] = [];
    if (typeof params.text === "string") texts.push(params.text);
    collectMrkdwn(params.blocks, texts);
    return texts.flatMap((text) => FakeSlack.pingsIn(text));
  }

  // ------------------------------------------------------------------------------------------
  // HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const raw = await readBody(req);
    if (req.method === "POST" && url.pathname.startsWith("/api/")) {
      await this.handleApi(url.pathname.slice("/api/".length), req, raw, res);
      return;
    }
    if (req.method === "POST" && url.pathname.startsWith(`/commands/${this.teamId}/`)) {
      this.handleResponseUrl(url.pathname.split("/").pop() ?? "", req, raw, res);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }

  private handleResponseUrl(id: string, req: IncomingMessage, raw: string, res: ServerResponse): void {
    const entry = this.responseUrls.get(id);
    let body: Record<string, unknown> = {};
    let status = 200;
    let reply: Record<string, unknown> = { ok: true };
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (!isRecord(parsed)) throw new Error("not an object");
      body = parsed;
    } catch {
      status = 400;
      reply = { ok: false, error: "invalid_payload" };
    }
    if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) {
      status = 400;
      reply = { ok: false, error: "invalid_payload" };
    } else if (!entry) {
      status = 404;
      reply = { ok: false, error: "expired_url" };
    } else if (entry.uses >= 5) {
      // Slack allows five uses of a response_url within 30 minutes.
      status = 404;
      reply = { ok: false, error: "used_url" };
    } else if (status === 200) {
      const blockProblems = validateBlocks(body.blocks, 50);
      if (blockProblems.length > 0) {
        status = 400;
        reply = { ok: false, error: "invalid_blocks", errors: blockProblems };
      } else {
        entry.uses += 1;
      }
    }
    const post: ResponseUrlPost = { id, body, at: Date.now(), status };
    this.responsePosts.push(post);
    sendJson(res, status, reply);
    if (status === 200) {
      for (const waiter of [...this.responseWaiters]) {
        if (waiter.predicate(post)) {
          this.responseWaiters.splice(this.responseWaiters.indexOf(waiter), 1);
          waiter.resolve(post);
        }
      }
    }
  }

  private async handleApi(
    method: string,
    req: IncomingMessage,
    raw: string,
    res: ServerResponse,
  ): Promise<void> {
    const contentType = String(req.headers["content-type"] ?? "");
    const params = parseParams(contentType, raw);
    const authorization = req.headers.authorization;
    const token = authorization?.startsWith("Bearer ")
      ? authorization.slice("Bearer ".length)
      : typeof params?.token === "string"
        ? params.token
        : undefined;
    const record = (status: number, response: Record<string, unknown>) => {
      const call: RecordedCall = {
        method,
        params: params ?? {},
        contentType,
        token,
        at: Date.now(),
        status,
        response,
      };
      this.calls.push(call);
      return call;
    };

    const fault = this.takeFault(method);
    if (fault?.kind === "delay") await sleep(fault.ms);
    if (fault?.kind === "ratelimit") {
      const response = { ok: false, error: "ratelimited" };
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(fault.retryAfter) });
      res.end(JSON.stringify(response));
      this.notify(record(429, response));
      return;
    }
    if (fault?.kind === "http") {
      res.writeHead(fault.status, { "content-type": "text/plain" });
      res.end("upstream error");
      this.notify(record(fault.status, { ok: false, error: `http_${fault.status}` }));
      return;
    }

    let response: Record<string, unknown>;
    if (params === undefined) {
      response = { ok: false, error: "invalid_form_data" };
    } else if (token === undefined) {
      response = { ok: false, error: "not_authed" };
    } else if (method === "apps.connections.open") {
      response =
        token === this.appToken
          ? {
              ok: true,
              url: `${this.baseUrl.replace(/^http/, "ws")}/link/?ticket=${randomBytes(8).toString("hex")}`,
            }
          : { ok: false, error: token.startsWith("xapp-") ? "invalid_auth" : "not_allowed_token_type" };
    } else if (token !== this.botToken) {
      response = { ok: false, error: "invalid_auth" };
    } else if (fault?.kind === "error") {
      response = { ok: false, error: fault.error };
    } else {
      response = this.dispatch(method, params);
    }
    sendJson(res, 200, response);
    this.notify(record(200, response));
  }

  /** Calls `listener` with every Web API call as it is answered; returns the unsubscribe function. */
  onCall(listener: (call: RecordedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(call: RecordedCall): void {
    for (const listener of this.listeners) listener(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.method === call.method && waiter.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Socket Mode: a minimal WebSocket server (RFC 6455) speaking Slack's envelopes

  private acceptSocketMode(req: IncomingMessage, socket: Socket): void {
    if (!req.url?.startsWith("/link/")) {
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    const connection = acceptWebSocket(req, socket, (text) => {
      try {
        const message = JSON.parse(text) as unknown;
        if (isRecord(message)) this.socketMessages.push(message);
      } catch {
        this.socketMessages.push({ unparsable: text });
      }
    });
    if (!connection) return;
    this.sockets.add(connection);
    socket.on("close", () => this.sockets.delete(connection));
    connection.sendText(
      JSON.stringify({
        type: "hello",
        num_connections: this.sockets.size,
        debug_info: { host: "fake-slack", approximate_connection_time: 18060 },
        connection_info: { app_id: "A0BSIDESK" },
      }),
    );
    for (const waiter of this.socketWaiters.splice(0)) waiter();
  }

  /** Resolves once an app holds a Socket Mode connection. */
  waitForSocketConnection(timeoutMs = 5000): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return withTimeout(
      new Promise<void>((resolve) => this.socketWaiters.push(resolve)),
      timeoutMs,
      `no Socket Mode connection within ${timeoutMs} ms`,
    );
  }

  /** Sends an envelope to every connected app, as Slack pushes events, commands and interactions. */
  sendOverSocket(envelope: Record<string, unknown>): void {
    for (const connection of this.sockets) connection.sendText(JSON.stringify(envelope));
  }

  /** Resolves with the app's acknowledgement of an envelope. */
  async waitForSocketAck(envelopeId: string, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ack = this.socketMessages.find((message) => message.envelope_id === envelopeId);
      if (ack) return ack;
      await sleep(10);
    }
    throw new Error(`no ack for envelope ${envelopeId} within ${timeoutMs} ms`);
  }

  // ------------------------------------------------------------------------------------------
  // Methods

  private dispatch(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://bsi-fake.slack.com/",
          team: "BSI Fake",
          user: "bsi-desk",
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        };
      case "chat.postMessage":
        return this.postMessage(params);
      case "chat.postEphemeral":
        return this.postEphemeral(params);
      case "chat.update":
        return this.updateMessage(params);
      case "chat.getPermalink":
        return this.getPermalink(params);
      case "conversations.open":
        return this.openConversation(params);
      case "conversations.history":
        return this.conversationHistory(params);
      case "conversations.info":
        return this.conversationInfo(params);
      case "users.info":
        return this.userInfo(params);
      case "views.open":
        return this.openView(params);
      case "views.update":
        return this.updateView(params);
      case "views.publish":
        return this.publishView(params);
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    const seconds = Math.floor(Date.now() / 1000);
    return `${seconds}.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private resolveChannel(channel: unknown): string | undefined {
    if (typeof channel !== "string" || channel === "") return undefined;
    if (this.channels.has(channel)) return channel;
    // Posting to a user id delivers to the DM with that user.
    if (/^[UW]/.test(channel) && this.users.has(channel)) return this.dmChannelFor(channel);
    return undefined;
  }

  private dmChannelFor(userId: string): string {
    const channel = `D${userId.slice(1)}`;
    this.addChannel(channel);
    return channel;
  }

  private messageProblems(params: Record<string, unknown>): Record<string, unknown> | undefined {
    const text = params.text;
    const blocks = params.blocks;
    if ((typeof text !== "string" || text.trim() === "") && !Array.isArray(blocks)) {
      return { ok: false, error: "no_text" };
    }
    if (typeof text === "string" && text.length > 40_000) return { ok: false, error: "msg_too_long" };
    if (blocks !== undefined) {
      const problems = validateBlocks(blocks, 50);
      if (problems.length > 0) return { ok: false, error: "invalid_blocks", errors: problems };
    }
    return undefined;
  }

  private postMessage(params: Record<string, unknown>): Record<string, unknown> {
    const channel = this.resolveChannel(params.channel);
    if (!channel) return { ok: false, error: "channel_not_found" };
    const problem = this.messageProblems(params);
    if (problem) return problem;
    const threadTs = typeof params.thread_ts === "string" ? params.thread_ts : undefined;
    const message: StoredMessage = {
      channel,
      ts: this.nextTs(),
      threadTs,
      text: typeof params.text === "string" ? params.text : "",
      blocks: Array.isArray(params.blocks) ? params.blocks : [],
      user: this.botUserId,
      ...(isRecord(params.metadata) ? { metadata: params.metadata } : {}),
    };
    this.messages.push(message);
    return {
      ok: true,
      channel,
      ts: message.ts,
      message: {
        type: "message",
        user: this.botUserId,
        bot_id: this.botId,
        text: message.text,
        ts: message.ts,
      },
    };
  }

  private postEphemeral(params: Record<string, unknown>): Record<string, unknown> {
    const channel = this.resolveChannel(params.channel);
    if (!channel) return { ok: false, error: "channel_not_found" };
    if (typeof params.user !== "string" || !this.users.has(params.user)) {
      return { ok: false, error: "user_not_found" };
    }
    const problem = this.messageProblems(params);
    if (problem) return problem;
    const ts = this.nextTs();
    this.messages.push({
      channel,
      ts,
      threadTs: typeof params.thread_ts === "string" ? params.thread_ts : undefined,
      text: typeof params.text === "string" ? params.text : "",
      blocks: Array.isArray(params.blocks) ? params.blocks : [],
      user: this.botUserId,
      ephemeralFor: params.user,
    });
    return { ok: true, message_ts: ts };
  }

  private updateMessage(params: Record<string, unknown>): Record<string, unknown> {
    const channel = this.resolveChannel(params.channel);
    if (!channel) return { ok: false, error: "channel_not_found" };
    const message = this.messages.find((stored) => stored.channel === channel && stored.ts === params.ts);
    if (!message || message.ephemeralFor) return { ok: false, error: "message_not_found" };
    const problem = this.messageProblems(params);
    if (problem) return problem;
    if (typeof params.text === "string") message.text = params.text;
    if (Array.isArray(params.blocks)) message.blocks = params.blocks;
    if (isRecord(params.metadata)) message.metadata = params.metadata;
    return { ok: true, channel, ts: message.ts, text: message.text };
  }

  private getPermalink(params: Record<string, unknown>): Record<string, unknown> {
    const channel = this.resolveChannel(params.channel);
    if (!channel) return { ok: false, error: "channel_not_found" };
    const message = this.messages.find(
      (stored) => stored.channel === channel && stored.ts === params.message_ts,
    );
    if (!message) return { ok: false, error: "message_not_found" };
    return {
      ok: true,
      channel,
      permalink: `https://bsi-fake.slack.com/archives/${channel}/p${message.ts.replace(".", "")}`,
    };
  }

  /** Top-level messages newest first within (oldest, latest), paged by cursor, metadata on request. */
  private conversationHistory(params: Record<string, unknown>): Record<string, unknown> {
    const channel = this.resolveChannel(params.channel);
    if (!channel) return { ok: false, error: "channel_not_found" };
    const inclusive = isTrue(params.inclusive);
    const oldest = params.oldest === undefined ? 0 : Number(params.oldest);
    const latest = params.latest === undefined ? Number.POSITIVE_INFINITY : Number(params.latest);
    const limit = Math.min(999, Math.max(1, Number(params.limit ?? 100) || 100));
    const withMetadata = isTrue(params.include_all_metadata);
    const offset =
      typeof params.cursor === "string" && params.cursor !== ""
        ? Number(Buffer.from(params.cursor, "base64").toString("utf8").replace("offset:", ""))
        : 0;
    const inWindow = this.messagesIn(channel)
      .filter((message) => {
        const at = Number(message.ts);
        return inclusive ? at >= oldest && at <= latest : at > oldest && at < latest;
      })
      .reverse();
    const page = inWindow.slice(offset, offset + limit);
    const hasMore = offset + limit < inWindow.length;
    return {
      ok: true,
      messages: page.map((message) => ({
        type: "message",
        user: message.user,
        ...(message.user === this.botUserId ? { bot_id: this.botId } : {}),
        text: message.text,
        ts: message.ts,
        ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
        ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
      })),
      has_more: hasMore,
      response_metadata: {
        next_cursor: hasMore ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "",
      },
    };
  }

  /**
   * A channel's description, as Slack gives it: `missing_scope` (with `needed` and `provided`) when
   * the token lacks the scope for the channel's kind, `channel_not_found` for a channel the bot
   * cannot see (Slack says the same for a private channel the bot is not in).
   */
  private conversationInfo(params: Record<string, unknown>): Record<string, unknown> {
    const id = typeof params.channel === "string" ? params.channel : "";
    if (id === "") return { ok: false, error: "channel_not_found" };
    const channel = this.channels.get(id);
    const isIm = id.startsWith("D");
    const needed = isIm ? "im:read" : channel?.isPrivate ? "groups:read" : "channels:read";
    if (this.scopes && !this.scopes.has(needed)) {
      return { ok: false, error: "missing_scope", needed, provided: [...this.scopes].join(",") };
    }
    if (!channel) return { ok: false, error: "channel_not_found" };
    if (isIm) {
      const user = `U${id.slice(1)}`;
      return { ok: true, channel: { id, created: 1700000000, is_im: true, is_org_shared: false, user } };
    }
    return {
      ok: true,
      channel: {
        id,
        name: channel.name,
        name_normalized: channel.name,
        // Private channels made before March 2021 have G ids and read as groups; later ones as channels.
        is_channel: !id.startsWith("G"),
        is_group: id.startsWith("G"),
        is_im: false,
        is_mpim: false,
        is_private: channel.isPrivate,
        is_archived: false,
        is_general: channel.name === "general",
        is_shared: channel.shared !== undefined,
        is_ext_shared: channel.shared === "external",
        is_org_shared: channel.shared === "organization",
        is_pending_ext_shared: false,
        pending_shared: [],
        shared_team_ids: channel.shared ? [this.teamId, OTHER_TEAM[channel.shared]] : [this.teamId],
        is_member: true,
        created: 1700000000,
        creator: "U0ALICE",
        context_team_id: this.teamId,
        topic: { value: "", creator: "", last_set: 0 },
        purpose: { value: "", creator: "", last_set: 0 },
      },
    };
  }

  private openConversation(params: Record<string, unknown>): Record<string, unknown> {
    const users = typeof params.users === "string" ? params.users.split(",").filter(Boolean) : [];
    if (users.length === 0) return { ok: false, error: "users_list_not_supplied" };
    if (users.length > 1) return { ok: false, error: "not_enough_users" };
    const userId = users[0] ?? "";
    if (!this.users.has(userId)) return { ok: false, error: "user_not_found" };
    return { ok: true, channel: { id: this.dmChannelFor(userId) } };
  }

  /** A user's profile; their locale only when asked with `include_locale`, as Slack gives it. */
  private userInfo(params: Record<string, unknown>): Record<string, unknown> {
    const user = typeof params.user === "string" ? this.users.get(params.user) : undefined;
    if (!user) return { ok: false, error: "user_not_found" };
    const withLocale = isTrue(params.include_locale);
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: this.teamId,
        name: user.name,
        real_name: user.realName,
        is_bot: user.isBot ?? false,
        tz: user.tz ?? "UTC",
        ...(withLocale ? { locale: user.locale ?? "en-US" } : {}),
        profile: {
          real_name: user.realName,
          display_name: user.name,
          ...(user.email ? { email: user.email } : {}),
        },
      },
    };
  }

  private storeView(view: Record<string, unknown>, id?: string): Record<string, unknown> {
    this.viewCounter += 1;
    const viewId = id ?? `V${String(this.viewCounter).padStart(8, "0")}`;
    return {
      ...view,
      id: viewId,
      team_id: this.teamId,
      hash: `${Date.now()}.${randomBytes(4).toString("hex")}`,
      private_metadata: typeof view.private_metadata === "string" ? view.private_metadata : "",
      callback_id: typeof view.callback_id === "string" ? view.callback_id : "",
    };
  }

  private openView(params: Record<string, unknown>): Record<string, unknown> {
    if (typeof params.trigger_id !== "string" || params.trigger_id === "") {
      return { ok: false, error: "invalid_trigger_id" };
    }
    // A trigger_id is good for 3 seconds; the driver's start with the millisecond they were made.
    const madeAt = /^(\d{13})\./.exec(params.trigger_id)?.[1];
    if (madeAt && Date.now() - Number(madeAt) > 3000) return { ok: false, error: "expired_trigger_id" };
    const view = params.view;
    const problems = validateView(view, "modal");
    if (problems.length > 0)
      return { ok: false, error: "invalid_arguments", response_metadata: { messages: problems } };
    const stored = this.storeView(view as Record<string, unknown>);
    this.modals.set(String(stored.id), stored);
    return { ok: true, view: stored };
  }

  private updateView(params: Record<string, unknown>): Record<string, unknown> {
    const id = typeof params.view_id === "string" ? params.view_id : undefined;
    const existing = id ? this.modals.get(id) : undefined;
    if (!id || !existing) return { ok: false, error: "not_found" };
    if (typeof params.hash === "string" && params.hash !== existing.hash)
      return { ok: false, error: "hash_conflict" };
    const problems = validateView(params.view, "modal");
    if (problems.length > 0)
      return { ok: false, error: "invalid_arguments", response_metadata: { messages: problems } };
    const stored = this.storeView(params.view as Record<string, unknown>, id);
    this.modals.set(id, stored);
    return { ok: true, view: stored };
  }

  private publishView(params: Record<string, unknown>): Record<string, unknown> {
    const userId = typeof params.user_id === "string" ? params.user_id : "";
    if (!this.users.has(userId)) return { ok: false, error: "user_not_found" };
    const problems = validateView(params.view, "home");
    if (problems.length > 0)
      return { ok: false, error: "invalid_arguments", response_metadata: { messages: problems } };
    const existing = this.homeViews.get(userId);
    if (typeof params.hash === "string" && existing && params.hash !== existing.hash) {
      return { ok: false, error: "hash_conflict" };
    }
    const stored = this.storeView(
      params.view as Record<string, unknown>,
      existing ? String(existing.id) : undefined,
    );
    this.homeViews.set(userId, stored);
    return { ok: true, view: stored };
  }
}

// ----------------------------------------------------------------------------------------------
// Wire helpers

function parseParams(contentType: string, raw: string): Record<string, unknown> | undefined {
  if (raw === "") return {};
  if (contentType.startsWith("application/json")) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  if (contentType.startsWith("application/x-www-form-urlencoded") || contentType === "") {
    const params: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      if (JSON_FIELDS.has(key)) {
        try {
          params[key] = JSON.parse(value) as unknown;
        } catch {
          params[key] = value;
        }
      } else {
        params[key] = value;
      }
    }
    return params;
  }
  return undefined;
}

/** A boolean argument as the SDK sends it: `true` in JSON, "true" or "1" in a form. */
function isTrue(value: unknown): boolean {
  return value === true || value === "true" || value === "1";
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
