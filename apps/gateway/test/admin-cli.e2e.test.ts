/**
 * The admin command line (`npm run admin -- <command>`), spawned as an
 * operator runs it, against a running system: each command, its exit codes,
 * and the idempotent development defaults that `npm start` creates.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, REPO_ROOT, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line with `stdin` piped to it (empty when not given; never a terminal). */
function admin(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'apps', 'gateway', 'dist', 'src', 'cli.js'), ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      GATEWAY_URL: system?.gatewayUrl ?? 'http://127.0.0.1:1',
      BADGEKIT_MASTER_SECRET: TEST_MASTER_SECRET,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(stdin ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const json = (run: Run): Record<string, unknown> => JSON.parse(run.stdout) as Record<string, unknown>;

beforeAll(async () => {
  system = await startSystem('admin-cli');
});
afterAll(async () => {
  await system?.stop();
});

const GATEWAY_VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'apps', 'gateway', 'package.json'), 'utf8')) as { version: string }
).version;
const tooLong = (text: string) => text.split('\n').filter((line) => line.length > 80);

describe('npm run admin', () => {
  it('answers help, -h and --help, globally and per command, on stdout with exit 0', async () => {
    for (const args of [['help'], ['-h'], ['--help']]) {
      const run = await admin(args);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(run.stdout).toContain('usage: npm run admin -- <command> [arguments] [options]');
      expect(run.stdout).toMatch(/^ {2}consumers:create +create an API consumer/m);
      expect(run.stdout).toMatch(/^Exit status:\n {2}0 +success\n {2}1 +the operation failed.*\n {2}2 +usage error/m);
      expect(tooLong(run.stdout)).toEqual([]);
    }
    for (const args of [
      ['help', 'webhook:set'],
      ['webhook:set', '--help'],
      ['webhook:set', '-h'],
      ['-h', 'webhook:set'],
    ]) {
      const run = await admin(args);
      expect({ args, code: run.code }).toEqual({ args, code: 0 });
      expect(run.stdout).toMatch(/^usage: npm run admin -- webhook:set <site> <url> \[--secret-stdin\]$/m);
      expect(run.stdout).toContain('WEBHOOK_SECRET');
      expect(tooLong(run.stdout)).toEqual([]);
    }
  });

  it('prints the gateway package version for --version', async () => {
    const run = await admin(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${GATEWAY_VERSION}\n`, stderr: '' });
  });

  it('explains itself and exits 2 without a command, or with a wrong one', async () => {
    const none = await admin([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: npm run admin -- <command>');
    expect(none.stderr).toContain('consumers:create');
    const unknown = await admin(['sites:destroy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command: sites:destroy');
    expect(unknown.stderr).toContain("Run 'npm run admin -- help' for the commands.");
    const arity = await admin(['consumers:list']);
    expect(arity.code).toBe(2);
    expect(arity.stderr).toContain('usage: npm run admin -- consumers:list <site>');
    const option = await admin(['consumers:list', 'cli-site', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--bogus'");
    expect(option.stderr).toContain("Run 'npm run admin -- help consumers:list' for more.");
    for (const run of [none, unknown, arity, option]) expect(tooLong(run.stderr)).toEqual([]);
  });

  it('manages a site’s consumers, members and webhook', async () => {
    const site = await admin(['sites:create', 'cli-site', 'CLI Site', 'https://example.org']);
    expect(site.code).toBe(0);
    expect(json(site)).toMatchObject({ status: 'created', system: { slug: 'cli-site' } });

    const created = await admin(['consumers:create', 'cli-site', 'Tool', 'badgekit,admin']);
    expect(created.code).toBe(0);
    const { consumer } = json(created) as { consumer: { key: string; secret: string; permissions: string[] } };
    expect(consumer.permissions).toEqual(['badgekit', 'admin']);
    const signed = await badgekitRequest(system.gatewayUrl, {
      method: 'GET',
      path: '/systems/cli-site',
      key: consumer.key,
      secret: consumer.secret,
    });
    expect(signed.status).toBe(200);

    const listed = await admin(['consumers:list', 'cli-site']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(consumer.key);
    expect(listed.stdout).not.toContain(consumer.secret);

    const member = await admin(
      ['members:create', 'cli-site', 'bob', 'bob@example.org', '--role', 'EDITOR', '--password-stdin'],
      {},
      'pass word 1\n',
    );
    expect(member.code).toBe(0);
    const [bob] = (json(member) as { members: { userId: number }[] }).members;
    expect(bob).toMatchObject({ username: 'bob', role: 'EDITOR' });
    expect(json(await admin(['members:get', 'cli-site', String(bob?.userId)]))).toEqual({
      member: { userId: bob?.userId, username: 'bob', email: 'bob@example.org', role: 'EDITOR' },
    });
    const updated = await admin(['members:update', 'cli-site', String(bob?.userId), '--role=WEBMASTER']);
    expect(json(updated)).toMatchObject({ status: 'updated', member: { role: 'WEBMASTER' } });

    const noPassword = await admin(['members:update', 'cli-site', String(bob?.userId), '--password-stdin'], {}, '');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('members:update: no password on standard input');

    const clash = await admin(['members:create', 'cli-site', 'BOB', 'other@example.org']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('HTTP 409 ResourceConflict: member with that `username` already exists');

    // The webhook secret from standard input, or from WEBHOOK_SECRET; never as an argument.
    expect(
      (
        await admin(
          ['webhook:set', 'cli-site', 'https://hooks.example.org/in', '--secret-stdin'],
          {},
          'a-webhook-secret-0123456789\n',
        )
      ).code,
    ).toBe(0);
    const hook = await admin(['webhook:get', 'cli-site']);
    expect(json(hook)).toEqual({ webhook: { url: 'https://hooks.example.org/in', created: expect.any(String) } });
    expect(hook.stdout).not.toContain('a-webhook-secret');
    const fromEnv = await admin(['webhook:set', 'cli-site', 'https://hooks.example.org/env'], {
      WEBHOOK_SECRET: 'another-webhook-secret-0123',
    });
    expect(fromEnv.code).toBe(0);
    expect(json(await admin(['webhook:get', 'cli-site']))).toMatchObject({
      webhook: { url: 'https://hooks.example.org/env' },
    });
    const noSecret = await admin(['webhook:set', 'cli-site', 'https://hooks.example.org/none']);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain(
      'webhook:set needs the webhook secret: give it with --secret-stdin or WEBHOOK_SECRET',
    );
    const asArgument = await admin([
      'webhook:set',
      'cli-site',
      'https://hooks.example.org/none',
      'a-webhook-secret-0123456789',
    ]);
    expect(asArgument.code).toBe(2);
    // The gateway's own rule (16+ characters) still decides: a refusal there is exit 1.
    const short = await admin(
      ['webhook:set', 'cli-site', 'https://hooks.example.org/in', '--secret-stdin'],
      {},
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('HTTP 400');
    expect(json(await admin(['webhook:get', 'cli-site']))).toMatchObject({
      webhook: { url: 'https://hooks.example.org/env' },
    });
    expect(json(await admin(['webhook:delete', 'cli-site']))).toEqual({ status: 'deleted' });

    expect((await admin(['consumers:delete', 'cli-site', consumer.key])).code).toBe(0);
    const after = await badgekitRequest(system.gatewayUrl, {
      method: 'GET',
      path: '/systems/cli-site',
      key: consumer.key,
      secret: consumer.secret,
    });
    expect(after.body).toEqual({ code: 'NotAuthorized', message: 'Could not find consumer for API key' });
  });

  it('exits 1 naming the problem when the gateway refuses or cannot be reached', async () => {
    const refused = await admin(['consumers:list', 'cli-site'], { BADGEKIT_MASTER_SECRET: 'another-master-secret' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 403 NotAuthorized: Invalid token signature');
    expect(refused.stderr).toContain('BADGEKIT_MASTER_SECRET');
    const missing = await admin(['members:get', 'atlantis', '1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('HTTP 404 ResourceNotFound');
    const away = await admin(['consumers:list', 'cli-site'], { GATEWAY_URL: 'http://127.0.0.1:1' });
    expect(away.code).toBe(1);
    expect(away.stderr).toContain('cannot reach the gateway at http://127.0.0.1:1');
  });
});

describe('development defaults', () => {
  it('creates the demo site, consumer and member once, printing their credentials then only', async () => {
    const first = await admin(['dev:defaults']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('demo site "demo" created');
    const key = /key: {4}(\S+)/.exec(first.stdout)?.[1] ?? '';
    const secret = /secret: (\S+)/.exec(first.stdout)?.[1] ?? '';
    const password = /password: (\S+)/.exec(first.stdout)?.[1] ?? '';
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(first.stdout).toMatch(/demo member created: demo-admin \(userId \d+, WEBMASTER\)/);

    // The demo consumer holds every permission: BadgeKit and the admin API both take it.
    expect(
      (await badgekitRequest(system.gatewayUrl, { method: 'GET', path: '/systems/demo', key, secret })).status,
    ).toBe(200);
    const consumers = await badgekitRequest(system.gatewayUrl, {
      method: 'GET',
      path: '/admin/systems/demo/consumers',
      key,
      secret,
    });
    expect(consumers.body).toEqual({
      consumers: [
        {
          key,
          name: 'demo',
          permissions: ['badgekit', 'kickapps-developer', 'badge-import', 'badge-assignment', 'admin'],
          created: expect.any(String),
        },
      ],
    });

    const second = await admin(['dev:defaults']);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/site "demo" created|consumer created|member created/);
    expect(second.stdout).not.toContain(secret);
    expect(second.stdout).toContain(`demo consumer exists: key ${key}`);
    expect(second.stdout).toContain('npm run admin -- consumers:create demo <name> all');
    expect(second.stdout).toContain('demo member "demo-admin" exists');
  });
});
