/** Multiples of the base delay for the first retries: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h by default. */
const SCHEDULE = [1, 6, 24, 120, 360, 720] as const;

/**
 * How long to wait after the `failures`-th failed attempt of a delivery: the schedule above, then
 * doubling, never more than `maxMs`.
 */
export function retryDelayMs(failures: number, baseMs: number, maxMs: number): number {
  const index = Math.max(1, Math.floor(failures)) - 1;
  const last = SCHEDULE[SCHEDULE.length - 1] ?? 1;
  const factor = SCHEDULE[index] ?? last * 2 ** Math.min(index - SCHEDULE.length + 1, 30);
  return Math.min(baseMs * factor, maxMs);
}
