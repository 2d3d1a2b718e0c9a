import { z } from "zod";

export const SCOPES = [
  "catalog:write",
  "requests:read",
  "requests:write",
  "requests:manage",
  "webhooks:manage",
] as const;
export const ScopeSchema = z.enum(SCOPES, { error: () => `must be one of the scopes: ${SCOPES.join(", ")}` });
export type Scope = z.infer<typeof ScopeSchema>;

/** API keys look like `bsi_` followed by 43 base64url characters (32 random bytes). */
export const API_KEY_PREFIX = "bsi_";
export const API_KEY_PATTERN = /^bsi_[A-Za-z0-9_-]{43}$/;
