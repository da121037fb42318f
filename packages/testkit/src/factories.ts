/**
 * Test data arranged through the service that owns it: systems, badges and
 * webhooks are created by calling the badge-catalog's gRPC API of a running
 * TestSystem, so a test of another service never writes the catalog's tables
 * (and keeps working when the catalog stores them differently). Defaults give
 * unique slugs and the catalog's own defaults; overrides set what a test
 * cares about.
 *
 * The calls go through a plain grpc-js client rather than service-kit's
 * ServiceClient: service-kit's own tests depend on testkit, so testkit cannot
 * depend on service-kit.
 */
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { laurelProtos, type catalogV1 } from '@laurel/protos';
import type { TestSystem } from './system.js';

type Catalog = catalogV1.CatalogDefinition;
type CatalogMethod = keyof Catalog & string;
type CatalogRequest<K extends CatalogMethod> = Parameters<Catalog[K]['requestSerialize']>[0];
type CatalogResponse<K extends CatalogMethod> = ReturnType<Catalog[K]['responseDeserialize']>;

const CALL_TIMEOUT_MS = 15_000;
/** A webhook secret the catalog accepts (at least 16 characters). */
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** A slug no other seeded record of the run has. */
export const uniqueSlug = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

/**
 * One unary call to the badge-catalog of `system`, on a client opened and
 * closed for it: seeding makes few calls, and nothing is left open when a
 * test forgets to clean up. A failure names the method and the catalog's
 * error details.
 */
export async function callCatalog<K extends CatalogMethod>(
  system: TestSystem,
  method: K,
  request: CatalogRequest<K>,
): Promise<CatalogResponse<K>> {
  const definition: Catalog[K] = laurelProtos().catalog.v1.Catalog.service[method];
  const client = new grpc.Client(`127.0.0.1:${system.ports['badge-catalog']}`, grpc.credentials.createInsecure());
  try {
    return await new Promise<CatalogResponse<K>>((resolve, reject) => {
      client.makeUnaryRequest<CatalogRequest<K>, CatalogResponse<K>>(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request,
        new grpc.Metadata(),
        { deadline: Date.now() + CALL_TIMEOUT_MS },
        (error, response) => {
          if (error) {
            const details = error.metadata?.get('laurel-error-details')[0];
            reject(
              new Error(`Catalog.${method}: ${error.message}${details === undefined ? '' : ` ${String(details)}`}`, {
                cause: error,
              }),
            );
          } else if (response === undefined) reject(new Error(`Catalog.${method}: empty response`));
          else resolve(response);
        },
      );
    });
  } finally {
    client.close();
  }
}

/** A system (site); `slug`, `name` and `url` default to a unique slug, the same, and https://example.org. */
export async function seedSystem(
  system: TestSystem,
  overrides: catalogV1.OrganizationFields = {},
): Promise<catalogV1.System__Output> {
  const slug = overrides.slug ?? uniqueSlug('system');
  const { system: created } = await callCatalog(system, 'CreateSystem', {
    fields: { slug, name: slug, url: 'https://example.org', ...overrides },
  });
  if (!created) throw new Error('Catalog.CreateSystem answered without a system');
  return created;
}

/** Where a seeded badge lives: a system, optionally narrowed to an issuer and a program. */
export interface BadgeParent {
  systemSlug: string;
  issuerSlug?: string;
  programSlug?: string;
}

/**
 * A badge in `systemSlug` (and issuer/program, when given). `slug` defaults to
 * a unique one and `name` to the slug; everything else is the catalog's
 * default for a BadgeKit badge (unique, published, not archived) unless
 * overridden.
 */
export async function seedBadge(
  system: TestSystem,
  { systemSlug, issuerSlug, programSlug, ...overrides }: BadgeParent & catalogV1.BadgeFields,
): Promise<catalogV1.Badge__Output> {
  const slug = overrides.slug ?? uniqueSlug('badge');
  const context: catalogV1.BadgeContext = {
    systemSlug,
    ...(issuerSlug !== undefined && { issuerSlug }),
    ...(programSlug !== undefined && { programSlug }),
  };
  const { badge } = await callCatalog(system, 'CreateBadge', { context, fields: { slug, name: slug, ...overrides } });
  if (!badge) throw new Error('Catalog.CreateBadge answered without a badge');
  return badge;
}

/** The webhook of `systemSlug`: messages go to `url`, signed with `secret` (TEST_WEBHOOK_SECRET unless given). */
export async function seedWebhook(
  system: TestSystem,
  { systemSlug, url, secret = TEST_WEBHOOK_SECRET }: { systemSlug: string; url: string; secret?: string },
): Promise<catalogV1.Webhook__Output> {
  const { webhook } = await callCatalog(system, 'PutWebhook', { systemSlug, url, secret });
  if (!webhook) throw new Error('Catalog.PutWebhook answered without a webhook');
  return webhook;
}
