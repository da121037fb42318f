#!/usr/bin/env node
/**
 * `npm run admin -- <command>`: the admin API for operators without a signed
 * client. It talks to the running gateway over HTTP with the master key, so
 * it works against any deployment the operator can reach and holds no
 * database credentials. Exit status: 0 success, 1 the operation failed,
 * 2 usage error (help.ts documents them to the user).
 */
import { readFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from './cli/args.js';
import { CliError, gatewayClient } from './cli/client.js';
import { commandNamed, COMMANDS } from './cli/commands.js';
import { DEFAULT_GATEWAY_URL, DEV_MASTER_SECRET } from './cli/defaults.js';
import { commandHelp, generalHelp, usageHint } from './cli/help.js';
import { processInput } from './cli/terminal.js';

/** The gateway package's version: dist/src/cli.js sits two folders below its package.json. */
function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return String(manifest.version);
}

async function main(): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const printError = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const invocation = parseCommandLine(process.argv.slice(2), commandNamed);
    if (invocation.kind === 'version') {
      print(version());
      return 0;
    }
    if (invocation.kind === 'help') {
      const command = invocation.command === undefined ? undefined : commandNamed(invocation.command);
      const text = command ? commandHelp(invocation.command as string, command) : generalHelp(COMMANDS);
      (invocation.toStderr ? printError : print)(text);
      return invocation.toStderr ? 2 : 0;
    }
    const gatewayUrl = process.env.GATEWAY_URL ?? DEFAULT_GATEWAY_URL;
    const client = gatewayClient(gatewayUrl, process.env.BADGEKIT_MASTER_SECRET ?? DEV_MASTER_SECRET);
    const command = commandNamed(invocation.command) as (typeof COMMANDS)[string];
    const result = await command.run(
      { name: invocation.command, args: invocation.positionals, options: invocation.values },
      { client, gatewayUrl, print, env: process.env, input: processInput },
    );
    if (result !== undefined) print(JSON.stringify(result, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      printError(
        `${error.message}\n${usageHint(error.command, error.command === undefined ? undefined : commandNamed(error.command))}`,
      );
      return 2;
    }
    if (error instanceof CliError) {
      printError(error.message);
      return error.exitCode;
    }
    printError(`failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
