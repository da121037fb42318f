/**
 * A site's webhook settings (admin-api.md), kept by the catalog. The secret
 * goes in and never comes back out: GET shows where messages go, not how
 * they are signed.
 */
import type { Request, Response } from 'express';
import { DomainError, type FieldProblem } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { ServiceClients } from '../../clients.js';
import { callOptions } from '../../http/request-context.js';
import type { FieldRule } from '../../badgekit-format/validation.js';
import { bodyFields } from './body.js';
import { validateText } from './input.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { siteOf } from './site.js';

const WEBHOOK_RULES: FieldRule[] = [
  { field: 'url', required: true, rules: [{ kind: 'url' }] },
  { field: 'secret', required: true, rules: [{ kind: 'length', min: 16, max: 255 }] },
];

/** BadgeKit's URL rule lets the scheme be left out; a webhook needs an absolute http(s) URL to be called. */
function absoluteHttpUrl(value: unknown): FieldProblem[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return [];
  } catch {
    // reported below
  }
  return [{ message: 'Invalid URL', field: 'url', value }];
}

const presentWebhook = (webhook: catalogV1.Webhook__Output | null) => {
  if (!webhook) throw new Error('catalog answered without a webhook');
  return { url: webhook.url, created: webhook.createdAt };
};

export function mountWebhook(routes: RouteTable, { clients }: { clients: ServiceClients }): void {
  const catalog = clients.catalog;

  routes.declare(
    '/admin/systems/:systemSlug/webhook',
    {
      async PUT(req: Request, res: Response) {
        const fields = bodyFields(req);
        const checked = validateText(fields, WEBHOOK_RULES);
        const problems = [
          ...(checked.some((p) => p.field === 'url') ? [] : absoluteHttpUrl(fields.url)),
          // Never echo a secret back, not even a bad one.
          ...checked.map((p) => (p.field === 'secret' && p.message ? { message: p.message, field: p.field } : p)),
        ];
        if (problems.length > 0) throw DomainError.validation(problems);
        const request = { systemSlug: siteOf(req).slug, url: String(fields.url), secret: String(fields.secret) };
        const { webhook } = await catalog.call('PutWebhook', request, callOptions(req));
        res.json({ status: 'updated', webhook: presentWebhook(webhook) });
      },
      async GET(req: Request, res: Response) {
        const { webhook } = await catalog.call('GetWebhook', { systemSlug: siteOf(req).slug }, callOptions(req));
        res.json({ webhook: presentWebhook(webhook) });
      },
      async DELETE(req: Request, res: Response) {
        await catalog.call('DeleteWebhook', { systemSlug: siteOf(req).slug }, callOptions(req));
        res.json({ status: 'deleted' });
      },
    },
    {
      PUT: {
        summary: 'Set the site’s webhook URL and signing secret',
        body: WEBHOOK_RULES,
        success: 200,
        returns: 'webhook',
        errors: [400, 404],
      },
      GET: { summary: 'Get the site’s webhook (never its secret)', success: 200, returns: 'webhook', errors: [404] },
      DELETE: { summary: 'Remove the site’s webhook', success: 200, errors: [404] },
    },
  );
}
