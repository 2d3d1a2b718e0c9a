import { parseArgs } from "node:util";
import {
  formatReference,
  listCountryCodes,
  parseReference,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type Request,
  type RequestStatus,
  type RequestType,
  SlackUserIdSchema,
} from "@bsi/domain";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/database.js";
import { splitCsv } from "../lib/query-schemas.js";
import * as repository from "../routes/requests/requests.repository.js";

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = `requests list [--status S,…] [--member-state SN,…] [--type T,…] [--requester ID_OR_EMAIL] [--limit N]
requests show REF`;

function csvOf(allowed: readonly string[], option: string) {
  return z
    .string()
    .optional()
    .transform((value) => splitCsv(value))
    .refine((items) => items.every((item) => allowed.includes(item)), {
      message: `${option} must be among: ${allowed.length > 20 ? "ISO alpha-2 codes such as SN" : allowed.join(", ")}`,
    });
}

const ListArgsSchema = z.object({
  status: csvOf(REQUEST_STATUSES, "--status"),
  "member-state": csvOf(listCountryCodes(), "--member-state"),
  type: csvOf(REQUEST_TYPES, "--type"),
  requester: z
    .string()
    .trim()
    .refine(
      (value) => SlackUserIdSchema.safeParse(value).success || z.email().max(254).safeParse(value).success,
      "--requester must be a Slack user id (U012ABCDEF) or an email address",
    )
    .optional(),
  limit: z.coerce
    .number({ error: "--limit must be a number" })
    .int("--limit must be a whole number")
    .min(1, "--limit must be from 1 to 1000")
    .max(1000, "--limit must be from 1 to 1000")
    .default(50),
});

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** One line per request, for `requests list`. */
export function renderRequestLine(request: Request): string {
  return [
    pad(request.reference, 14),
    pad(request.status, 12),
    pad(request.memberState, 3),
    pad(request.type, 22),
    request.createdAt.slice(0, 10),
    ` ${truncate(request.summary, 60)} (${request.requester.name})`,
  ].join(" ");
}

/** The whole request with its history, for `requests show`. */
export function renderRequestDetail(request: Request): string[] {
  const { requester } = request;
  const contact = [
    requester.email ? `<${requester.email}>` : undefined,
    requester.organization ? `(${requester.organization})` : undefined,
    requester.slackUserId ? `Slack ${requester.slackUserId}` : undefined,
  ].filter(Boolean);
  const lines = [
    `${request.reference}: ${request.summary}`,
    `status:       ${REQUEST_STATUS_LABELS[request.status]}`,
    `type:         ${REQUEST_TYPE_LABELS[request.type]}   priority: ${request.priority}`,
    `member state: ${request.memberState}${request.agency ? `   agency: ${request.agency}` : ""}`,
    `requester:    ${[requester.name, ...contact].join(" ")}`,
  ];
  if (request.relatedEventId) lines.push(`event:        ${request.relatedEventId}`);
  if (request.themes.length > 0) lines.push(`themes:       ${request.themes.join(", ")}`);
  lines.push(`filed:        ${request.createdAt} via ${request.source}   updated: ${request.updatedAt}`);
  if (request.details) lines.push("", ...request.details.split("\n").map((line) => `  ${line}`));
  lines.push("", "history:");
  for (const entry of request.history ?? []) {
    const move = entry.from ? `${entry.from} -> ${entry.to}` : `-> ${entry.to}`;
    lines.push(`  ${entry.at}  ${pad(entry.actor, 14)} ${move}${entry.note ? `  "${entry.note}"` : ""}`);
  }
  return lines;
}

/** `requests list|show` for operators; returns the exit code. */
export async function requestCommands(
  db: Kysely<Database>,
  action: string | undefined,
  args: string[],
  out: Output = { log: (line) => console.log(line), error: (line) => console.error(line) },
): Promise<number> {
  if (action === "list") {
    const { values } = parseArgs({
      args,
      options: {
        status: { type: "string" },
        "member-state": { type: "string" },
        type: { type: "string" },
        requester: { type: "string" },
        limit: { type: "string" },
      },
      strict: true,
    });
    const parsed = ListArgsSchema.safeParse(values);
    if (!parsed.success) {
      out.error(`error: ${parsed.error.issues.map((issue) => issue.message).join("; ")}\n\n${USAGE}`);
      return 2;
    }
    const options = parsed.data;
    const { requests, last } = await repository.listRequests(
      db,
      {
        statuses: options.status as RequestStatus[],
        memberStates: options["member-state"],
        types: options.type as RequestType[],
        requester:
          options.requester === undefined
            ? undefined
            : options.requester.includes("@")
              ? { email: options.requester }
              : { slackUserId: options.requester },
      },
      { limit: options.limit },
    );
    if (requests.length === 0) {
      out.log("no requests match");
      return 0;
    }
    for (const request of requests) out.log(renderRequestLine(request));
    if (last) out.log(`… more; raise --limit (now ${options.limit}) or narrow the filters`);
    return 0;
  }
  if (action === "show") {
    const [given, ...extra] = args;
    const parsed = given === undefined ? undefined : parseReference(given);
    if (!parsed || extra.length > 0) {
      out.error(`error: requests show needs one reference such as BSI-2026-0042\n\n${USAGE}`);
      return 2;
    }
    const reference = formatReference(parsed.year, parsed.sequence);
    const request = await repository.findRequestWithHistory(db, reference);
    if (!request) {
      out.error(`no request has the reference ${reference}`);
      return 1;
    }
    for (const line of renderRequestDetail(request)) out.log(line);
    return 0;
  }
  out.error(`error: unknown command: requests ${action ?? ""}\n\n${USAGE}`);
  return 2;
}
