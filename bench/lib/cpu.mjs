// CPU time per process, read from /proc (Linux), to show where the time of a
// benchmark goes: how many milliseconds of CPU each process spent per request.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

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
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
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
  return `  CPU per request: ${Object.entries(perRequest).map(([name, ms]) => `${name} ${ms.toFixed(3)} ms`).join(', ')}; total ${total.toFixed(3)} ms`;
}

/** The pid of the process listening on a local TCP port (e.g. the Kafka broker), found through /proc/net/tcp*. */
export function pidListeningOn(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines = [];
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(`socket:[${fields[9]}]`);
    }
  }
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
      } catch {
        // the descriptor closed meanwhile
      }
    }
  }
  return undefined;
}
