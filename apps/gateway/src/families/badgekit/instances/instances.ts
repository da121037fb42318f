/**
 * BadgeKit instances (§9, with model.md's "Earned badges"): each route in all
 * three contexts. Issuance keeps the awards; the catalog resolves the badge
 * path (its 404s are the lookup chain's), and claim-code claims a code and
 * awards through it in one step.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import { scopedBadge, contextScope } from '../applications/application-scope.js';
import { badgeContext, declareInContexts } from '../../../badgekit-format/badge-contexts.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { BadgeKitError } from '../../../badgekit-format/errors.js';
import {
  BULK_RULES,
  checkBulkBody,
  checkInstanceBody,
  directAwardKey,
  INSTANCE_RULES,
  type AwardDetails,
} from './instance-input.js';
import { presentInstance } from './instance-present.js';
import { presentBadge, type BadgeJson } from '../badges/present-badge.js';
import { assertionPath, presentContext } from '../../../badgekit-format/present-context.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { readPaging } from '../../../badgekit-format/validation.js';

type Earned = issuanceV1.EarnedBadge__Output;

function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`answered without ${what}`);
  return value;
}

const isReason = (error: unknown, reason: string): error is DomainError =>
  error instanceof DomainError && error.reason === reason;

/** Enough revoked awards of one badge to one email to stop following the chain: something else is wrong. */
const MAX_REAWARDS = 20;
/** Bulk awards in flight at once: the original inserted concurrently; this bounds the load one request makes. */
const BULK_CONCURRENCY = 8;

