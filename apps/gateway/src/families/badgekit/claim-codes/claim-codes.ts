/**
 * BadgeKit claim codes (badgekit-api.md §8), each route in all three
 * contexts. The badge is resolved from the path through the catalog (its 404s
 * are the lookup chain of §2.1), the code's own work is the claim-code
 * service's; a claim there also awards the badge (model.md "Earned badges").
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from '@laurel/service-kit';
import type { catalogV1, claimcodesV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import { badgeContext, badgeSlugPath, declareInContexts } from '../../../badgekit-format/badge-contexts.js';
import {
  CLAIM_RULES,
  codeFlags,
  CREATE_CODE_RULES,
  MAX_GENERATED_CODES,
  presentClaimCode,
  presentCreatedCode,
  RANDOM_CODE_RULES,
  requestedCount,
} from './claim-code-input.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { presentBadge } from '../badges/present-badge.js';
import { presentContext } from '../../../badgekit-format/present-context.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { asText, readPaging, validate } from '../../../badgekit-format/validation.js';

const PAGING_QUERY = [
  { name: 'page', description: 'Page to return (with count; both must be positive)' },
  { name: 'count', description: 'Codes per page (with page)' },
];

function found(
  badge: catalogV1.Badge__Output | null,
): catalogV1.Badge__Output & { system: catalogV1.SystemSummary__Output } {
  if (!badge?.system) throw new Error('catalog answered without a badge or its system');
  return badge as catalogV1.Badge__Output & { system: catalogV1.SystemSummary__Output };
}

function codeOf(answer: { claimCode: claimcodesV1.ClaimCode__Output | null }): claimcodesV1.ClaimCode__Output {
  if (!answer.claimCode) throw new Error('claim-code answered without a code');
  return answer.claimCode;
}

const codeParam = (req: Request) => String(req.params.code);

/**
 * The key that makes the gRPC client's own retries (of UNAVAILABLE) replay
 * the first answer instead of, say, CodeAlreadyUsed for a claim that went
 * through: the client's `Idempotency-Key` when it sends one, so its retries
 * are safe too, otherwise one drawn for this request.
 */
function idempotencyKey(req: Request): string {
  const header = req.get('idempotency-key');
  return header && header.length <= 255 ? `client:${header}` : `request:${randomUUID()}`;
}

