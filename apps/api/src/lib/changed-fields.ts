import { isDeepStrictEqual } from "node:util";

/**
 * The fields of `patch` whose values differ from `current`'s: what an update really changes. An
 * update that changes nothing is answered with the record as it is, and records no activity, so
 * webhook receivers never hear of a change that did not happen.
 */
export function changedFields<T extends object>(current: T, patch: Partial<T>): Array<keyof T & string> {
  return (Object.keys(patch) as Array<keyof T & string>).filter(
    (field) => patch[field] !== undefined && !isDeepStrictEqual(patch[field], current[field]),
  );
}
