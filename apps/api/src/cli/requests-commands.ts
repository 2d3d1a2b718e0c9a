import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";

/** `requests list|show` for operators. (Filled in with the requests work.) */
export async function requestCommands(_db: Kysely<Database>, action: string | undefined, _args: string[]): Promise<number> {
  console.error(`requests ${action ?? ""}: not available yet`);
  return 2;
}
