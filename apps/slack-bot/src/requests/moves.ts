import type { Request, RequestStatus } from "@bsi/domain";
import type { Move } from "../blocks/request-notice.js";

/** The move a request's history ends with, or the one just asked for when it has no history. */
export function lastMove(request: Request, to: RequestStatus, actor: string): Move {
  const entry = request.history?.at(-1);
  if (entry && entry.to === to)
    return { from: entry.from, to: entry.to, actor: entry.actor, note: entry.note };
  return { from: null, to, actor, note: null };
}
