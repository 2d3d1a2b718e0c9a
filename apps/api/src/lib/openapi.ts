import { ProblemSchema } from "@bsi/domain";

/** An OpenAPI response of RFC 9457 problem details, as every error is sent. */
export function problem(description: string) {
  return { description, content: { "application/problem+json": { schema: ProblemSchema } } };
}

/** Routes that need an API key (`Authorization: Bearer bsi_…`). */
export const bearerSecurity = [{ bearerAuth: [] }];
