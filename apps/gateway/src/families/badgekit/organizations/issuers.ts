/**
 * BadgeKit issuers (badgekit-api.md §5): validated here in BadgeKit's terms,
 * then stored by the catalog. The system always comes from the URL, never
 * from the body (D-17).
 */
import type { Request, Response } from 'express';
import { DomainError, type FieldProblem } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { hasKey, hasValue, imageInput, ORGANIZATION_RULES, organizationFields } from './organization-input.js';
import { presentContext } from '../../../badgekit-format/present-context.js';
import { presentIssuer } from './present.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { readPaging, validate } from '../../../badgekit-format/validation.js';

export const PAGING = [
  { name: 'page', description: 'Page number (1-based); paging applies only when page and count are both positive' },
  { name: 'count', description: 'Records per page' },
];

/**
 * Fails with the body's problems, but only once the path is known to exist:
 * a missing record (404, pipeline stage 7) outranks a bad body (400, stage 8).
 * The lookup costs a call only on this error path.
 */
export async function rejectInvalid(problems: FieldProblem[], lookup: () => Promise<unknown>): Promise<void> {
  if (problems.length === 0) return;
  await lookup();
  throw DomainError.validation(problems);
}

/** D-23: a slug conflict's details are this request's own values. */
export function withSubmittedDetails(error: unknown, model: string, submitted: catalogV1.OrganizationFields): unknown {
  return error instanceof DomainError && error.reason === 'ResourceConflict'
    ? DomainError.conflict(model, 'slug', { ...submitted })
    : error;
}

function found(issuer: catalogV1.Issuer__Output | null): catalogV1.Issuer__Output {
  if (!issuer) throw new Error('catalog answered without an issuer');
  return issuer;
}

export function mountIssuers(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const catalog = clients.catalog;
  const ctx = (req: Request) => presentContext(req, config.PUBLIC_BASE_URL);
  const systemSlug = (req: Request) => String(req.params.systemSlug);
  const issuerPath = (req: Request) => ({ systemSlug: systemSlug(req), issuerSlug: String(req.params.issuerSlug) });

  routes.declare(
    '/systems/:systemSlug/issuers',
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const result = await catalog.call(
          'ListIssuers',
          { systemSlug: systemSlug(req), page: paging ?? {} },
          callOptions(req),
        );
        res.json({
          issuers: result.issuers.map((i) => presentIssuer(i, ctx(req))),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
      async POST(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, fields);
        await rejectInvalid([...validate(fields, ORGANIZATION_RULES), ...image.problems], () =>
          catalog.call('GetSystem', { slug: systemSlug(req) }, callOptions(req)),
        );
        const submitted = organizationFields(fields, hasValue(fields));
        try {
          const { issuer } = await catalog.call(
            'CreateIssuer',
            { systemSlug: systemSlug(req), fields: { ...submitted, ...(image.image && { image: image.image }) } },
            callOptions(req),
          );
          res.status(201).json({ status: 'created', issuer: presentIssuer(found(issuer), ctx(req)) });
        } catch (error) {
          throw withSubmittedDetails(error, 'issuer', submitted);
        }
      },
    },
    {
      GET: {
        summary: 'List the issuers of a system, each with its programs',
        query: PAGING,
        success: 200,
        returns: 'issuers',
        errors: [404],
      },
      POST: {
        summary: 'Create an issuer in a system',
        body: ORGANIZATION_RULES,
        success: 201,
        returns: 'issuer',
        errors: [400, 404, 409],
      },
    },
  );

  routes.declare(
    '/systems/:systemSlug/issuers/:issuerSlug',
    {
      async GET(req: Request, res: Response) {
        const { issuer } = await catalog.call('GetIssuer', issuerPath(req), callOptions(req));
        res.json({ issuer: presentIssuer(found(issuer), ctx(req)) });
      },
      async PUT(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, fields);
        await rejectInvalid([...validate(fields, ORGANIZATION_RULES, { partial: true }), ...image.problems], () =>
          catalog.call('GetIssuer', issuerPath(req), callOptions(req)),
        );
        // Only the organization's own fields are read: `id`, `imageId` and `systemId` in a body are ignored (D-17).
        const change = organizationFields(fields, hasKey(fields));
        try {
          const { issuer } = await catalog.call(
            'UpdateIssuer',
            { ...issuerPath(req), fields: { ...change, ...(image.image && { image: image.image }) } },
            callOptions(req),
          );
          res.json({ status: 'updated', issuer: presentIssuer(found(issuer), ctx(req)) });
        } catch (error) {
          throw withSubmittedDetails(error, 'issuer', change);
        }
      },
      async DELETE(req: Request, res: Response) {
        const { issuer } = await catalog.call('DeleteIssuer', issuerPath(req), callOptions(req));
        res.json({ status: 'deleted', issuer: presentIssuer(found(issuer), ctx(req), { bare: true }) });
      },
    },
    {
      GET: { summary: 'Get an issuer with its programs', success: 200, returns: 'issuer', errors: [404] },
      PUT: {
        summary: 'Update an issuer (partial)',
        body: ORGANIZATION_RULES,
        success: 200,
        returns: 'issuer',
        errors: [400, 404, 409],
      },
      DELETE: {
        summary: 'Delete an issuer and its programs; its badges stay at system level',
        success: 200,
        returns: 'issuer',
        errors: [404],
      },
    },
  );
}
