/**
 * BadgeKit badges (badgekit-api.md §7): each route in all three contexts,
 * validated here in BadgeKit's terms and stored by the catalog, which also
 * applies §7.2's scoping (a system reaches its issuers' and programs'
 * badges; an issuer its programs').
 */
import type { Request, Response } from 'express';
import { DomainError, type FieldProblem } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import { badgeContext, badgeSlugPath, declareInContexts } from '../../../badgekit-format/badge-contexts.js';
import { BADGE_RULES, BADGE_UPDATE_RULES, checkBadgeBody, submittedValues } from './badge-input.js';
import { presentMilestone } from '../milestones/badge-milestones.js';
import { BADGE_LIST_QUERY, readArchived } from '../../../badgekit-format/badge-query.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { imageInput } from '../organizations/organization-input.js';
import { presentBadge, presentBareBadge } from './present-badge.js';
import { presentContext } from '../../../badgekit-format/present-context.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { readPaging } from '../../../badgekit-format/validation.js';

function found(badge: catalogV1.Badge__Output | null): catalogV1.Badge__Output {
  if (!badge) throw new Error('catalog answered without a badge');
  return badge;
}

/** D-23: a conflict's details are this request's own values. */
async function orConflict<T>(body: Record<string, unknown>, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceConflict')
      throw DomainError.conflict('badge', 'slug', submittedValues(body));
    throw error;
  }
}

/**
 * Fails with the body's problems, but only once the path is known to exist:
 * a missing record (404, pipeline stage 7) outranks a bad body (400, stage 8).
 * The lookup costs a call only on this error path.
 */
async function rejectInvalid(problems: FieldProblem[], lookup: () => Promise<unknown>): Promise<void> {
  if (problems.length === 0) return;
  await lookup();
  throw DomainError.validation(problems);
}

const MISSING_IMAGE: FieldProblem = { message: 'Missing value', field: 'image' };

export function mountBadges(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const catalog = clients.catalog;
  const ctx = (req: Request) => presentContext(req, config.PUBLIC_BASE_URL);
  // The cheapest call that walks the path's lookup chain, answering its 404s.
  const lookUpContext = (req: Request) =>
    catalog.call('ListBadges', { context: badgeContext(req), page: { page: 1, count: 1 } }, callOptions(req));

  declareInContexts(
    routes,
    '/badges',
    {
      async GET(req: Request, res: Response) {
        let archived: catalogV1.ArchivedFilter__Output;
        try {
          archived = readArchived(req.query);
        } catch (error) {
          // As for a bad body: a missing context (404) outranks a bad filter (400).
          await lookUpContext(req);
          throw error;
        }
        const paging = readPaging(req.query);
        const result = await catalog.call(
          'ListBadges',
          { context: badgeContext(req), archived, page: paging ?? {} },
          callOptions(req),
        );
        const present = ctx(req);
        res.json({
          badges: result.badges.map((b) => presentBadge(b, present)),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
      async POST(req: Request, res: Response) {
        const body = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, body);
        const { fields, problems } = checkBadgeBody(body, 'create');
        // Image entries come last (§2.5); a badge cannot be created without one (§2.7).
        const imageProblems = image.image || image.problems.length > 0 ? image.problems : [MISSING_IMAGE];
        await rejectInvalid([...problems, ...imageProblems], () => lookUpContext(req));
        const { badge } = await orConflict(body, () =>
          catalog.call(
            'CreateBadge',
            {
              context: badgeContext(req),
              fields: { ...fields, image: image.image, published: true, origin: 'badgekit' },
            },
            callOptions(req),
          ),
        );
        const created = found(badge);
        res.setHeader('Location', `${req.path}/${encodeURIComponent(created.slug)}`);
        res.status(201).json({ status: 'created', badge: presentBadge(created, ctx(req)) });
      },
    },
    (noun) => ({
      GET: {
        summary: `List the badges of ${noun} (archived filter, paging)`,
        query: BADGE_LIST_QUERY,
        success: 200,
        returns: 'badges',
        errors: [400, 404],
      },
      POST: {
        summary: `Create a badge in ${noun}; also criteria, alignments, categories, tags and a required image (upload, image or imageUrl)`,
        body: BADGE_RULES,
        success: 201,
        returns: 'badge',
        errors: [400, 404, 409],
      },
    }),
  );

  declareInContexts(
    routes,
    '/badges/:badgeSlug',
    {
      async GET(req: Request, res: Response) {
        // One call: the badge and the milestones whose primary badge it is (§7.6).
        const answer = await catalog.call(
          'GetBadge',
          { path: badgeSlugPath(req), includeMilestones: true },
          callOptions(req),
        );
        const badge = found(answer.badge);
        const milestones = answer.milestones;
        res.json({ badge: presentBadge(badge, ctx(req), milestones.map(presentMilestone)) });
      },
      async PUT(req: Request, res: Response) {
        const body = req.badgekitBody?.fields ?? {};
        const image = imageInput(req, body);
        const { fields, problems } = checkBadgeBody(body, 'update');
        await rejectInvalid([...problems, ...image.problems], () =>
          catalog.call('GetBadge', { path: badgeSlugPath(req) }, callOptions(req)),
        );
        const { badge } = await orConflict(body, () =>
          catalog.call(
            'UpdateBadge',
            { path: badgeSlugPath(req), fields: { ...fields, ...(image.image && { image: image.image }) } },
            callOptions(req),
          ),
        );
        res.json({ status: 'updated', badge: presentBadge(found(badge), ctx(req)) });
      },
      async DELETE(req: Request, res: Response) {
        const { badge } = await catalog.call('DeleteBadge', { path: badgeSlugPath(req) }, callOptions(req));
        res.json({ status: 'deleted', badge: presentBareBadge(found(badge)) });
      },
    },
    (noun) => ({
      GET: {
        summary: `Get a badge of ${noun}, with the milestones it is the primary badge of`,
        success: 200,
        returns: 'badge',
        errors: [404],
      },
      PUT: {
        summary: `Update a badge of ${noun} (partial; collections given replace, omitted ones stay)`,
        body: BADGE_UPDATE_RULES,
        success: 200,
        returns: 'badge',
        errors: [400, 404, 409],
      },
      DELETE: {
        summary: `Delete a badge of ${noun} with its criteria, alignments, categories, tags and milestones`,
        success: 200,
        returns: 'badge',
        errors: [404],
      },
    }),
  );
}
