/**
 * The admin commands: each one is a single admin API (or BadgeKit) request,
 * so the command line can do nothing the API would not let the master key do.
 */
import { readFile } from 'node:fs/promises';
import { PERMISSIONS } from '../domain/permissions.js';
import type { OptionValues } from './args.js';
import { CliError, expect, type ApiClient } from './client.js';
import { ensureDemo } from './demo.js';
import type { HelpEntry } from './help.js';
import { readSecret, type SecretInput, type SecretSpec } from './secrets.js';

export interface CommandContext {
  client: ApiClient;
  gatewayUrl: string;
  print(line: string): void;
  /** Where secrets are read from: the process environment and standard input. */
  env: Readonly<Record<string, string | undefined>>;
  input: SecretInput;
}

export interface CommandInput {
  name: string;
  args: string[];
  options: OptionValues;
}

export interface Command extends HelpEntry {
  run(input: CommandInput, ctx: CommandContext): Promise<unknown>;
}

const seg = encodeURIComponent;
const site = (slug: string) => `/admin/systems/${seg(slug)}`;

/** `all`, or a comma-separated list of permission names. */
export function permissionList(text: string): string[] {
  if (text === 'all') return [...PERMISSIONS];
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The string options that are present, by name, for a request body. */
function present(options: OptionValues, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (typeof options[n] === 'string' ? [[n, options[n]]] : [])));
}

async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path === '-' ? '/dev/stdin' : path, 'utf8'));
  } catch (error) {
    throw new CliError(
      `cannot read members from ${path}: ${error instanceof Error ? error.message : String(error)}`,
      2,
    );
  }
}

/**
 * A member's password: only when asked for with --password-stdin. No
 * environment variable here on purpose: one left set would silently reset
 * the password of every member later updated.
 */
const MEMBER_PASSWORD: SecretSpec = { label: 'password', stdinOption: 'password-stdin', required: false };
const WEBHOOK_SECRET: SecretSpec = {
  label: 'webhook secret',
  stdinOption: 'secret-stdin',
  envName: 'WEBHOOK_SECRET',
  required: true,
};

const passwordOption = {
  'password-stdin': {
    type: 'boolean',
    help: 'read the member’s password (8+ characters) from standard input; on a terminal, ask for it without echo',
  },
} as const;
const roleOption = (help: string) => ({ role: { type: 'string', placeholder: 'role', help } }) as const;

async function memberPassword({ name, options }: CommandInput, ctx: CommandContext): Promise<{ password?: string }> {
  const password = await readSecret(MEMBER_PASSWORD, name, options['password-stdin'] === true, ctx.env, ctx.input);
  return password === undefined ? {} : { password };
}

