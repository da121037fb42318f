/**
 * The admin commands: each one is a single admin API (or BadgeKit) request,
 * so the command line can do nothing the API would not let the master key do.
 */
import { readFile } from 'node:fs/promises';
import { PERMISSIONS } from '../domain/permissions.js';
import type { Args } from './args.js';
import { CliError, expect, type ApiClient } from './client.js';
import { ensureDemo } from './demo.js';

export interface CommandContext {
  client: ApiClient;
  gatewayUrl: string;
  print(line: string): void;
}

export interface Command {
  usage: string;
  summary: string;
  arity: number;
  flags?: readonly string[];
  run(args: string[], flags: Map<string, string>, ctx: CommandContext): Promise<unknown>;
}

const seg = encodeURIComponent;
const site = (slug: string) => `/admin/systems/${seg(slug)}`;

/** `all`, or a comma-separated list of permission names. */
export function permissionList(text: string): string[] {
  if (text === 'all') return [...PERMISSIONS];
  return text.split(',').map((p) => p.trim()).filter((p) => p !== '');
}

function optional(flags: Map<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => flags.has(n)).map((n) => [n, flags.get(n) as string]));
}

async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path === '-' ? '/dev/stdin' : path, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read members from ${path}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
}

export const COMMANDS: Record<string, Command> = {
  'sites:create': {
    usage: 'sites:create <slug> <name> <url>',
    summary: 'create a site (a BadgeKit system)',
    arity: 3,
    run: ([slug, name, url], _f, { client }) => expect(client, 201, 'POST', '/systems', { slug, name, url }),
  },
  'consumers:create': {
    usage: `consumers:create <site> <name> <permission,...|all>`,
    summary: `create an API consumer; prints its secret, which is shown only this once (permissions: ${PERMISSIONS.join(', ')})`,
    arity: 3,
    run: ([slug, name, permissions], _f, { client }) =>
      expect(client, 201, 'POST', `${site(slug as string)}/consumers`, { name, permissions: permissionList(permissions as string) }),
  },
  'consumers:list': {
    usage: 'consumers:list <site>',
    summary: 'list the API consumers of a site (without secrets)',
    arity: 1,
    run: ([slug], _f, { client }) => expect(client, 200, 'GET', `${site(slug as string)}/consumers`),
  },
  'consumers:delete': {
    usage: 'consumers:delete <site> <key>',
    summary: 'delete an API consumer; its key stops working at once',
    arity: 2,
    run: ([slug, key], _f, { client }) => expect(client, 200, 'DELETE', `${site(slug as string)}/consumers/${seg(key as string)}`),
  },
  'members:create': {
    usage: 'members:create <site> <username> <email> [--role MEMBER|EDITOR|WEBMASTER] [--password P]',
    summary: 'create a member',
    arity: 3,
    flags: ['role', 'password'],
    run: ([slug, username, email], flags, { client }) =>
      expect(client, 201, 'POST', `${site(slug as string)}/members`, { username, email, ...optional(flags, ['role', 'password']) }),
  },
  'members:import': {
    usage: 'members:import <site> <file.json|->',
    summary: 'create up to 1000 members from a JSON array, all or nothing',
    arity: 2,
    run: async ([slug, file], _f, { client }) => expect(client, 201, 'POST', `${site(slug as string)}/members`, await readJsonFile(file as string)),
  },
  'members:get': {
    usage: 'members:get <site> <userId>',
    summary: 'show a member',
    arity: 2,
    run: ([slug, userId], _f, { client }) => expect(client, 200, 'GET', `${site(slug as string)}/members/${seg(userId as string)}`),
  },
  'members:update': {
    usage: 'members:update <site> <userId> [--email E] [--password P] [--role R]',
    summary: 'change a member’s email, password or role',
    arity: 2,
    flags: ['email', 'password', 'role'],
    run: ([slug, userId], flags, { client }) =>
      expect(client, 200, 'PATCH', `${site(slug as string)}/members/${seg(userId as string)}`, optional(flags, ['email', 'password', 'role'])),
  },
  'webhook:set': {
    usage: 'webhook:set <site> <url> <secret>',
    summary: 'set where the site’s webhook messages go and the secret (16+ characters) they are signed with',
    arity: 3,
    run: ([slug, url, secret], _f, { client }) => expect(client, 200, 'PUT', `${site(slug as string)}/webhook`, { url, secret }),
  },
  'webhook:get': {
    usage: 'webhook:get <site>',
    summary: 'show the site’s webhook (without its secret)',
    arity: 1,
    run: ([slug], _f, { client }) => expect(client, 200, 'GET', `${site(slug as string)}/webhook`),
  },
  'webhook:delete': {
    usage: 'webhook:delete <site>',
    summary: 'remove the site’s webhook',
    arity: 1,
    run: ([slug], _f, { client }) => expect(client, 200, 'DELETE', `${site(slug as string)}/webhook`),
  },
  'dev:defaults': {
    usage: 'dev:defaults',
    summary: 'create the development demo site, consumer and member if missing (npm start does this outside production)',
    arity: 0,
    run: async (_a, _f, ctx) => {
      await ensureDemo(ctx);
      return undefined;
    },
  },
};

export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'usage: npm run admin -- <command> [arguments]',
    '',
    'Talks to the running gateway (GATEWAY_URL, default http://127.0.0.1:8080) with the',
    'BadgeKit master key (BADGEKIT_MASTER_SECRET, default: the development secret).',
    '',
    'commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/** Runs one command line; throws CliError (exit 2) for a wrong one. */
export async function runCommand(args: Args, ctx: CommandContext): Promise<unknown> {
  const [name, ...rest] = args.positionals;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) throw new CliError(name === undefined ? usage() : `unknown command: ${name}\n\n${usage()}`, 2);
  const unknownFlags = [...args.flags.keys()].filter((f) => !(command.flags ?? []).includes(f));
  if (rest.length !== command.arity || unknownFlags.length > 0) {
    const problem = unknownFlags.length > 0 ? `unknown option --${unknownFlags[0]}` : `expected ${command.arity} argument(s), got ${rest.length}`;
    throw new CliError(`${problem}\nusage: npm run admin -- ${command.usage}`, 2);
  }
  return command.run(rest, args.flags, ctx);
}
