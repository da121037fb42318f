/**
 * Secrets the command line sends (webhook secrets, member passwords) never
 * come from arguments, which shell history and `ps` show to others: they
 * come from standard input (prompted for without echo on a terminal) or,
 * where a command allows it, from an environment variable.
 */
import { UsageError } from './args.js';

/** Standard input as the secret reader needs it; the real one is in terminal.ts. */
export interface SecretInput {
  /** Whether standard input is a terminal, where a person can be asked. */
  readonly isTTY: boolean;
  /** All of standard input (piped or redirected). */
  readAll(): Promise<string>;
  /** Asks on the terminal without echoing the answer. */
  promptHidden(question: string): Promise<string>;
}

export interface SecretSpec {
  /** What it is, for prompts and errors: "webhook secret". */
  label: string;
  /** The option asking for standard input: `secret-stdin`. */
  stdinOption: string;
  /** The environment variable that may hold it, if the command allows one. */
  envName?: string;
  /** Whether the command cannot do without it. */
  required: boolean;
}

/** One trailing line break is the end of the line `echo` or a file adds, not part of the secret. */
const withoutLineEnd = (text: string) => text.replace(/\r?\n$/, '');

async function fromStdin(spec: SecretSpec, input: SecretInput, command: string): Promise<string> {
  const value = input.isTTY ? await input.promptHidden(`${spec.label}: `) : withoutLineEnd(await input.readAll());
  if (value === '') throw new UsageError(`${command}: no ${spec.label} on standard input`, command);
  return value;
}

/**
 * The secret, or undefined when an optional one was not asked for. The
 * option wins over the environment; a required secret found in neither is
 * prompted for on a terminal and a usage error otherwise.
 */
export async function readSecret(
  spec: SecretSpec,
  command: string,
  stdinRequested: boolean,
  env: Readonly<Record<string, string | undefined>>,
  input: SecretInput,
): Promise<string | undefined> {
  if (stdinRequested) return fromStdin(spec, input, command);
  const fromEnv = spec.envName === undefined ? undefined : env[spec.envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!spec.required) return undefined;
  if (input.isTTY) return fromStdin(spec, input, command);
  const sources = [`--${spec.stdinOption}`, ...(spec.envName ? [spec.envName] : [])].join(' or ');
  throw new UsageError(`${command} needs the ${spec.label}: give it with ${sources}`, command);
}
