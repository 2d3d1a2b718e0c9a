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

  /** "File as BSI request" (or another message shortcut) on a message in a channel. */
  async messageShortcut(
    input: {
      user: string;
      channel: string;
      message: { ts: string; text: string; user: string };
      callbackId?: string;
    },
    options: SendOptions = {},
  ): Promise<{ response: DriverResponse; triggerId: string; responseUrl: string }> {
    const slack = this.options.slack;
    const triggerId = this.triggerId();
    const responseUrl = slack.createResponseUrl();
    const payload = {
      type: "message_action",
      token: "legacy-verification-token",
      action_ts: `${Date.now() / 1000}`,
      team: { id: slack.teamId, domain: "bsi-fake" },
      user: {
        id: input.user,
        username: input.user.toLowerCase(),
        name: input.user.toLowerCase(),
        team_id: slack.teamId,
      },
      channel: { id: input.channel, name: "channel" },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId ?? "file_bsi_request",
      trigger_id: triggerId,
      response_url: responseUrl,
      message_ts: input.message.ts,
      message: { type: "message", user: input.message.user, ts: input.message.ts, text: input.message.text },
    };
    const response = await this.sendPayload(payload, options);
    return { response, triggerId, responseUrl };
  }

  /**
   * The user presses Submit on a modal the fake holds: a `view_submission` with `view.state.values`
   * as Slack builds them, one entry per input block, holding what the user entered — `entries` by
   * block id (a string for text inputs and selects, an array for multi-selects, null to clear) —
   * and else the input's initial value. Slack's handling of the answer (update, errors, close) is
   * applied to the fake's modal; `problems` lists what Slack would have refused in it.
   */
  async viewSubmission(
    input: {
      user: string;
      viewId: string;
      entries?: Record<string, string | string[] | { value: string; text: string } | null>;
    },
    options: SendOptions = {},
  ): Promise<{ response: DriverResponse; answer: Record<string, unknown> | undefined; problems: string[] }> {
    const slack = this.options.slack;
    const view = slack.modals.get(input.viewId);
    if (!view) throw new Error(`the fake has no open view ${input.viewId}`);
    const values = stateValues(view, input.entries ?? {});
    const payload = {
      type: "view_submission",
      team: { id: slack.teamId, domain: "bsi-fake" },
      user: {
        id: input.user,
        username: input.user.toLowerCase(),
        name: input.user.toLowerCase(),
        team_id: slack.teamId,
      },
      api_app_id: this.apiAppId,
      token: "legacy-verification-token",
      trigger_id: this.triggerId(),
      view: {
        ...view,
        state: { values },
        app_id: this.apiAppId,
        bot_id: slack.botId,
        root_view_id: view.id,
        previous_view_id: null,
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const response = await this.sendPayload(payload, options);
    let answer: Record<string, unknown> | undefined;
    if (response.body.trim() !== "") {
      try {
        answer = JSON.parse(response.body) as Record<string, unknown>;
      } catch {
        return {
          response,
          answer: undefined,
          problems: [`the answer is not JSON: ${response.body.slice(0, 200)}`],
        };
      }
    }
    const problems = response.status === 200 ? slack.applyViewResponse(input.viewId, answer) : [];
    return { response, answer, problems };
  }

  private triggerId(): string {
    return `${Date.now()}.${Math.floor(Math.random() * 1e12)}.${randomBytes(16).toString("hex")}`;
  }
}

type Entry = string | string[] | { value: string; text: string } | null;

function optionsOf(element: Record<string, unknown>): { text: { text: string }; value: string }[] {
  return Array.isArray(element.options)
    ? (element.options as { text: { text: string }; value: string }[])
    : [];
}

function selected(element: Record<string, unknown>, value: string | { value: string; text: string }) {
  if (typeof value !== "string")
    return { text: { type: "plain_text", text: value.text, emoji: true }, value: value.value };
  const known = optionsOf(element).find((option) => option.value === value);
  return { text: { type: "plain_text", text: known?.text.text ?? value, emoji: true }, value };
}

/** `view.state.values` for a view: block id → action id → the element's type and value. */
function stateValues(view: Record<string, unknown>, entries: Record<string, Entry>) {
  const values: Record<string, Record<string, Record<string, unknown>>> = {};
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Record<string, unknown>[]) : [];
  for (const block of blocks) {
    if (block.type !== "input" || typeof block.element !== "object" || block.element === null) continue;
    const element = block.element as Record<string, unknown>;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    const type = String(element.type);
    const entry = blockId in entries ? entries[blockId] : undefined;
    const hasEntry = blockId in entries;
    let state: Record<string, unknown>;
    if (type === "multi_static_select" || type === "multi_external_select") {
      const chosen = hasEntry
        ? (Array.isArray(entry) ? entry : entry ? [entry] : []).map((value) => selected(element, value))
        : Array.isArray(element.initial_options)
          ? element.initial_options
          : [];
      state = { type, selected_options: chosen };
    } else if (type.endsWith("_select")) {
      const chosen = hasEntry
        ? entry && !Array.isArray(entry)
          ? selected(element, entry)
          : null
        : (element.initial_option ?? null);
      state = { type, selected_option: chosen };
    } else {
      const value = hasEntry ? (typeof entry === "string" ? entry : null) : (element.initial_value ?? null);
      state = { type, value: value === "" ? null : value };
    }
    values[blockId] = { [actionId]: state };
  }
  return values;
}
