import { createHmac, randomBytes } from "node:crypto";
import type { FakeSlack } from "./fake-slack.js";

/**
 * Sends the bot what Slack sends it, as Slack sends it: Events API callbacks as JSON, slash
 * commands form-encoded, interactions as a `payload` form field, all signed with
 * `X-Slack-Signature` (v0 HMAC-SHA256 of `v0:timestamp:body`) and `X-Slack-Request-Timestamp`.
 */

export interface SendOptions {
  /** Unix seconds for X-Slack-Request-Timestamp (default: now). */
  timestamp?: number;
  /** Sign with this secret instead of the real one (a forgery). */
  secret?: string;
  /** Send no signature headers at all. */
  unsigned?: boolean;
  /** Send this exact X-Slack-Signature. */
  signature?: string;
  retryNum?: number;
  retryReason?: string;
}

export interface DriverResponse {
  status: number;
  body: string;
  contentType: string;
  elapsedMs: number;
}

export interface MessageContainer {
  type: "message";
  channel: string;
  messageTs: string;
  threadTs?: string;
  isEphemeral: boolean;
}

export interface ViewContainer {
  type: "view";
  viewId: string;
}

export class SlackDriver {
  readonly apiAppId = "A0BSIDESK";
  private tsCounter = 0;

  constructor(private readonly options: { botUrl: string; signingSecret: string; slack: FakeSlack }) {}

  /** The v0 signature Slack computes for a body at a timestamp. */
  static sign(secret: string, timestamp: number, body: string): string {
    return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  }

