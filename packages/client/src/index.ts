export { type BsiClient, type ClientOptions, createClient } from "./client.js";
export { ApiError, ApiUnavailableError } from "./errors.js";
export type * from "./types.js";
