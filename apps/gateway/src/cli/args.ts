/**
 * The command line's grammar: `help [command]`, `--version`, `-h`/`--help`
 * anywhere before `--`, and `<command> [arguments] [options]`, the options
 * parsed by node:util's parseArgs against the command's own declarations.
 * Pure: the caller decides what to print and how to exit.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './client.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's name in help, for string options: `--role <role>`. */
  placeholder?: string;
  help: string;
}

/** What the parser needs to know of a command. */
export interface CommandSyntax {
  /** Positional arguments in order, as shown in help: `<site>`. */
  args: readonly string[];
  options?: Readonly<Record<string, OptionSpec>>;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export type Invocation =
  /** `toStderr`: nothing was asked, so the help answers a usage error (exit 2). */
  | { kind: 'help'; command?: string; toStderr?: boolean }
  | { kind: 'version' }
  | { kind: 'run'; command: string; positionals: string[]; values: OptionValues };

/** A wrong command line (exit 2); `command` names the command whose usage helps, if known. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

const HELP_FLAGS = new Set(['-h', '--help']);

/** parseArgs' messages run to several lines with advice for JavaScript callers; the first clause is the problem. */
function briefly(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s|\n/)[0]?.replace(/\.$/, '') ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function parseOptions(
  name: string,
  syntax: CommandSyntax,
  rest: string[],
): { positionals: string[]; values: OptionValues } {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [option, spec] of Object.entries(syntax.options ?? {})) options[option] = { type: spec.type };
  try {
    const { positionals, values } = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return { positionals, values: values as OptionValues };
  } catch (error) {
    throw new UsageError(briefly(error), name);
  }
}

export function parseCommandLine(
  argv: readonly string[],
  syntaxOf: (name: string) => CommandSyntax | undefined,
): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'help', toStderr: true };
  if (first === '--version') {
    if (rest.length > 0) throw new UsageError('--version takes no arguments');
    return { kind: 'version' };
  }
  if (first === 'help' || HELP_FLAGS.has(first)) {
    const topics = rest.filter((a) => !HELP_FLAGS.has(a));
    if (topics.length > 1) throw new UsageError('help takes at most one command');
    const [topic] = topics;
    if (topic !== undefined && !syntaxOf(topic)) throw new UsageError(`unknown command: ${topic}`);
    return topic === undefined ? { kind: 'help' } : { kind: 'help', command: topic };
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option: ${first}`);
  const syntax = syntaxOf(first);
  if (!syntax) throw new UsageError(`unknown command: ${first}`);
  const terminator = rest.indexOf('--');
  if ((terminator < 0 ? rest : rest.slice(0, terminator)).some((a) => HELP_FLAGS.has(a)))
    return { kind: 'help', command: first };
  const { positionals, values } = parseOptions(first, syntax, rest);
  if (positionals.length !== syntax.args.length) {
    throw new UsageError(`${first} takes ${syntax.args.length} argument(s), got ${positionals.length}`, first);
  }
  return { kind: 'run', command: first, positionals, values };
}
