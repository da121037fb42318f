#!/usr/bin/env node
// Prints a BadgeKit Authorization header for one request, for curl:
//   curl -H "$(node scripts/badgekit-sign.mjs POST /systems "$BODY")" ...
// Key and secret come from BADGEKIT_KEY (default "master") and
// BADGEKIT_SECRET (default: BADGEKIT_MASTER_SECRET, or the development secret).
import { createHash, createHmac } from 'node:crypto';

const [method, path, body] = process.argv.slice(2);
if (!method || !path) {
  process.stderr.write('usage: node scripts/badgekit-sign.mjs METHOD PATH [BODY]\n');
  process.exit(2);
}
const key = process.env.BADGEKIT_KEY ?? 'master';
const secret = process.env.BADGEKIT_SECRET ?? process.env.BADGEKIT_MASTER_SECRET ?? 'laurel-dev-master-secret';
const claims = { key, method: method.toUpperCase(), path, exp: Math.floor(Date.now() / 1000) + 60 };
if (body !== undefined && !['GET', 'DELETE', 'HEAD'].includes(claims.method)) {
  claims.body = { alg: 'sha256', hash: createHash('sha256').update(body).digest('hex') };
}
const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const unsigned = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode(claims)}`;
const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
process.stdout.write(`Authorization: JWT token="${unsigned}.${signature}"\n`);
