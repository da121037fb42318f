/**
 * BadgeKit programs (badgekit-api.md §6): validated here in BadgeKit's terms,
 * then stored by the catalog. The issuer always comes from the URL, never
 * from the body (D-17).
 */
import type { Request, Response } from 'express';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { PAGING, rejectInvalid, withSubmittedDetails } from './issuers.js';
import { hasKey, hasValue, imageInput, ORGANIZATION_RULES, organizationFields } from './organization-input.js';
import { presentContext } from '../../../badgekit-format/present-context.js';
import { presentProgram } from './present.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { readPaging, validate } from '../../../badgekit-format/validation.js';

function found(program: catalogV1.Program__Output | null): catalogV1.Program__Output {
  if (!program) throw new Error('catalog answered without a program');
  return program;
}

export function mountPrograms(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const catalog = clients.catalog;
  const ctx = (req: Request) => presentContext(req, config.PUBLIC_BASE_URL);
  const issuerPath = (req: Request) => ({
    systemSlug: String(req.params.systemSlug),
    issuerSlug: String(req.params.issuerSlug),
  });
  const programPath = (req: Request) => ({ ...issuerPath(req), programSlug: String(req.params.programSlug) });

  routes.declare(
    '/systems/:systemSlug/issuers/:issuerSlug/programs',
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const result = await catalog.call('ListPrograms', { ...issuerPath(req), page: paging ?? {} }, callOptions(req));
        res.json({
          programs: result.programs.map((p) => presentProgram(p, ctx(req))),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
      async POST(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, fields);
        await rejectInvalid([...validate(fields, ORGANIZATION_RULES), ...image.problems], () =>
          catalog.call('GetIssuer', issuerPath(req), callOptions(req)),
        );
        const submitted = organizationFields(fields, hasValue(fields));
        try {
          const { program } = await catalog.call(
            'CreateProgram',
            { ...issuerPath(req), fields: { ...submitted, ...(image.image && { image: image.image }) } },
            callOptions(req),
          );
          res.status(201).json({ status: 'created', program: presentProgram(found(program), ctx(req)) });
        } catch (error) {
          throw withSubmittedDetails(error, 'program', submitted);
        }
      },
    },
    {
      GET: {
        summary: 'List the programs of an issuer',
        query: PAGING,
        success: 200,
        returns: 'programs',
        errors: [404],
      },
      POST: {
        summary: 'Create a program under an issuer',
        body: ORGANIZATION_RULES,
        success: 201,
        returns: 'program',
        errors: [400, 404, 409],
      },
    },
  );

  routes.declare(
    '/systems/:systemSlug/issuers/:issuerSlug/programs/:programSlug',
    {
      async GET(req: Request, res: Response) {
        const { program } = await catalog.call('GetProgram', programPath(req), callOptions(req));
        res.json({ program: presentProgram(found(program), ctx(req)) });
      },
      async PUT(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, fields);
        await rejectInvalid([...validate(fields, ORGANIZATION_RULES, { partial: true }), ...image.problems], () =>
          catalog.call('GetProgram', programPath(req), callOptions(req)),
        );
        // Only the organization's own fields are read: `id`, `imageId` and `issuerId` in a body are ignored (D-17).
        const change = organizationFields(fields, hasKey(fields));
        try {
          const { program } = await catalog.call(
            'UpdateProgram',
            { ...programPath(req), fields: { ...change, ...(image.image && { image: image.image }) } },
            callOptions(req),
          );
          res.json({ status: 'updated', program: presentProgram(found(program), ctx(req)) });
        } catch (error) {
          throw withSubmittedDetails(error, 'program', change);
        }
      },
      async DELETE(req: Request, res: Response) {
        const { program } = await catalog.call('DeleteProgram', programPath(req), callOptions(req));
        res.json({ status: 'deleted', program: presentProgram(found(program), ctx(req), { bare: true }) });
      },
    },
    {
      GET: { summary: 'Get a program', success: 200, returns: 'program', errors: [404] },
      PUT: {
        summary: 'Update a program (partial)',
        body: ORGANIZATION_RULES,
        success: 200,
        returns: 'program',
        errors: [400, 404, 409],
      },
      DELETE: {
        summary: 'Delete a program; its badges stay at issuer level',
        success: 200,
        returns: 'program',
        errors: [404],
      },
    },
  );
}
