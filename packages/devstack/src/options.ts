import type { StackOptions } from './types.js';

export const DEFAULT_DATABASE = 'laurel';

export function envOf(opts: StackOptions): NodeJS.ProcessEnv {
  return opts.env ?? process.env;
}

export function logOf(opts: StackOptions): (line: string) => void {
  return opts.log ?? (() => undefined);
}

/** An unset variable and an empty one mean the same to a shell user, so treat both as absent. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
