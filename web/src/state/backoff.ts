/**
 * Reconnect delays: exponential backoff with jitter ("equal jitter": half fixed, half random),
 * so that many clients that lost the same server do not return in step. Delays in ms: attempt 0
 * is 0.5-1 s, doubling to at most 7.5-15 s.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random, baseMs = 1000, maxMs = 15000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(exp / 2 + random() * (exp / 2));
}
