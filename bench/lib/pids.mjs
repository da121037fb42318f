// Which processes a benchmark charges CPU to, found through /proc (Linux; the
// benchmarks run as a user that may read other processes' fd tables, as root
// or as the owner of the servers).
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const numericDirs = (dir) => {
  try {
    return readdirSync(dir).filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
};

const readOr = (path, fallback) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
};

/** Socket inodes listening on `port` (IPv4 and IPv6), from /proc/net/tcp*: state 0A is LISTEN. */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readOr(table, '').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== '0A') continue;
      if (Number.parseInt(fields[1].split(':').pop(), 16) === port) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The pid of the process that holds a socket listening on `port`, or undefined when none is found. */
export function listeningPid(port) {
  const wanted = new Set([...listeningInodes(port)].map((inode) => `socket:[${inode}]`));
  if (wanted.size === 0) return undefined;
  for (const pid of numericDirs('/proc')) {
    for (const fd of numericDirs(`/proc/${pid}/fd`)) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return pid;
      } catch {
        // the fd closed while we looked
      }
    }
  }
  return undefined;
}

const parentOf = (pid) => readOr(`/proc/${pid}/stat`, '').split(') ')[1]?.split(' ')[1];
const titleOf = (pid) => readOr(`/proc/${pid}/cmdline`, '').replace(/\0/g, ' ').trim();

// A backend's process title: "postgres: [cluster: ]user database host(port)|[local] state";
// an autovacuum worker names its database too.
const CLIENT_BACKEND = /^postgres: (?:\S+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])/;
const AUTOVACUUM_WORKER = /autovacuum worker (\S+)/;

/**
 * The PostgreSQL processes that work for `database` on the server listening
 * on `port`: the postmaster, its server-wide helpers (WAL writer,
 * checkpointer, background writer: shared with the server's other databases,
 * so on a shared server they carry a little of the others' work too), and the
 * backends and autovacuum workers of this database. Other databases'
 * backends are left out: on a shared machine the server also serves other
 * people's systems, whose polling would otherwise be charged to this one.
 * Returns undefined when no server is found listening on the port.
 */
export function postgresPids(port, database) {
  const postmaster = listeningPid(port);
  if (!postmaster) return undefined;
  const pids = [postmaster];
  for (const pid of numericDirs('/proc')) {
    if (parentOf(pid) !== postmaster) continue;
    const title = titleOf(pid);
    const serves = CLIENT_BACKEND.exec(title)?.[1] ?? AUTOVACUUM_WORKER.exec(title)?.[1];
    if (serves === undefined || serves === database) pids.push(pid);
  }
  return pids;
}
