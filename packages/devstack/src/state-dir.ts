import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface StateDir {
  path: string;
  /** True when devstack made the directory, and so may delete it. */
  owned: boolean;
  /** Deletes the directory if devstack made it; a caller's directory is left alone. */
  release(): Promise<void>;
}

export async function acquireStateDir(given: string | undefined, prefix: string): Promise<StateDir> {
  if (given) {
    const dir = path.resolve(given);
    await fs.mkdir(dir, { recursive: true });
    return { path: dir, owned: false, release: async () => undefined };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return {
    path: dir,
    owned: true,
    release: () => fs.rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}
