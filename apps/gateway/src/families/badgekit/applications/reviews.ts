/**
 * BadgeKit reviews of an application (badgekit-api.md §12), under
 * `{ctx}/badges/:badgeSlug/applications/:applicationSlug` in all three
 * contexts. Issuance records the `review` webhook with each create and
 * update; the request's origin goes along for the badge's absolute URLs.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { issuanceV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import { publicOrigin } from '../../../http/public-origin.js';
import { presentReview } from './application-present.js';
import { checkReviewBody, REVIEW_RULES } from './application-review-input.js';
import { scopedBadge } from './application-scope.js';
import { declareInContexts } from '../../../badgekit-format/badge-contexts.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { PAGING, rejectInvalid } from '../organizations/issuers.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { readPaging } from '../../../badgekit-format/validation.js';

const REVIEWS = '/badges/:badgeSlug/applications/:applicationSlug/reviews';

function found(review: issuanceV1.Review__Output | null): issuanceV1.Review__Output {
  if (!review) throw new Error('issuance answered without a review');
  return review;
}

export function mountReviews(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const { catalog, issuance } = clients;

  /** The application's key, once the path up to its badge is known to exist. */
  const applicationOf = async (req: Request) => {
    const { badge, siteId } = await scopedBadge(catalog, req);
    return { siteId, badgeId: badge.id, applicationSlug: String(req.params.applicationSlug) };
  };
  const reviewSlug = (req: Request) => String(req.params.reviewSlug);

  declareInContexts(
    routes,
    REVIEWS,
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const result = await issuance.call(
          'ListReviews',
          { ...(await applicationOf(req)), page: paging ?? {} },
          callOptions(req),
        );
        res.json({
          reviews: result.reviews.map((r) => presentReview(r)),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
      async POST(req: Request, res: Response) {
        const application = await applicationOf(req);
        const { fields, problems } = checkReviewBody(req.badgekitBody?.fields ?? {}, 'create');
        // A missing application (404) outranks a bad body (400).
        await rejectInvalid(problems, () =>
          issuance.call(
            'GetApplication',
            { siteId: application.siteId, badgeId: application.badgeId, slug: application.applicationSlug },
            callOptions(req),
          ),
        );
        const { review } = await issuance.call(
          'CreateReview',
          {
            ...application,
            fields,
            idempotencyKey: randomUUID(),
            publicOrigin: publicOrigin(req, config.PUBLIC_BASE_URL),
          },
          callOptions(req),
        );
        res.status(201).json({ status: 'created', review: presentReview(found(review)) });
      },
    },
    (noun) => ({
      GET: {
        summary: `List the reviews of an application for a badge of ${noun} (paging)`,
        query: PAGING,
        success: 200,
        returns: 'reviews',
        errors: [404],
      },
      POST: {
        summary: 'Review an application, with an item per criterion; sends the `review` webhook',
        body: REVIEW_RULES,
        success: 201,
        returns: 'review',
        errors: [400, 404],
      },
    }),
  );

  declareInContexts(
    routes,
    `${REVIEWS}/:reviewSlug`,
    {
      async GET(req: Request, res: Response) {
        const { review } = await issuance.call(
          'GetReview',
          { ...(await applicationOf(req)), slug: reviewSlug(req) },
          callOptions(req),
        );
        res.json({ review: presentReview(found(review)) });
      },
      async PUT(req: Request, res: Response) {
        const key = { ...(await applicationOf(req)), slug: reviewSlug(req) };
        const { fields, problems } = checkReviewBody(req.badgekitBody?.fields ?? {}, 'update');
        await rejectInvalid(problems, () => issuance.call('GetReview', key, callOptions(req)));
        const { review } = await issuance.call(
          'UpdateReview',
          { ...key, fields, publicOrigin: publicOrigin(req, config.PUBLIC_BASE_URL) },
          callOptions(req),
        );
        res.json({ status: 'updated', review: presentReview(found(review)) });
      },
      async DELETE(req: Request, res: Response) {
        const { review } = await issuance.call(
          'DeleteReview',
          { ...(await applicationOf(req)), slug: reviewSlug(req) },
          callOptions(req),
        );
        // §12.2: the deleted review really is under `badge`.
        res.json({ status: 'deleted', badge: presentReview(found(review), { withoutItems: true }) });
      },
    },
    (noun) => ({
      GET: {
        summary: `Get a review of an application for a badge of ${noun}`,
        success: 200,
        returns: 'review',
        errors: [404],
      },
      PUT: {
        summary: 'Update a review (partial; items given replace, omitted stay); sends the `review` webhook again',
        body: REVIEW_RULES,
        success: 200,
        returns: 'review',
        errors: [400, 404],
      },
      DELETE: {
        summary: 'Delete a review with its items; answered under the key `badge`',
        success: 200,
        returns: 'badge',
        errors: [404],
      },
    }),
  );
}
