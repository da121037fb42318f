#!/usr/bin/env node
/**
 * `npm run admin -- <command>`: the admin API for operators without a signed
 * client. It talks to the running gateway over HTTP with the master key, so
 * it works against any deployment the operator can reach and holds no
 * database credentials.
 */
import { parseArgs } from './cli/args.js';
import { CliError, gatewayClient } from './cli/client.js';
import { runCommand } from './cli/commands.js';
import { DEFAULT_GATEWAY_URL, DEV_MASTER_SECRET } from './cli/defaults.js';

async function main(): Promise<number> {
  const gatewayUrl = process.env.GATEWAY_URL ?? DEFAULT_GATEWAY_URL;
  const client = gatewayClient(gatewayUrl, process.env.BADGEKIT_MASTER_SECRET ?? DEV_MASTER_SECRET);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const result = await runCommand(parseArgs(process.argv.slice(2)), { client, gatewayUrl, print });
    if (result !== undefined) print(JSON.stringify(result, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

process.exitCode = await main();
