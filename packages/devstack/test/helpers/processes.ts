import { execFileSync } from 'node:child_process';

/**
 * Pids of live processes whose command line mentions `text`. The tests use a unique state
 * directory as `text`, so only the servers they started can match. `ps axww` reads the
 * same on Linux and macOS; zombies are excluded because for our purposes they are dead.
 * Watchdogs also name the state directory (to delete it); they count only when asked for.
 */
export function pidsMentioning(text: string, opts: { watchdogs?: boolean } = {}): number[] {
  const out = execFileSync('ps', ['axww', '-o', 'pid=,stat=,args='], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const line of out.split('\n')) {
    const match = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match || match[2]?.startsWith('Z') || match[1] === String(process.pid)) continue;
    const args = match[3] ?? '';
    if (!opts.watchdogs && args.includes('devstack-watchdog')) continue;
    if (args.includes(text)) pids.push(Number(match[1]));
  }
  return pids;
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
