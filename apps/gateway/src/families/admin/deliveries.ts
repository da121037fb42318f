/**
 * A site's webhook delivery log (admin-api.md), kept by issuance: newest
 * first, with BadgeKit's paging (§2.6: `pageData` only when `page` and
 * `count` are both positive). Statuses are the spec's lowercase names, plus
 * `abandoned` for a delivery whose retry period ended without success.
 */
import type { Request, Response } from 'express';
import type { issuanceV1 } from '@laurel/protos';
import type { ServiceClients } from '../../clients.js';
import { callOptions } from '../../http/request-context.js';
import { readPaging } from '../../badgekit-format/validation.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { siteOf } from './site.js';

export interface DeliveryJson {
  id: string;
  action: string;
  status: string;
  attempts: number;
  lastAttemptAt: string | null;
  lastResponseStatus: number | null;
  nextAttemptAt: string | null;
}

/** `WEBHOOK_ACTION_AWARD` -> `award`; the wire enums share a prefix per type. */
const suffix = (value: string, prefix: string): string =>
  (value.startsWith(prefix) ? value.slice(prefix.length) : value).toLowerCase();

export function presentDelivery(d: issuanceV1.WebhookDelivery__Output): DeliveryJson {
  return {
    id: d.id,
    action: suffix(d.action, 'WEBHOOK_ACTION_'),
    status: suffix(d.status, 'WEBHOOK_DELIVERY_STATUS_'),
    attempts: d.attempts,
    lastAttemptAt: d.lastAttemptAt ?? null,
    lastResponseStatus: d.lastResponseStatus ?? null,
    nextAttemptAt: d.nextAttemptAt ?? null,
  };
}

export function mountDeliveries(routes: RouteTable, { clients }: { clients: ServiceClients }): void {
  routes.declare(
    '/admin/systems/:systemSlug/webhook/deliveries',
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const result = await clients.issuance.call(
          'ListWebhookDeliveries',
          { siteId: siteOf(req).id, page: paging ?? {} },
          callOptions(req),
        );
        res.json({
          deliveries: result.deliveries.map(presentDelivery),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
    },
    {
      GET: {
        summary: 'The site’s webhook delivery log, newest first',
        query: [
          {
            name: 'page',
            description: 'Page number (1-based); paging applies only when page and count are both positive',
          },
          { name: 'count', description: 'Deliveries per page' },
        ],
        success: 200,
        returns: 'deliveries',
        errors: [404],
      },
    },
  );
}
