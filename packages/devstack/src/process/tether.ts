import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Why a separate watchdog: a server we spawn must not outlive this Node process, even when
 * Node is SIGKILLed, crashes, or a test runner tears its worker down without running our
 * stop(). Node cannot act after such a death, and neither Kafka nor PostgreSQL notice that
 * their parent went away. So we start a tiny `sh` whose stdin is a pipe whose only write
 * end is held by this Node process. The kernel closes that end whenever Node dies, for
 * whatever reason, so `cat` sees EOF and the script stops the server: first politely, then
 * with SIGKILL after a grace period, and deletes the server's scratch directory. This needs no polling and no pid of Node (which could
 * be recycled), and works the same on Linux and macOS.
 *
 * The watchdog runs in its own session (detached) so that a Ctrl-C or a kill of Node's
 * process group, which may take Node down, does not take the watchdog down with it.
 */
const WATCHDOG_SCRIPT = `
cat >/dev/null
if kill -"$2" "$1" 2>/dev/null; then
  n=0
  while kill -0 "$1" 2>/dev/null; do
    if [ "$n" -ge "$3" ]; then kill -KILL "$1" 2>/dev/null; sleep 0.2; break; fi
    sleep 0.1
    n=$((n + 1))
  done
fi
if [ -n "$4" ]; then rm -rf -- "$4"; fi
`;

export interface Tether {
  /** Dismisses the watchdog without touching the server; call once the server is gone. */
  release(): void;
}

export interface TetherOptions {
  /** The signal that asks the server to shut down cleanly. */
  signal: 'TERM' | 'INT';
  graceMs: number;
  /**
   * A directory of devstack's own to delete once the server is gone, so that a crashed
   * parent does not leave a data directory (tens of MB for PostgreSQL) in /tmp.
   */
  removeDir?: string;
}

export function tether(pid: number, opts: TetherOptions): Tether {
  const removeDir = opts.removeDir ?? '';
  if (removeDir && (!path.isAbsolute(removeDir) || path.parse(removeDir).root === removeDir)) {
    throw new Error(`refusing to let a watchdog delete ${removeDir}`);
  }
  const graceTenths = String(Math.max(1, Math.ceil(opts.graceMs / 100)));
  const args = ['-c', WATCHDOG_SCRIPT, 'devstack-watchdog', String(pid), opts.signal, graceTenths, removeDir];
  const watchdog = spawn('/bin/sh', args, {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // Failing to start a watchdog must not fail the server: stop() still works without it.
  watchdog.once('error', () => undefined);
  watchdog.stdin?.on('error', () => undefined);
  // The idle pipe does not keep the event loop alive, and neither should the process.
  watchdog.unref();

  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Kill the watchdog's whole group (sh and its cat) before closing the pipe: closing
      // first would make it signal a pid that, by now, may belong to another process, and
      // delete a directory that stop() is about to clean up itself.
      if (watchdog.pid !== undefined && watchdog.exitCode === null && watchdog.signalCode === null) {
        try {
          process.kill(-watchdog.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      watchdog.stdin?.destroy();
    },
  };
}
