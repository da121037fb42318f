/**
 * Webhook settings over gRPC (admin-api.md "Webhooks"). The gateway's admin
 * routes validate in their own terms; the catalog checks the same rules
 * itself, because any trusted caller may set a webhook and issuance will
 * post award data to whatever URL is stored here.
 */
import { DomainError, type FieldProblem, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { findSystem } from '../store/context.js';
import { WebhookStore, type WebhookRecord } from '../store/webhooks.js';
import type { CatalogDeps } from './deps.js';

const MIN_SECRET_LENGTH = 16;
const MAX_URL_LENGTH = 2083;

function isAbsoluteHttpUrl(text: string): boolean {
  if (text.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function checkWebhook(url: string, secret: string): void {
  const problems: FieldProblem[] = [];
  if (url === '') problems.push({ field: 'url', value: '' });
  else if (!isAbsoluteHttpUrl(url)) problems.push({ message: 'Invalid URL', field: 'url', value: url });
  if (secret === '') problems.push({ field: 'secret', value: '' });
  // Never echo a secret back, not even a bad one.
  else if ([...secret].length < MIN_SECRET_LENGTH)
    problems.push({ message: 'String is not in range', field: 'secret' });
  if (problems.length > 0) throw DomainError.validation(problems);
}

const toMessage = (record: WebhookRecord): catalogV1.Webhook => ({
  siteId: record.systemId,
  url: record.url,
  secret: record.secret,
  createdAt: record.createdAt.toISOString(),
});

export function webhookHandlers({ db }: CatalogDeps) {
  const webhooks = new WebhookStore(db);

  return {
    async PutWebhook(request) {
      const system = await findSystem(db, request.systemSlug);
      checkWebhook(request.url, request.secret);
      return { webhook: toMessage(await webhooks.put(system.id, request.url, request.secret)) };
    },

    async GetWebhook(request) {
      if (request.key === 'siteId' && request.siteId !== undefined) {
        const found = await webhooks.find(request.siteId);
        if (!found) throw DomainError.notFound('webhook', 'siteId', request.siteId);
        return { webhook: toMessage(found) };
      }
      const slug = request.systemSlug ?? '';
      const system = await findSystem(db, slug);
      const found = await webhooks.find(system.id);
      if (!found) throw DomainError.notFound('webhook', 'system', slug);
      return { webhook: toMessage(found) };
    },

    async DeleteWebhook(request) {
      const system = await findSystem(db, request.systemSlug);
      if (!(await webhooks.delete(system.id))) throw DomainError.notFound('webhook', 'system', request.systemSlug);
      return {};
    },
  } satisfies UnaryHandlerGroup<catalogV1.CatalogDefinition>;
}
