import { ApiError, createClient } from "@bsi/client";
import type { NewRequest, Request } from "@bsi/domain";

export interface FiledRequest {
  request: Request;
  /** The API answered from its idempotency store: this form was filed before (a double click, a retry). */
  isReplay: boolean;
}

/** Files a request with an Idempotency-Key, giving up after `timeoutMs`. */
export type RequestFiler = (
  request: NewRequest,
  options: { idempotencyKey: string; timeoutMs: number },
) => Promise<FiledRequest>;

/**
 * POST /v1/requests through the typed client, noting the API's `Idempotent-Replayed` header (the
 * client returns only the body) as the answer comes in.
 */
export function createRequestFiler(options: { baseUrl: string; token: string | undefined }): RequestFiler {
  return async (request, { idempotencyKey, timeoutMs }) => {
    let isReplay = false;
    const client = createClient({
      baseUrl: options.baseUrl,
      token: options.token,
      timeoutMs,
      onAnswer: (answer) => {
        isReplay = answer.header("idempotent-replayed") === "true";
      },
    });
    const filed = await client.createRequest(request, { idempotencyKey });
    return { request: filed, isReplay };
  };
}

/** The API's 409 for a key whose first request is still being processed (a concurrent duplicate). */
export function isKeyInProgress(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.problem.errors ?? []).some(
      (entry) => entry.field === "idempotency-key" && /in progress|in use/i.test(entry.message),
    )
  );
}

/**
 * Files within a deadline: when the same submission is still being filed (Slack delivered it twice
 * at once), waits a little and asks again, so both deliveries end with the one request.
 */
export async function fileBefore(
  fileRequest: RequestFiler,
  request: NewRequest,
  options: { idempotencyKey: string; deadline: number; now?: () => number },
): Promise<FiledRequest> {
  const now = options.now ?? Date.now;
  for (;;) {
    const timeoutMs = Math.max(200, options.deadline - now());
    try {
      return await fileRequest(request, { idempotencyKey: options.idempotencyKey, timeoutMs });
    } catch (error) {
      if (!isKeyInProgress(error) || options.deadline - now() < 400) throw error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}
