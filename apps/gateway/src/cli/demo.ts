/**
 * The development defaults (admin-api.md): a `demo` site, a consumer with
 * every permission and a WEBMASTER member `demo-admin`, each created only
 * when missing, so every `npm start` may run this. Secrets exist in clear
 * only at creation, so they are printed then and never again; later runs say
 * what exists and how to make new credentials.
 */
import { PERMISSIONS } from '../domain/permissions.js';
import { generatePassword } from '../domain/secrets.js';
import { expect, failure, type ApiClient } from './client.js';

export const DEMO_SITE = 'demo';
export const DEMO_CONSUMER = 'demo';
export const DEMO_MEMBER = 'demo-admin';

interface DemoContext {
  client: ApiClient;
  gatewayUrl: string;
  print: (line: string) => void;
}

async function ensureSite({ client, print }: DemoContext): Promise<void> {
  const found = await client.request('GET', `/systems/${DEMO_SITE}`);
  if (found.status === 200) return;
  if (found.status !== 404) throw failure(found);
  await expect(client, 201, 'POST', '/systems', {
    slug: DEMO_SITE,
    name: 'Laurel demo',
    url: 'https://demo.example.org',
  });
  print(`demo site "${DEMO_SITE}" created`);
}

async function ensureConsumer({ client, gatewayUrl, print }: DemoContext): Promise<void> {
  const { consumers } = (await expect(client, 200, 'GET', `/admin/systems/${DEMO_SITE}/consumers`)) as {
    consumers: { key: string; name: string }[];
  };
  const existing = consumers.find((c) => c.name === DEMO_CONSUMER);
  if (existing) {
    print(
      `demo consumer exists: key ${existing.key} (its secret was printed when it was created and cannot be shown again;`,
    );
    print(`  for new credentials: npm run admin -- consumers:create ${DEMO_SITE} <name> all)`);
    return;
  }
  const { consumer } = (await expect(client, 201, 'POST', `/admin/systems/${DEMO_SITE}/consumers`, {
    name: DEMO_CONSUMER,
    permissions: [...PERMISSIONS],
  })) as {
    consumer: { key: string; secret: string };
  };
  print(`demo consumer created with every permission (${PERMISSIONS.join(', ')}); the secret is shown only now:`);
  print(`  key:    ${consumer.key}`);
  print(`  secret: ${consumer.secret}`);
  print(
    `  try:    curl ${gatewayUrl}/systems/${DEMO_SITE} -H "$(BADGEKIT_KEY=${consumer.key} BADGEKIT_SECRET=${consumer.secret} node scripts/badgekit-sign.mjs GET /systems/${DEMO_SITE})"`,
  );
}

async function ensureMember({ client, print }: DemoContext): Promise<void> {
  const password = generatePassword();
  const body = { username: DEMO_MEMBER, email: `${DEMO_MEMBER}@example.org`, role: 'WEBMASTER', password };
  const answer = await client.request('POST', `/admin/systems/${DEMO_SITE}/members`, body);
  if (answer.status === 409) {
    print(`demo member "${DEMO_MEMBER}" exists (its password was printed when it was created;`);
    print(`  set a new one with: npm run admin -- members:update ${DEMO_SITE} <userId> --password-stdin)`);
    return;
  }
  if (answer.status !== 201) throw failure(answer);
  const [member] = (answer.body as { members: { userId: number }[] }).members;
  print(`demo member created: ${DEMO_MEMBER} (userId ${member?.userId}, WEBMASTER), password: ${password}`);
}

export async function ensureDemo(ctx: DemoContext): Promise<void> {
  await ensureSite(ctx);
  await ensureConsumer(ctx);
  await ensureMember(ctx);
}
