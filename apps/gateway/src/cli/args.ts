/** `a b --flag value --other=value` into positionals and flags; every flag takes a value. */
import { CliError } from './client.js';

export interface Args {
  positionals: string[];
  flags: Map<string, string>;
}

export function parseArgs(argv: readonly string[]): Args {
  const positionals: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 2) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new CliError(`${arg} needs a value`, 2);
    flags.set(arg.slice(2), value);
    i++;
  }
  return { positionals, flags };
}
