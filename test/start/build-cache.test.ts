/**
 * `npm start` and `npm test` both build first. A build right after a build must
 * be all cache hits, so that it writes nothing: the supervision test runs
 * `npm start` while other test files start processes from the same dist/, and
 * a build that recompiled would rewrite a module under a process loading it
 * (one CI run failed so: claim-code read a truncated migration module). It
 * once was not: the protos package generates src/generated/, which the build's
 * inputs (src/**) then counted, so the second build saw new inputs and rebuilt
 * seven of the nine packages.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@laurel/testkit';

interface DryRun {
  tasks: { taskId: string; cache: { status: string } }[];
}

describe('the build', () => {
  it('is all cache hits when run again on a built checkout (npm test has just built this one)', () => {
    const out = execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'turbo'), ['run', 'build', '--dry=json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    const { tasks } = JSON.parse(out) as DryRun;
    expect(tasks.length).toBeGreaterThanOrEqual(9);
    expect(tasks.filter((task) => task.cache.status !== 'HIT').map((task) => task.taskId)).toEqual([]);
  });
});
