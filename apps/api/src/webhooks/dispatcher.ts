import type { AppDeps } from "../lib/types.js";

/** Sends queued webhook deliveries. (Placeholder until the webhooks work lands.) */
export interface WebhookDispatcher {
  wake(): void;
  stop(): Promise<void>;
}

export function startWebhookDispatcher(_deps: AppDeps): WebhookDispatcher {
  return {
    wake() {},
    async stop() {},
  };
}
