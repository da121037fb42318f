export interface BackoffPolicy {
  /** Wait before the first restart after a process that had been running stably. */
  initialMs: number;
  /** The wait doubles with each exit in a row, up to this. */
  maxMs: number;
  /** A run at least this long counts as healthy: the next exit starts the doubling again. */
  stableAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000, stableAfterMs: 30_000 };

export interface AfterExit {
  /** Exits in a row without a stable run in between, this one included. */
  failures: number;
  /** How long to wait before starting the process again. */
  delayMs: number;
}

/**
 * What to do after a supervised process exited: a crash loop backs off (so a process that
 * cannot start does not spin a CPU), while a process that crashes once after running for
 * a while comes back almost at once.
 */
export function afterExit(
  previousFailures: number,
  uptimeMs: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): AfterExit {
  const failures = uptimeMs >= policy.stableAfterMs ? 1 : previousFailures + 1;
  const delayMs = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(failures - 1, 30));
  return { failures, delayMs };
}