export const COMMANDS: Record<string, Command> = {
  'sites:create': {
    args: ['<slug>', '<name>', '<url>'],
    summary: 'create a site (a BadgeKit system)',
    run: ({ args: [slug, name, url] }, { client }) => expect(client, 201, 'POST', '/systems', { slug, name, url }),
  },
  'consumers:create': {
    args: ['<site>', '<name>', '<permission,...|all>'],
    summary: 'create an API consumer; prints its secret, shown only once',
    details: [`Permissions, comma-separated, or all: ${PERMISSIONS.join(', ')}.`],
    run: ({ args: [slug, name, permissions] }, { client }) =>
      expect(client, 201, 'POST', `${site(slug as string)}/consumers`, {
        name,
        permissions: permissionList(permissions as string),
      }),
  },
  'consumers:list': {
    args: ['<site>'],
    summary: 'list the API consumers of a site (without secrets)',
    run: ({ args: [slug] }, { client }) => expect(client, 200, 'GET', `${site(slug as string)}/consumers`),
  },
  'consumers:delete': {
    args: ['<site>', '<key>'],
    summary: 'delete an API consumer; its key stops working at once',
    run: ({ args: [slug, key] }, { client }) =>
      expect(client, 200, 'DELETE', `${site(slug as string)}/consumers/${seg(key as string)}`),
  },
  'members:create': {
    args: ['<site>', '<username>', '<email>'],
    summary: 'create a member',
    details: ['Without --password-stdin the member has no password.'],
    options: { ...roleOption('MEMBER (the default), EDITOR or WEBMASTER'), ...passwordOption },
    run: async (input, ctx) => {
      const [slug, username, email] = input.args;
      const body = { username, email, ...present(input.options, ['role']), ...(await memberPassword(input, ctx)) };
      return expect(ctx.client, 201, 'POST', `${site(slug as string)}/members`, body);
    },
  },
  'members:import': {
    args: ['<site>', '<file.json|->'],
    summary: 'create up to 1000 members from a JSON array, all or nothing',
    details: [
      'The file (or standard input, for -) holds an array of objects with username, email and optionally role and password.',
    ],
    run: async ({ args: [slug, file] }, { client }) =>
      expect(client, 201, 'POST', `${site(slug as string)}/members`, await readJsonFile(file as string)),
  },
  'members:get': {
    args: ['<site>', '<userId>'],
    summary: 'show a member',
    run: ({ args: [slug, userId] }, { client }) =>
      expect(client, 200, 'GET', `${site(slug as string)}/members/${seg(userId as string)}`),
  },
  'members:update': {
    args: ['<site>', '<userId>'],
    summary: 'change a member’s email, password or role',
    options: {
      email: { type: 'string', placeholder: 'email', help: 'the new email address' },
      ...roleOption('the new role: MEMBER, EDITOR or WEBMASTER'),
      ...passwordOption,
    },
    run: async (input, ctx) => {
      const [slug, userId] = input.args;
      const body = { ...present(input.options, ['email', 'role']), ...(await memberPassword(input, ctx)) };
      return expect(ctx.client, 200, 'PATCH', `${site(slug as string)}/members/${seg(userId as string)}`, body);
    },
  },
  'webhook:set': {
    args: ['<site>', '<url>'],
    summary: 'set the site’s webhook URL and the secret that signs its messages',
    details: [
      'The secret (16 or more characters) comes from standard input with --secret-stdin, else from WEBHOOK_SECRET; on a terminal without either, it is asked for without echo.',
    ],
    options: { 'secret-stdin': { type: 'boolean', help: 'read the webhook secret from standard input' } },
    run: async (input, ctx) => {
      const [slug, url] = input.args;
      const secret = await readSecret(
        WEBHOOK_SECRET,
        input.name,
        input.options['secret-stdin'] === true,
        ctx.env,
        ctx.input,
      );
      return expect(ctx.client, 200, 'PUT', `${site(slug as string)}/webhook`, { url, secret });
    },
  },
  'webhook:get': {
    args: ['<site>'],
    summary: 'show the site’s webhook (without its secret)',
    run: ({ args: [slug] }, { client }) => expect(client, 200, 'GET', `${site(slug as string)}/webhook`),
  },
  'webhook:delete': {
    args: ['<site>'],
    summary: 'remove the site’s webhook',
    run: ({ args: [slug] }, { client }) => expect(client, 200, 'DELETE', `${site(slug as string)}/webhook`),
  },
  'issuer-keys:list': {
    args: ['<site>'],
    summary: 'list the site’s Open Badges 3.0 signing keys and their state',
    run: ({ args: [slug] }, { client }) => expect(client, 200, 'GET', `${site(slug as string)}/issuer-keys`),
  },
  'issuer-keys:rotate': {
    args: ['<site>'],
    summary: 'add the site’s next signing key; it signs after the grace period',
    details: [
      'The new key is published at once and signs new credentials once the grace period (default 300 seconds) is over. Older keys stay published, so the credentials they signed keep verifying.',
    ],
    options: {
      grace: { type: 'string', placeholder: 'seconds', help: 'how long the new key is published before it signs' },
    },
    run: async ({ args: [slug], options }, { client }) => {
      const grace = options.grace;
      if (typeof grace === 'string' && !/^\d{1,10}$/.test(grace))
        throw new CliError(`--grace wants a whole number of seconds, not ${grace}`, 2);
      const body = typeof grace === 'string' ? { graceSeconds: Number(grace) } : {};
      return expect(client, 201, 'POST', `${site(slug as string)}/issuer-keys/rotate`, body);
    },
  },
  'dev:defaults': {
    args: [],
    summary: 'create the demo site, consumer and member where missing',
    details: [
      'For development: npm start does this outside production. Their secrets are printed only when they are created.',
    ],
    run: async (_input, ctx) => {
      await ensureDemo(ctx);
      return undefined;
    },
  },
};

/** The command of that name; own properties only, so `constructor` or `__proto__` are unknown commands. */
export const commandNamed = (name: string): Command | undefined =>
  Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
