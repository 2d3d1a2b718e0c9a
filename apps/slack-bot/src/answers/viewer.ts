import type { Request } from "@bsi/domain";

/** Who is asking: a Slack user (seeing only their own requests unless a triager) or the local chat. */
export interface Viewer {
  slackUserId: string | undefined;
  /** Triagers and the local terminal chat see every request. */
  seesAllRequests: boolean;
}

export function canSeeRequest(viewer: Viewer, request: Request): boolean {
  return (
    viewer.seesAllRequests || (!!viewer.slackUserId && request.requester.slackUserId === viewer.slackUserId)
  );
}
