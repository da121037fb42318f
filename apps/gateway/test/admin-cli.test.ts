/**
 * The admin command line's pure parts: its grammar (node:util parseArgs
 * against each command's declarations), where secrets come from, and the
 * help texts, which must fit an 80-column terminal.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError, type Invocation } from '../src/cli/args.js';
import { commandNamed, COMMANDS } from '../src/cli/commands.js';
import { commandHelp, fill, generalHelp, usageHint, WIDTH } from '../src/cli/help.js';
import { readSecret, type SecretInput, type SecretSpec } from '../src/cli/secrets.js';

const parse = (...argv: string[]): Invocation => parseCommandLine(argv, commandNamed);

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('the command line grammar', () => {
  it('reads help in every conventional form', () => {
    expect(parse('help')).toEqual({ kind: 'help' });
    expect(parse('-h')).toEqual({ kind: 'help' });
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('help', 'webhook:set')).toEqual({ kind: 'help', command: 'webhook:set' });
    expect(parse('--help', 'webhook:set')).toEqual({ kind: 'help', command: 'webhook:set' });
    expect(parse('webhook:set', '--help')).toEqual({ kind: 'help', command: 'webhook:set' });
    // Help wins over what else is wrong on the line: that is when people ask for it.
    expect(parse('webhook:set', 'only-one', '-h', '--bogus')).toEqual({ kind: 'help', command: 'webhook:set' });
    expect(parse()).toEqual({ kind: 'help', toStderr: true });
  });

  it('reads --version', () => {
    expect(parse('--version')).toEqual({ kind: 'version' });
    expect(usageError(() => parse('--version', 'x')).exitCode).toBe(2);
  });

  it('parses positionals and options as the command declares them', () => {
    expect(parse('members:create', 'demo', 'ann', 'ann@x.org', '--role', 'EDITOR', '--password-stdin')).toEqual({
      kind: 'run',
      command: 'members:create',
      positionals: ['demo', 'ann', 'ann@x.org'],
      values: { role: 'EDITOR', 'password-stdin': true },
    });
    expect(parse('members:update', 'demo', '7', '--role=WEBMASTER')).toMatchObject({ values: { role: 'WEBMASTER' } });
    // After --, even what looks like an option (or help) is an argument.
    expect(parse('sites:create', 'x', '--', '-h', '--name')).toMatchObject({
      kind: 'run',
      positionals: ['x', '-h', '--name'],
    });
  });

  it('refuses wrong lines with a usage error (exit 2) naming the command', () => {
    const cases: [string[], string, string | undefined][] = [
      [['sites:destroy'], 'unknown command: sites:destroy', undefined],
      [['help', 'sites:destroy'], 'unknown command: sites:destroy', undefined],
      [['help', 'a', 'b'], 'help takes at most one command', undefined],
      [['--bogus'], 'unknown option: --bogus', undefined],
      [['constructor'], 'unknown command: constructor', undefined],
      [['consumers:list'], 'consumers:list takes 1 argument(s), got 0', 'consumers:list'],
      [['consumers:list', 'a', 'b'], 'consumers:list takes 1 argument(s), got 2', 'consumers:list'],
      [['consumers:list', 'a', '--bogus'], "unknown option '--bogus'", 'consumers:list'],
      [['members:create', 'a', 'b', 'c', '--role'], "option '--role <value>' argument missing", 'members:create'],
      [
        ['webhook:set', 'a', 'b', '--secret-stdin=x'],
        "option '--secret-stdin' does not take an argument",
        'webhook:set',
      ],
    ];
    for (const [argv, message, command] of cases) {
      const error = usageError(() => parse(...argv));
      expect({ argv, message: error.message, command: error.command, exitCode: error.exitCode }).toEqual({
        argv,
        message,
        command,
        exitCode: 2,
      });
    }
  });

  it('accepts no secret as an argument', () => {
    // The former forms: a webhook secret as third argument, --password <value>.
    expect(
      usageError(() => parse('webhook:set', 'demo', 'https://h.example.org', 'a-secret-0123456789')).message,
    ).toContain('takes 2 argument(s)');
    expect(usageError(() => parse('members:create', 'demo', 'ann', 'ann@x.org', '--password', 'pw')).message).toContain(
      "unknown option '--password'",
    );
    expect(usageError(() => parse('members:update', 'demo', '1', '--password=pw')).message).toContain(
      "unknown option '--password'",
    );
  });
});

describe('secrets', () => {
  const spec: SecretSpec = {
    label: 'webhook secret',
    stdinOption: 'secret-stdin',
    envName: 'WEBHOOK_SECRET',
    required: true,
  };
  const optional: SecretSpec = { label: 'password', stdinOption: 'password-stdin', required: false };

  function input(isTTY: boolean, piped = ''): SecretInput & { prompts: string[] } {
    const prompts: string[] = [];
    return {
      isTTY,
      prompts,
      readAll: () => Promise.resolve(piped),
      promptHidden: (question) => {
        prompts.push(question);
        return Promise.resolve('typed secret');
      },
    };
  }

  it('reads standard input when asked, without the line end a pipe adds', async () => {
    expect(await readSecret(spec, 'webhook:set', true, {}, input(false, 'from stdin 0123\n'))).toBe('from stdin 0123');
    expect(await readSecret(spec, 'webhook:set', true, {}, input(false, 'two\nlines\r\n'))).toBe('two\nlines');
    // The option wins over the environment.
    expect(await readSecret(spec, 'webhook:set', true, { WEBHOOK_SECRET: 'env' }, input(false, 'stdin'))).toBe('stdin');
  });

  it('asks without echo when standard input is a terminal', async () => {
    const terminal = input(true);
    expect(await readSecret(spec, 'webhook:set', true, {}, terminal)).toBe('typed secret');
    expect(await readSecret(spec, 'webhook:set', false, {}, terminal)).toBe('typed secret');
    expect(terminal.prompts).toEqual(['webhook secret: ', 'webhook secret: ']);
  });

  it('takes the environment variable the command allows', async () => {
    expect(await readSecret(spec, 'webhook:set', false, { WEBHOOK_SECRET: 'from env 0123' }, input(false))).toBe(
      'from env 0123',
    );
    expect(await readSecret(optional, 'members:create', false, { WEBHOOK_SECRET: 'x' }, input(true))).toBeUndefined();
  });

  it('is a usage error when required and nowhere, or empty', async () => {
    await expect(readSecret(spec, 'webhook:set', false, { WEBHOOK_SECRET: '' }, input(false))).rejects.toThrow(
      'webhook:set needs the webhook secret: give it with --secret-stdin or WEBHOOK_SECRET',
    );
    await expect(readSecret(spec, 'webhook:set', true, {}, input(false, '\n'))).rejects.toThrow(
      'webhook:set: no webhook secret on standard input',
    );
    await expect(readSecret(spec, 'webhook:set', true, {}, input(false, '\n'))).rejects.toBeInstanceOf(UsageError);
  });
});

describe('help', () => {
  const texts = (): [string, string][] => [
    ['help', generalHelp(COMMANDS)],
    ...Object.entries(COMMANDS).map(([name, command]): [string, string] => [
      `help ${name}`,
      commandHelp(name, command),
    ]),
    ...Object.entries(COMMANDS).map(([name, command]): [string, string] => [
      `usage hint ${name}`,
      usageHint(name, command),
    ]),
    ['usage hint', usageHint(undefined, undefined)],
  ];

  it(`keeps every line of every text within ${WIDTH} columns`, () => {
    const long = texts().flatMap(([what, text]) =>
      text
        .split('\n')
        .filter((l) => l.length > WIDTH)
        .map((l) => `${what}: ${l.length}: ${l}`),
    );
    expect(long).toEqual([]);
  });

  it('lists every command, and documents the exit status and the environment', () => {
    const general = generalHelp(COMMANDS);
    for (const name of Object.keys(COMMANDS)) expect(general).toMatch(new RegExp(`^  ${name} `, 'm'));
    for (const [, text] of texts().filter(([what]) => what.startsWith('help'))) {
      expect(text).toMatch(/^Exit status:\n {2}0 +success\n {2}1 +the operation failed.*\n {2}2 +usage error/m);
      expect(text).toContain('GATEWAY_URL');
      expect(text).toContain('BADGEKIT_MASTER_SECRET');
    }
  });

  it('shows each command’s arguments and options', () => {
    const help = commandHelp('members:update', COMMANDS['members:update']!);
    expect(help).toMatch(/^usage: npm run admin -- members:update <site> <userId> \[--email <email>\]/);
    expect(help).toContain('[--password-stdin]');
    expect(help).toMatch(/^ {2}--role <role> +the new role: MEMBER, EDITOR or WEBMASTER$/m);
    expect(commandHelp('webhook:set', COMMANDS['webhook:set']!)).toContain('WEBHOOK_SECRET');
  });

  it('fills long lines at word boundaries with a hanging indent', () => {
    expect(fill(['aaa', 'bbb', 'ccc'], '  ', 9, '> ')).toEqual(['> aaa bbb', '  ccc']);
    expect(fill(['a-unit-longer-than-the-width'], '', 5)).toEqual(['a-unit-longer-than-the-width']);
  });
});