export function mountClaimCodes(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const { catalog, claimCodes, shared } = clients;
  const ctx = (req: Request) => presentContext(req, config.PUBLIC_BASE_URL);
  /**
   * The badge a `{ctx}/badges/:badgeSlug` path names, answering the lookup
   * chain's 404s. Read from the catalog on every request, never kept here: a
   * badge deleted, archived, renamed or moved must be seen as such by the very
   * next request on every gateway replica, which no per-process copy can promise.
   */
  const badgeOf = async (req: Request) =>
    found((await catalog.call('GetBadge', { path: badgeSlugPath(req) }, callOptions(req))).badge);
  const scope = (badge: { id: string; system: { id: string } }) => ({ siteId: badge.system.id, badgeId: badge.id });

  const getCode = async (req: Request, res: Response) => {
    const badge = await badgeOf(req);
    const answer = await shared.getClaimCode({ ...scope(badge), code: codeParam(req) }, callOptions(req).scope);
    res.json({ badge: presentBadge(badge, ctx(req)), claimCode: presentClaimCode(codeOf(answer)) });
  };
  const deleteCode = async (req: Request, res: Response) => {
    const badge = await badgeOf(req);
    const answer = await claimCodes.call(
      'DeleteClaimCode',
      { ...scope(badge), code: codeParam(req) },
      callOptions(req),
    );
    res.json({ status: 'deleted', claimCode: presentClaimCode(codeOf(answer)), badge: presentBadge(badge, ctx(req)) });
  };

  declareInContexts(
    routes,
    '/badges/:badgeSlug/codes',
    {
      async GET(req: Request, res: Response) {
        const badge = await badgeOf(req);
        const paging = readPaging(req.query);
        const result = await claimCodes.call(
          'ListClaimCodes',
          { ...scope(badge), page: paging ?? {} },
          callOptions(req),
        );
        res.json({
          claimCodes: result.claimCodes.map(presentClaimCode),
          badge: presentBadge(badge, ctx(req)),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
      async POST(req: Request, res: Response) {
        const badge = await badgeOf(req);
        const body = req.badgekitBody?.fields ?? {};
        const problems = validate(body, CREATE_CODE_RULES);
        if (problems.length > 0) throw DomainError.validation(problems);
        const code = asText(body.code);
        let answer: claimcodesV1.CreateClaimCodeResponse__Output;
        try {
          answer = await claimCodes.call(
            'CreateClaimCode',
            { ...scope(badge), code, flags: codeFlags(body), idempotencyKey: idempotencyKey(req) },
            callOptions(req),
          );
        } catch (error) {
          // D-9 and D-23: a conflict answers 409 with this request's own values.
          if (error instanceof DomainError && error.reason === 'ResourceConflict') {
            throw DomainError.conflict('claimCode', 'code', { code, ...codeFlags(body) });
          }
          throw error;
        }
        res.status(201).json({
          status: 'created',
          claimCode: presentCreatedCode(codeOf(answer)),
          badge: presentBadge(badge, ctx(req)),
        });
      },
    },
    (noun) => ({
      GET: {
        summary: `List the claim codes of a badge of ${noun} (paging)`,
        query: PAGING_QUERY,
        success: 200,
        returns: 'claimCodes',
        errors: [404],
      },
      POST: {
        summary: `Create a claim code for a badge of ${noun}; claimed and multiuse are boolean-likes (true, 1, "on"); a duplicate code of the badge is 409`,
        body: CREATE_CODE_RULES,
        success: 201,
        returns: 'claimCode',
        errors: [400, 404, 409],
      },
    }),
  );

  // Declared before `/codes/:code`, which would otherwise answer POST …/codes/random with 405;
  // a code literally named "random" is still read and deleted here.
  declareInContexts(
    routes,
    '/badges/:badgeSlug/codes/random',
    {
      async POST(req: Request, res: Response) {
        const badge = await badgeOf(req);
        const body = req.badgekitBody?.fields ?? {};
        const count = requestedCount(body);
        const problems = validate(body, RANDOM_CODE_RULES);
        if (Number.isNaN(count) && !problems.some((p) => p.field === 'count')) {
          problems.push({
            field: 'count',
            value: body.count,
            message: `Expected an integer between 1 and ${MAX_GENERATED_CODES}`,
          });
        }
        if (problems.length > 0) throw DomainError.validation(problems);
        const answer = await shared.generateClaimCodes(
          { ...scope(badge), count: count ?? 1, flags: codeFlags(body), idempotencyKey: idempotencyKey(req) },
          callOptions(req).scope,
        );
        const badgeJson = presentBadge(badge, ctx(req));
        if (count === undefined) {
          const [code] = answer.claimCodes;
          if (!code) throw new Error('claim-code generated no code');
          res.status(201).json({ status: 'created', claimCode: presentCreatedCode(code), badge: badgeJson });
          return;
        }
        res
          .status(201)
          .json({ status: 'created', claimCodes: answer.claimCodes.map(presentCreatedCode), badge: badgeJson });
      },
      GET: getCode,
      DELETE: deleteCode,
    },
    (noun) => ({
      POST: {
        summary:
          `Create a random claim code (16 lowercase hex characters) for a badge of ${noun}; the body may be empty. ` +
          `Laurel extension: {"count": N} (1–${MAX_GENERATED_CODES}) draws N codes in one statement and answers them as claimCodes`,
        body: RANDOM_CODE_RULES,
        success: 201,
        returns: 'claimCode',
        errors: [400, 404],
      },
      GET: {
        summary: `Get the claim code named "random" of a badge of ${noun}`,
        success: 200,
        returns: 'claimCode',
        errors: [404],
      },
      DELETE: {
        summary: `Delete the claim code named "random" of a badge of ${noun}`,
        success: 200,
        returns: 'claimCode',
        errors: [404],
      },
    }),
  );

  declareInContexts(routes, '/badges/:badgeSlug/codes/:code', { GET: getCode, DELETE: deleteCode }, (noun) => ({
    GET: { summary: `Get a claim code of a badge of ${noun}`, success: 200, returns: 'claimCode', errors: [404] },
    DELETE: {
      summary: `Delete a claim code of a badge of ${noun}; awards made with it keep it`,
      success: 200,
      returns: 'claimCode',
      errors: [404],
    },
  }));

  declareInContexts(
    routes,
    '/badges/:badgeSlug/codes/:code/claim',
    {
      async POST(req: Request, res: Response) {
        const badge = await badgeOf(req);
        const body = req.badgekitBody?.fields ?? {};
        // §8.7: the email is not validated; a missing body means no email. Only its length is bounded.
        const problems = validate(body, CLAIM_RULES);
        if (problems.length > 0) throw DomainError.validation(problems);
        const email = asText(body.email).trim();
        // Archived badges cannot be earned (model.md deviations); refused before anything is recorded.
        if (badge.archived && email !== '')
          throw DomainError.validation([
            { field: 'badge', value: badge.slug, message: 'archived badges cannot be earned' },
          ]);
        const answer = await shared.claim(
          {
            ...scope(badge),
            code: codeParam(req),
            ...(email !== '' && { email }),
            idempotencyKey: idempotencyKey(req),
            publicOrigin: ctx(req).origin,
          },
          callOptions(req).scope,
        );
        res.json({
          status: 'updated',
          claimCode: presentClaimCode(codeOf(answer)),
          badge: presentBadge(badge, ctx(req)),
        });
      },
    },
    (noun) => ({
      POST: {
        summary: `Claim a code of a badge of ${noun}: awards the badge to the email (a single-use code once, a multi-use code once per email)`,
        body: CLAIM_RULES,
        success: 200,
        returns: 'claimCode',
        errors: [400, 404],
      },
    }),
  );

  declareInContexts(
    routes,
    '/codes/:code',
    {
      async GET(req: Request, res: Response) {
        const scopeIds = await contextIds(req);
        const located = await claimCodes.call(
          'FindBadgeByCode',
          { ...scopeIds, code: codeParam(req) },
          callOptions(req),
        );
        const { badge } = await catalog.call(
          'GetBadge',
          { id: located.badgeId, siteId: scopeIds.siteId },
          callOptions(req),
        );
        if (!badge) throw new Error('catalog answered without a badge');
        res.json({ badge: { ...presentBadge(badge, ctx(req)), claimed: located.usedUp ? 1 : 0 } });
      },
    },
    (noun) => ({
      GET: {
        summary: `Find the badge of ${noun} that carries a claim code; claimed is 1 only for a used-up single-use code`,
        success: 200,
        returns: 'badge',
        errors: [404],
      },
    }),
  );

  /** The ids of the context a `{ctx}/codes/:code` path names, walking its lookup chain (404 per missing level). */
  async function contextIds(req: Request): Promise<claimcodesV1.FindBadgeByCodeRequest & { siteId: string }> {
    const context = badgeContext(req);
    if (context.issuerSlug === undefined) {
      const { system } = await catalog.call('GetSystem', { slug: context.systemSlug }, callOptions(req));
      return { siteId: system?.id ?? '0' };
    }
    const { issuer } = await catalog.call(
      'GetIssuer',
      { systemSlug: context.systemSlug, issuerSlug: context.issuerSlug },
      callOptions(req),
    );
    const ids = { siteId: issuer?.systemId ?? '0', issuerId: issuer?.id ?? '0' };
    if (context.programSlug === undefined) return ids;
    const { program } = await catalog.call(
      'GetProgram',
      { systemSlug: context.systemSlug, issuerSlug: context.issuerSlug, programSlug: context.programSlug },
      callOptions(req),
    );
    return { ...ids, programId: program?.id ?? '0' };
  }
}