  /** A message timestamp as Slack writes them ("1767225600.000123"). */
  nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<DriverResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { "content-type": contentType };
    if (!options.unsigned) {
      headers["x-slack-request-timestamp"] = String(timestamp);
      headers["x-slack-signature"] =
        options.signature ?? SlackDriver.sign(options.secret ?? this.options.signingSecret, timestamp, body);
    }
    if (options.retryNum !== undefined) headers["x-slack-retry-num"] = String(options.retryNum);
    if (options.retryReason !== undefined) headers["x-slack-retry-reason"] = options.retryReason;
    const started = performance.now();
    const response = await fetch(this.options.botUrl, { method: "POST", headers, body });
    const text = await response.text();
    return {
      status: response.status,
      body: text,
      contentType: response.headers.get("content-type") ?? "",
      elapsedMs: performance.now() - started,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Events API

  /** Wraps an event in an `event_callback` envelope with an `event_id` and sends it as JSON. */
  async sendEvent(
    event: Record<string, unknown>,
    options: SendOptions & { eventId?: string } = {},
  ): Promise<{ eventId: string; response: DriverResponse }> {
    const slack = this.options.slack;
    const eventId = options.eventId ?? `Ev${randomBytes(5).toString("hex").toUpperCase()}`;
    const envelope = {
      token: "legacy-verification-token",
      team_id: slack.teamId,
      api_app_id: this.apiAppId,
      event,
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: slack.teamId,
          user_id: slack.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${randomBytes(6).toString("hex")}`,
    };
    const response = await this.send(JSON.stringify(envelope), "application/json", options);
    return { eventId, response };
  }

  /** `@BSI Desk <text>` in a channel: an app_mention event. */
  mention(
    input: { user: string; channel: string; text: string; ts?: string; threadTs?: string },
    options: SendOptions & { eventId?: string } = {},
  ) {
    const ts = input.ts ?? this.nextTs();
    const event: Record<string, unknown> = {
      type: "app_mention",
      user: input.user,
      text: `<@${this.options.slack.botUserId}> ${input.text}`,
      ts,
      channel: input.channel,
      event_ts: ts,
      team: this.options.slack.teamId,
    };
    if (input.threadTs) event.thread_ts = input.threadTs;
    return this.sendEvent(event, options).then((sent) => ({ ...sent, ts }));
  }

  /** A message in the user's DM with the bot (message.im). Extra fields (subtype, bot_id…) override. */
  directMessage(
    input: { user: string; text: string; ts?: string; channel?: string; extra?: Record<string, unknown> },
    options: SendOptions & { eventId?: string } = {},
  ) {
    const ts = input.ts ?? this.nextTs();
    const event: Record<string, unknown> = {
      type: "message",
      channel: input.channel ?? `D${input.user.slice(1)}`,
      user: input.user,
      text: input.text,
      ts,
      event_ts: ts,
      channel_type: "im",
      team: this.options.slack.teamId,
      ...input.extra,
    };
    return this.sendEvent(event, options).then((sent) => ({ ...sent, ts }));
  }

  /** The user opened the bot's Home tab; `view` is what Slack last had published there. */
  appHomeOpened(user: string, options: SendOptions & { tab?: "home" | "messages" } = {}) {
    const view = this.options.slack.homeViews.get(user);
    const event: Record<string, unknown> = {
      type: "app_home_opened",
      user,
      channel: `D${user.slice(1)}`,
      tab: options.tab ?? "home",
      event_ts: this.nextTs(),
    };
    if (view) event.view = view;
    return this.sendEvent(event, options);
  }

  // ------------------------------------------------------------------------------------------
  // Slash commands

  /** `/bsi <text>`, form-encoded, with a response_url served by the fake. */
  async command(
    input: { text: string; user: string; channel?: string; command?: string; responseUrl?: string },
    options: SendOptions = {},
  ): Promise<{ response: DriverResponse; responseUrl: string; triggerId: string }> {
    const slack = this.options.slack;
    const responseUrl = input.responseUrl ?? slack.createResponseUrl();
    const triggerId = this.triggerId();
    const form = new URLSearchParams({
      token: "legacy-verification-token",
      team_id: slack.teamId,
      team_domain: "bsi-fake",
      channel_id: input.channel ?? "C0GENERAL",
      channel_name: "general",
      user_id: input.user,
      user_name: input.user.toLowerCase(),
      command: input.command ?? "/bsi",
      text: input.text,
      api_app_id: this.apiAppId,
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    const response = await this.send(form.toString(), "application/x-www-form-urlencoded", options);
    return { response, responseUrl, triggerId };
  }

  // ------------------------------------------------------------------------------------------
  // Interactivity

  /** Sends an interaction payload as Slack does: form-encoded, JSON in the `payload` field. */
  sendPayload(payload: Record<string, unknown>, options: SendOptions = {}): Promise<DriverResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, "application/x-www-form-urlencoded", options);
  }

  /** A button click (or select) on a message or a view. */
  async blockAction(
    input: {
      user: string;
      actionId: string;
      blockId?: string;
      value?: string;
      selectedOption?: { text: string; value: string };
      container: MessageContainer | ViewContainer;
      /** The message as posted (for non-ephemeral messages Slack includes it). */
      message?: Record<string, unknown>;
      view?: Record<string, unknown>;
    },
    options: SendOptions = {},
  ): Promise<{ response: DriverResponse; responseUrl: string | undefined }> {
    const slack = this.options.slack;
    const action: Record<string, unknown> = {
      action_id: input.actionId,
      block_id: input.blockId ?? "block",
      action_ts: `${Date.now() / 1000}`,
    };
    if (input.selectedOption) {
      action.type = "external_select";
      action.selected_option = {
        text: { type: "plain_text", text: input.selectedOption.text },
        value: input.selectedOption.value,
      };
    } else {
      action.type = "button";
      action.text = { type: "plain_text", text: "Button" };
      if (input.value !== undefined) action.value = input.value;
    }
    const payload: Record<string, unknown> = {
      type: "block_actions",
      user: {
        id: input.user,
        username: input.user.toLowerCase(),
        name: input.user.toLowerCase(),
        team_id: slack.teamId,
      },
      api_app_id: this.apiAppId,
      token: "legacy-verification-token",
      trigger_id: this.triggerId(),
      team: { id: slack.teamId, domain: "bsi-fake" },
      enterprise: null,
      is_enterprise_install: false,
      state: { values: {} },
      actions: [action],
    };
    let responseUrl: string | undefined;
    if (input.container.type === "message") {
      responseUrl = slack.createResponseUrl();
      payload.container = {
        type: "message",
        message_ts: input.container.messageTs,
        channel_id: input.container.channel,
        is_ephemeral: input.container.isEphemeral,
        ...(input.container.threadTs ? { thread_ts: input.container.threadTs } : {}),
      };
      payload.channel = { id: input.container.channel, name: "channel" };
      payload.response_url = responseUrl;
      if (input.message) payload.message = input.message;
    } else {
      payload.container = { type: "view", view_id: input.container.viewId };
      payload.view = input.view ?? {};
    }
    const response = await this.sendPayload(payload, options);
    return { response, responseUrl };
  }

  /** An options load for an external select (block_suggestion). */
  blockSuggestion(
    input: {
      user: string;
      actionId: string;
      blockId?: string;
      value: string;
      view?: Record<string, unknown>;
    },
    options: SendOptions = {},
  ): Promise<DriverResponse> {
    const slack = this.options.slack;
    const payload: Record<string, unknown> = {
      type: "block_suggestion",
      user: {
        id: input.user,
        username: input.user.toLowerCase(),
        name: input.user.toLowerCase(),
        team_id: slack.teamId,
      },
      container: input.view ? { type: "view", view_id: input.view.id } : { type: "message" },
      api_app_id: this.apiAppId,
      token: "legacy-verification-token",
      action_id: input.actionId,
      block_id: input.blockId ?? "block",
      value: input.value,
      team: { id: slack.teamId, domain: "bsi-fake" },
      enterprise: null,
      is_enterprise_install: false,
    };
    if (input.view) payload.view = input.view;
    return this.sendPayload(payload, options);
  }

  private triggerId(): string {
    return `${Date.now()}.${Math.floor(Math.random() * 1e12)}.${randomBytes(16).toString("hex")}`;
  }
}