export function mountInstances(routes: RouteTable, deps: BadgeKitDeps): void {
  const { catalog, issuance, shared } = deps.clients;
  const members = deps.members;
  const ctx = (req: Request) => presentContext(req, deps.config.PUBLIC_BASE_URL);
  const emailParam = (req: Request) => String(req.params.email);

  const alreadyAwarded = (req: Request, email: string, badge: catalogV1.Badge__Output, uid: string) =>
    new BadgeKitError(409, {
      code: 'ResourceConflict',
      message: `User ${email} has already been awarded badge ${badge.slug}`,
      details: { assertionUrl: ctx(req).absolute(assertionPath(uid)) },
    });

  /** The email's unrevoked award of the badge, if any. */
  const heldBy = async (req: Request, siteId: string, badgeId: string, email: string): Promise<Earned | undefined> => {
    try {
      const userId = (await members.userIdByEmail(siteId, email)) ?? '0';
      return found(
        (await issuance.call('GetEarnedBadge', { siteId, holder: { badgeId, userId, email } }, callOptions(req)))
          .earnedBadge,
        'an earned badge',
      );
    } catch (error) {
      if (isReason(error, 'ResourceNotFound')) return undefined;
      throw error;
    }
  };

  const heldOr404 = async (req: Request, siteId: string, badgeId: string): Promise<Earned> => {
    const email = emailParam(req);
    const earned = await heldBy(req, siteId, badgeId, email);
    if (!earned) throw DomainError.notFound('badgeInstance', 'email', email);
    return earned;
  };

  /**
   * One direct award for the email, unless it already holds the badge.
   * BadgeKit allows one instance per email and badge whatever `unique` says
   * (§16.5), so a repeatable badge held through another channel is looked up
   * first; for the rest issuance's constraints decide. A revoked award keeps
   * its idempotency key, so after a revocation the next award takes a key
   * derived from the revoked one: still one award per retry.
   */
  const awardOnce = async (
    req: Request,
    badge: catalogV1.Badge__Output,
    siteId: string,
    email: string,
    details: AwardDetails & { slug?: string },
  ): Promise<{ earned: Earned; created: boolean }> => {
    // Not unique: issuance refuses, in the award call itself, an email (or its member) that holds the badge already.
    const holderUserId = badge.unique ? '0' : ((await members.userIdByEmail(siteId, email)) ?? '0');
    const baseKey = directAwardKey(badge.id, email);
    let key = baseKey;
    for (let attempt = 0; attempt < MAX_REAWARDS; attempt++) {
      const answer = await shared.award(
        {
          siteId,
          badgeId: badge.id,
          userId: '0',
          email,
          channel: 'AWARD_CHANNEL_DIRECT',
          idempotencyKey: key,
          ...(details.issuedOn !== undefined && { issuedOn: details.issuedOn }),
          ...(details.expires !== undefined && { expires: details.expires }),
          ...(details.slug !== undefined && { uid: details.slug }),
          ...(details.comment !== undefined && { comment: details.comment }),
          publicOrigin: ctx(req).origin,
          ...(!badge.unique && { refuseIfHeld: true, holderUserId }),
        },
        callOptions(req).scope,
      );
      const earned = found(answer.earnedBadge, 'an earned badge');
      if (answer.result === 'AWARD_RESULT_REPLAYED' && earned.revokedAt) {
        key = `${baseKey}:after:${earned.uid}`;
        continue;
      }
      return { earned, created: answer.result === 'AWARD_RESULT_CREATED' };
    }
    throw new Error(`more than ${MAX_REAWARDS} revoked awards of badge ${badge.id} to one email`);
  };

  /**
   * POST with a claimCode (model.md "Earned badges"): the claim awards. The
   * duplicate check comes first so that a 409 never consumes a code (D-11);
   * an award this email already holds through this very code is answered as
   * created, as a repeated claim is.
   */
  const awardByClaim = async (
    req: Request,
    badge: catalogV1.Badge__Output,
    siteId: string,
    input: ReturnType<typeof checkInstanceBody>['input'],
    code: string,
  ): Promise<Earned> => {
    const held = await heldBy(req, siteId, badge.id, input.email);
    if (held && (held.claimCode ?? '').toLowerCase() !== code.toLowerCase())
      throw alreadyAwarded(req, input.email, badge, held.uid);
    let claim;
    try {
      claim = await shared.claim(
        {
          siteId,
          badgeId: badge.id,
          code,
          email: input.email,
          userId: '0',
          allowSameEmailRepeat: true,
          // One key per request: a retried call answers as its first attempt did.
          idempotencyKey: randomUUID(),
          ...(input.slug !== undefined && { uid: input.slug }),
          ...(input.issuedOn !== undefined && { issuedOn: input.issuedOn }),
          ...(input.expires !== undefined && { expires: input.expires }),
          ...(input.comment !== undefined && { comment: input.comment }),
          publicOrigin: ctx(req).origin,
        },
        callOptions(req).scope,
      );
    } catch (error) {
      // The badge is known to exist, so a missing record here is the code (D-10); the texts are BadgeKit's own.
      if (isReason(error, 'ResourceNotFound')) throw DomainError.notFound('claimCode', 'code', code);
      if (isReason(error, 'CodeAlreadyUsed'))
        throw new DomainError('CodeAlreadyUsed', `Claim code \`${code}\` has already been claimed`);
      throw error;
    }
    if (!claim.earnedBadgeId) throw new Error('claim answered without an earned badge');
    return found(
      (await issuance.call('GetEarnedBadge', { siteId, id: claim.earnedBadgeId }, callOptions(req))).earnedBadge,
      'an earned badge',
    );
  };

  /** Full badges of a page of awards, in one catalog call. */
  const badgesOf = async (req: Request, siteId: string, awards: readonly Earned[]): Promise<Map<string, BadgeJson>> => {
    const ids = [...new Set(awards.map((a) => a.badgeId))];
    if (ids.length === 0) return new Map();
    const { badges } = await catalog.call(
      'ListBadges',
      { siteId, ids, archived: 'ARCHIVED_FILTER_ANY' },
      callOptions(req),
    );
    const present = ctx(req);
    return new Map(badges.map((b) => [b.id, presentBadge(b, present)]));
  };

  const pageData = (
    paging: { page: number; count: number } | undefined,
    pageInfo: { total?: string | number } | null | undefined,
  ) => (paging ? { pageData: { page: paging.page, count: paging.count, total: Number(pageInfo?.total ?? 0) } } : {});

  declareInContexts(
    routes,
    '/badges/:badgeSlug/instances',
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const { badge, siteId } = await scopedBadge(catalog, req);
        // BadgeKit's lists keep expired instances; revoked ones are gone (model.md).
        const result = await issuance.call(
          'ListBadgeAwards',
          { siteId, badgeId: badge.id, includeExpired: true, page: paging ?? {} },
          callOptions(req),
        );
        const full = presentBadge(badge, ctx(req));
        res.json({
          instances: result.earnedBadges.map((e) => presentInstance(e, full, ctx(req))),
          ...pageData(paging, result.pageInfo),
        });
      },
      async POST(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const { input, problems } = checkInstanceBody(req.badgekitBody?.fields ?? {});
        if (problems.length > 0) throw DomainError.validation(problems);
        let earned: Earned;
        if (input.claimCode !== undefined) {
          earned = await awardByClaim(req, badge, siteId, input, input.claimCode);
        } else {
          const outcome = await awardOnce(req, badge, siteId, input.email, input);
          // A replay of this email's award and an award held otherwise both mean "already awarded" here.
          if (!outcome.created) throw alreadyAwarded(req, input.email, badge, outcome.earned.uid);
          earned = outcome.earned;
        }
        res.setHeader('Location', assertionPath(earned.uid));
        res.status(201).json({
          status: 'created',
          instance: presentInstance(earned, null, ctx(req), { created: input.claimCode === undefined }),
        });
      },
    },
    (noun) => ({
      GET: {
        summary: `List the instances of a badge of ${noun}, expired ones included (paging)`,
        success: 200,
        returns: 'instances',
        errors: [404],
      },
      POST: {
        summary: `Award a badge of ${noun} to an email (optional slug, issuedOn, expires, comment, claimCode)`,
        body: INSTANCE_RULES,
        success: 201,
        returns: 'instance',
        errors: [400, 404, 409],
      },
    }),
  );

  declareInContexts(
    routes,
    '/badges/:badgeSlug/instances/bulk',
    {
      async POST(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const { emails, details, problems, notArray } = checkBulkBody(req.badgekitBody?.fields ?? {});
        if (notArray) throw new BadgeKitError(400, { message: 'Invalid value for "emails".  Expected array.' });
        if (problems.length > 0) throw DomainError.validation(problems);
        const distinct = [...new Map(emails.map((e) => [e.toLowerCase(), e])).values()];
        const created: Earned[] = [];
        const awardOne = async (email: string) => {
          try {
            const outcome = await awardOnce(req, badge, siteId, email, details);
            if (outcome.created) created.push(outcome.earned);
          } catch (error) {
            // A shared client slug can be used once (§9.5); the other rows are skipped like duplicates.
            if (!(details.slug !== undefined && isReason(error, 'ResourceConflict'))) throw error;
          }
        };
        for (let i = 0; i < distinct.length; i += BULK_CONCURRENCY)
          await Promise.all(distinct.slice(i, i + BULK_CONCURRENCY).map(awardOne));
        res.status(201).json({
          status: 'created',
          instances: created.map((e) => presentInstance(e, null, ctx(req), { created: true })),
        });
      },
    },
    (noun) => ({
      POST: {
        summary: `Award a badge of ${noun} to many emails; emails that already hold it are skipped`,
        body: BULK_RULES,
        success: 201,
        returns: 'instances',
        errors: [400, 404],
      },
    }),
  );

  declareInContexts(
    routes,
    '/badges/:badgeSlug/instances/:email',
    {
      async GET(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const earned = await heldOr404(req, siteId, badge.id);
        res.json({ instance: presentInstance(earned, presentBadge(badge, ctx(req)), ctx(req)) });
      },
      async DELETE(req: Request, res: Response) {
        const { badge, siteId } = await scopedBadge(catalog, req);
        const earned = await heldOr404(req, siteId, badge.id);
        await issuance.call('Revoke', { siteId, id: earned.id, reason: '' }, callOptions(req));
        // As it was before the revocation, and without `status` (§9.7).
        res.json({ instance: presentInstance(earned, presentBadge(badge, ctx(req)), ctx(req)) });
      },
    },
    (noun) => ({
      GET: { summary: `An email's instance of a badge of ${noun}`, success: 200, returns: 'instance', errors: [404] },
      DELETE: {
        summary: `Revoke an email's instance of a badge of ${noun}; its public assertion then answers 410`,
        success: 200,
        returns: 'instance',
        errors: [404],
      },
    }),
  );

  declareInContexts(
    routes,
    '/instances/:email',
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const email = emailParam(req);
        // D-13: an issuer or program lists only its own badges' instances (its programs' included).
        let siteId: string;
        let badgeIds: string[] = [];
        if (req.params.issuerSlug === undefined) {
          siteId = (await contextScope(catalog, req)).siteId;
        } else {
          const { badges } = await catalog.call(
            'ListBadges',
            { context: badgeContext(req), archived: 'ARCHIVED_FILTER_ANY' },
            callOptions(req),
          );
          const first = badges[0];
          if (!first) {
            res.json({ instances: [], ...pageData(paging, { total: 0 }) });
            return;
          }
          siteId = found(first.system, 'the badge’s system').id;
          badgeIds = badges.map((b) => b.id);
        }
        // Awards made to the member with this email (by userId, e.g. through requirements) are theirs too (model.md).
        const userId = (await members.userIdByEmail(siteId, email)) ?? '0';
        const result = await issuance.call(
          'ListRecipientBadges',
          {
            siteId,
            userId,
            email,
            badgeIds,
            includeExpired: true,
            order: 'EARNED_BADGE_ORDER_CREATED',
            page: paging ?? {},
          },
          callOptions(req),
        );
        const badges = await badgesOf(req, siteId, result.earnedBadges);
        res.json({
          instances: result.earnedBadges.map((e) => presentInstance(e, badges.get(e.badgeId) ?? null, ctx(req))),
          ...pageData(paging, result.pageInfo),
        });
      },
    },
    (noun) => ({
      GET: {
        summary: `Every instance an email holds of the badges of ${noun}, expired ones included (paging)`,
        success: 200,
        returns: 'instances',
        errors: [404],
      },
    }),
  );
}
