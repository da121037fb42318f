// CPU time per process, read from /proc (Linux), to show where the time of a
// benchmark goes: how many milliseconds of CPU each process spent per request.
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return 0;
  }
}

/** PostgreSQL's processes (server and backends), found by name. */
function postgresPids() {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}

/** Snapshot of CPU ms for named pids plus PostgreSQL as a whole. */
export function cpuSnapshot(named) {
  const snapshot = { postgres: postgresPids().reduce((sum, pid) => sum + cpuMs(pid), 0) };
  for (const [name, pid] of Object.entries(named)) snapshot[name] = cpuMs(pid);
  return snapshot;
}

export function cpuPerRequest(before, after, requests) {
  return Object.fromEntries(Object.keys(after).map((name) => [name, (after[name] - (before[name] ?? 0)) / requests]));
}

export function formatCpu(perRequest) {
  const total = Object.values(perRequest).reduce((a, b) => a + b, 0);
  return `  CPU per request: ${Object.entries(perRequest)
    .map(([name, ms]) => `${name} ${ms.toFixed(3)} ms`)
    .join(', ')}; total ${total.toFixed(3)} ms`;
}

/**
 * CPU ms of process groups: `groups` maps a name to a function returning the
 * group's pids now (groups such as PostgreSQL's backends change while a
 * benchmark runs). Each pid's own figure is kept, so that a delta counts a
 * process that appeared meanwhile from zero.
 */
export function groupSnapshot(groups) {
  return Object.fromEntries(
    Object.entries(groups).map(([name, pids]) => [name, Object.fromEntries(pids().map((pid) => [pid, cpuMs(pid)]))]),
  );
}

/** CPU ms each group spent between two group snapshots (a process that exited in between is lost, as with any /proc sampling). */
export function groupDelta(before, after) {
  return Object.fromEntries(
    Object.entries(after).map(([name, pids]) => [
      name,
      Object.entries(pids).reduce((sum, [pid, ms]) => sum + ms - (before[name]?.[pid] ?? 0), 0),
    ]),
  );
}

/** The machine's busy and total CPU ticks since boot, from /proc/stat, to tell how saturated the cores were. */
export function machineSnapshot() {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = ticks[3] + (ticks[4] ?? 0); // idle + iowait
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export const busyPercent = (before, after) =>
  (100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total);
