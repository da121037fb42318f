/**
 * BadgeKit systems (badgekit-api.md §4): validated here in BadgeKit's terms,
 * then stored by the catalog. A system is a Laurel site (model.md).
 */
import type { Request, Response } from 'express';
import { DomainError } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { hasKey, hasValue, imageInput, ORGANIZATION_RULES, organizationFields } from './organization-input.js';
import { presentContext } from '../../../badgekit-format/present-context.js';
import { presentSystem } from './present.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { readPaging, validate } from '../../../badgekit-format/validation.js';

const PAGING = [
  { name: 'page', description: 'Page number (1-based); paging applies only when page and count are both positive' },
  { name: 'count', description: 'Records per page' },
];

const systemSlug = (req: Request): string => String(req.params.systemSlug);

function found(system: catalogV1.System__Output | null): catalogV1.System__Output {
  if (!system) throw new Error('catalog answered without a system');
  return system;
}

export function mountSystems(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const catalog = clients.catalog;
  const ctx = (req: Request) => presentContext(req, config.PUBLIC_BASE_URL);

  routes.declare(
    '/systems',
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const result = await catalog.call('ListSystems', { page: paging ?? {} }, callOptions(req));
        res.json({
          systems: result.systems.map((s) => presentSystem(s, ctx(req))),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
      async POST(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, fields);
        const problems = [...validate(fields, ORGANIZATION_RULES), ...image.problems];
        if (problems.length > 0) throw DomainError.validation(problems);
        const submitted = organizationFields(fields, hasValue(fields));
        try {
          const { system } = await catalog.call(
            'CreateSystem',
            { fields: { ...submitted, ...(image.image && { image: image.image }) } },
            callOptions(req),
          );
          res.status(201).json({ status: 'created', system: presentSystem(found(system), ctx(req)) });
        } catch (error) {
          // D-23: conflict details are built from this request's own values.
          if (error instanceof DomainError && error.reason === 'ResourceConflict')
            throw DomainError.conflict('system', 'slug', { ...submitted });
          throw error;
        }
      },
    },
    {
      GET: { summary: 'List systems (master key only)', query: PAGING, success: 200, returns: 'systems' },
      POST: {
        summary: 'Create a system (master key only)',
        body: ORGANIZATION_RULES,
        success: 201,
        returns: 'system',
        errors: [400, 409],
      },
    },
  );

  routes.declare(
    '/systems/:systemSlug',
    {
      async GET(req: Request, res: Response) {
        const { system } = await catalog.call('GetSystem', { slug: systemSlug(req) }, callOptions(req));
        res.json({ system: presentSystem(found(system), ctx(req)) });
      },
      async PUT(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, fields);
        const problems = [...validate(fields, ORGANIZATION_RULES, { partial: true }), ...image.problems];
        if (problems.length > 0) throw DomainError.validation(problems);
        const change = organizationFields(fields, hasKey(fields));
        try {
          const { system } = await catalog.call(
            'UpdateSystem',
            { slug: systemSlug(req), fields: { ...change, ...(image.image && { image: image.image }) } },
            callOptions(req),
          );
          res.json({ status: 'updated', system: presentSystem(found(system), ctx(req)) });
        } catch (error) {
          if (error instanceof DomainError && error.reason === 'ResourceConflict')
            throw DomainError.conflict('system', 'slug', { ...change });
          throw error;
        }
      },
      async DELETE(req: Request, res: Response) {
        const { system } = await catalog.call('DeleteSystem', { slug: systemSlug(req) }, callOptions(req));
        res.json({ status: 'deleted', system: presentSystem(found(system), ctx(req), { bare: true }) });
      },
    },
    {
      GET: { summary: 'Get a system with its issuers', success: 200, returns: 'system', errors: [404] },
      PUT: {
        summary: 'Update a system (partial)',
        body: ORGANIZATION_RULES,
        success: 200,
        returns: 'system',
        errors: [400, 404, 409],
      },
      DELETE: { summary: 'Delete a system and everything in it', success: 200, returns: 'system', errors: [404] },
    },
  );
}
