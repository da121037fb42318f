/**
 * BadgeKit applications (badgekit-api.md §11): each route in all three
 * contexts, validated here in BadgeKit's terms and kept by issuance, which
 * owns applications and reviews. Badges come from the catalog: one call per
 * page of applications, whatever the number of badges on it.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import {
  APPLICATION_LIST_QUERY,
  APPLICATION_RULES,
  APPLICATION_UPDATE_RULES,
  checkApplicationBody,
  readLearnerFilter,
  readProcessedFilter,
} from './application-input.js';
import { presentApplication } from './application-present.js';
import { contextScope, scopedBadge } from './application-scope.js';
import { declareInContexts } from '../../../badgekit-format/badge-contexts.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { rejectInvalid } from '../organizations/issuers.js';
import { presentBadge, presentBareBadge, type BadgeJson } from '../badges/present-badge.js';
import { presentContext } from '../../../badgekit-format/present-context.js';
import { mountReviews } from './reviews.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { readPaging } from '../../../badgekit-format/validation.js';

function found(application: issuanceV1.Application__Output | null): issuanceV1.Application__Output {
  if (!application) throw new Error('issuance answered without an application');
  return application;
}

export function mountApplications(routes: RouteTable, deps: BadgeKitDeps): void {
  const { catalog, issuance } = deps.clients;
  const ctx = (req: Request) => presentContext(req, deps.config.PUBLIC_BASE_URL);
  const applicationSlug = (req: Request) => String(req.params.applicationSlug);

  /** The full badges of a page of applications, in one catalog call. */
  const badgesOf = async (
    req: Request,
    siteId: string,
    applications: readonly issuanceV1.Application__Output[],
  ): Promise<Map<string, BadgeJson>> => {
    const ids = [...new Set(applications.map((a) => a.badgeId))];
    if (ids.length === 0) return new Map();
    const { badges } = await catalog.call(
      'ListBadges',
      { siteId, ids, archived: 'ARCHIVED_FILTER_ANY' },
      callOptions(req),
    );
    const present = ctx(req);
    return new Map(badges.map((b) => [b.id, presentBadge(b, present)]));
  };

  const listQuery = (req: Request) => {
    // Query problems (400) are found before any lookup, as the original parsed them first.
    const processed = readProcessedFilter(req.query);
    const learner = readLearnerFilter(req.query);
    const paging = readPaging(req.query);
    return {
      paging,
      filters: {
        ...(processed !== undefined && { processed }),
        ...(learner !== undefined && { learner }),
        page: paging ?? {},
      },
    };
  };

  const listed = (
    paging: { page: number; count: number } | undefined,
    result: issuanceV1.ListApplicationsResponse__Output,
    badges: (a: issuanceV1.Application__Output) => BadgeJson | null,
  ) => ({
    applications: result.applications.map((a) => presentApplication(a, badges(a))),
    ...(paging && { pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) } }),
  });

  declareInContexts(
    routes,
    '/applications',
    {
      async GET(req: Request, res: Response) {
        const { paging, filters } = listQuery(req);
        const scope = await contextScope(catalog, req);
        const result = await issuance.call('ListApplications', { ...scope, ...filters }, callOptions(req));
        const badges = await badgesOf(req, scope.siteId, result.applications);
        res.json(listed(paging, result, (a) => badges.get(a.badgeId) ?? null));
      },
    },
    (noun) => ({
      GET: {
        summary: `List the applications for badges of ${noun} (processed and email filters, paging), by badge then submission`,
        query: APPLICATION_LIST_QUERY,
        success: 200,
        returns: 'applications',
        errors: [400, 404],
      },
    }),
  );

  declareInContexts(
    routes,
    '/badges/:badgeSlug/applications',
    {
      async GET(req: Request, res: Response) {
        const { paging, filters } = listQuery(req);
        const { badge, scope } = await scopedBadge(catalog, req);
        const result = await issuance.call(
          'ListApplications',
          { ...scope, badgeId: badge.id, ...filters },
          callOptions(req),
        );
        const full = presentBadge(badge, ctx(req));
        res.json(listed(paging, result, () => full));
      },
      async POST(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const { fields, problems } = checkApplicationBody(req.badgekitBody?.fields ?? {}, 'create');
        if (problems.length > 0) throw DomainError.validation(problems);
        const { application } = await issuance.call(
          'CreateApplication',
          {
            siteId,
            badgeId: badge.id,
            ...(badge.issuer && { issuerId: badge.issuer.id }),
            ...(badge.program && { programId: badge.program.id }),
            fields,
            // One key per request: a retried call returns this request's application, never a second one.
            idempotencyKey: randomUUID(),
          },
          callOptions(req),
        );
        res
          .status(201)
          .json({ status: 'created', application: presentApplication(found(application), presentBareBadge(badge)) });
      },
    },
    (noun) => ({
      GET: {
        summary: `List the applications for a badge of ${noun} (processed and email filters, paging)`,
        query: APPLICATION_LIST_QUERY,
        success: 200,
        returns: 'applications',
        errors: [400, 404],
      },
      POST: {
        summary: `Submit an application for a badge of ${noun}, with evidence; the slug is generated`,
        body: APPLICATION_RULES,
        success: 201,
        returns: 'application',
        errors: [400, 404],
      },
    }),
  );

  declareInContexts(
    routes,
    '/badges/:badgeSlug/applications/:applicationSlug',
    {
      async GET(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const { application } = await issuance.call(
          'GetApplication',
          { siteId, badgeId: badge.id, slug: applicationSlug(req) },
          callOptions(req),
        );
        res.json({ application: presentApplication(found(application), presentBadge(badge, ctx(req))) });
      },
      async PUT(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const key = { siteId, badgeId: badge.id, slug: applicationSlug(req) };
        const { fields, problems } = checkApplicationBody(req.badgekitBody?.fields ?? {}, 'update');
        // A missing application (404) outranks a bad body (400).
        await rejectInvalid(problems, () => issuance.call('GetApplication', key, callOptions(req)));
        const { application } = await issuance.call('UpdateApplication', { ...key, fields }, callOptions(req));
        res.json({ status: 'updated', application: presentApplication(found(application), presentBareBadge(badge)) });
      },
      async DELETE(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const { application } = await issuance.call(
          'DeleteApplication',
          { siteId, badgeId: badge.id, slug: applicationSlug(req) },
          callOptions(req),
        );
        res.json({
          status: 'deleted',
          application: presentApplication(found(application), null, { withoutEvidence: true }),
        });
      },
    },
    (noun) => ({
      GET: {
        summary: `Get an application for a badge of ${noun}, with its evidence`,
        success: 200,
        returns: 'application',
        errors: [404],
      },
      PUT: {
        summary: `Update an application (partial; evidence given replaces, omitted stays; processed marks it handled)`,
        body: APPLICATION_UPDATE_RULES,
        success: 200,
        returns: 'application',
        errors: [400, 404],
      },
      DELETE: {
        summary: `Delete an application with its evidence and reviews`,
        success: 200,
        returns: 'application',
        errors: [404],
      },
    }),
  );

  mountReviews(routes, deps);
}
