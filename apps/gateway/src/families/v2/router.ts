/**
 * The v2 outcome / badge API (v2-badge-api.md) under /api/v2: login tokens
 * (shared with KickApps), outcomes published to Kafka, badge assignment by
 * an external issuer, and the member's earned badges.
 */
import { createHash, randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { DomainError, encodeEvent, imageUrlOf, topicName } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { ConsumerCredentials } from '../../auth/consumer-credentials.js';
import { verifySecret } from '../../domain/secrets.js';
import { publicOrigin } from '../../http/public-origin.js';
import { EdgeProblem } from '../../http/edge-problem.js';
import { LIMITS } from '../../http/limits.js';
import { parseJsonText } from '../../http/text-guard.js';
import { isHttpUrl } from '../../http/url-rules.js';
import { ConsumerStore } from '../../store/consumers.js';
import { isAdminRole, MAX_FAILURES, TokenStore, type LoginMember } from '../../store/tokens.js';
import type { FamilyOptions } from '../family.js';
import { RESULT, send, stamp, V2Error, v2Errors } from './envelope.js';
import { BatchingPublisher } from './publisher.js';
import type { ZodObject, ZodType } from 'zod';
import type { SecurityScheme } from '../../openapi/registry.js';
import { z } from '../../openapi/zod.js';
import {
  IDEMPOTENCY_KEY,
  AssignmentBody,
  BadgeAnswer,
  BadgesAnswer,
  IdempotencyHeader,
  LoginAnswer,
  LoginBody,
  ok,
  OutcomeAnswer,
  UserAnswer,
  V2ErrorSchema,
} from './schemas.js';

/** What a v2 route documents; a login token in the path is no security scheme, so those routes are public to OpenAPI. */
interface V2Doc {
  summary: string;
  body?: ZodType;
  headers?: ZodObject;
  response: ZodType;
  authenticated?: boolean;
  security?: readonly SecurityScheme[];
}

export const V2_BASE = '/api/v2';
const OUTCOME_CODE_MAX = 32;
/** How long the Outcome route waits for Kafka's acknowledgement before answering 503. */
const PUBLISH_TIMEOUT_MS = 10_000;
const ACTION_CACHE_MS = 2_000;

/**
 * The event id of an outcome sent with an Idempotency-Key: the same site,
 * member, outcome code and key always give the same UUID, so a retry is the
 * same event and the requirements consumer counts it once.
 */
export function outcomeEventId(siteId: string, userId: string, outcomeCode: string, key: string): string {
  const hex = createHash('sha256')
    .update(['laurel-v2-outcome', siteId, userId, outcomeCode, key].join('\0'), 'utf8')
    .digest('hex');
  // RFC 9562 version 8 (custom) UUID with the RFC variant bits.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function jsonBody(req: Request): Record<string, unknown> {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  try {
    const parsed: unknown = parseJsonText(raw.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch (error) {
    // Nesting and NUL are named by the edge; a syntax error is reported below as -3001.
    if (error instanceof EdgeProblem) throw error;
  }
  throw new V2Error(RESULT.badBody, 'request body is not a JSON object');
}

const wrap =
  (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    handler(req, res).catch(next);
  };

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new DomainError('Unavailable', 'Kafka did not acknowledge in time')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function v2Router(options: FamilyOptions): Router {
  const { clients, registry, producer } = options;
  const router = express.Router({ caseSensitive: false });
  const tokens = new TokenStore(options.db, options.config.LOGIN_TOKEN_TTL_SECONDS * 1000);
  const credentials = new ConsumerCredentials(new ConsumerStore(options.db), options.config.SECRET_ENCRYPTION_KEY);
  const publisher = new BatchingPublisher(producer, topicName(options.config.KAFKA_TOPIC_PREFIX, 'outcomeRecorded'));
  // Found action names per site for a moment: an outcome for an action deleted meanwhile is dead-lettered by the consumer.
  const actionNames = new Map<string, { name: string; until: number }>();
  const actionNamed = async (siteId: string, code: string): Promise<string> => {
    const key = `${siteId}\0${code}`;
    const cached = actionNames.get(key);
    if (cached && cached.until > Date.now()) return cached.name;
    let name = '';
    try {
      name = (await clients.requirements.call('GetAction', { siteId, name: code })).action?.name ?? '';
    } catch (error) {
      // A code PostgreSQL cannot even hold (a NUL byte) names no action either.
      if (!(
        error instanceof DomainError &&
        (error.reason === 'ResourceNotFound' || error.reason === 'ValidationError')
      ))
        throw error;
    }
    if (actionNames.size > 10_000) actionNames.clear();
    // Only found names are kept: an action created a moment ago must count at once.
    if (name) actionNames.set(key, { name, until: Date.now() + ACTION_CACHE_MS });
    return name;
  };
  const readBody = express.raw({ type: () => true, limit: LIMITS.body.v2 });

  const member = async (req: Request): Promise<LoginMember> => {
    const check = await tokens.check(String(req.params.strToken ?? ''));
    if (check.state === 'unknown') throw new V2Error(RESULT.tokenNotFound, 'login token not found');
    if (check.state === 'expired') throw new V2Error(RESULT.tokenExpired, 'login token expired');
    return check.member;
  };

  const siteSlug = async (siteId: string): Promise<string> =>
    (await clients.catalog.call('GetSystem', { id: siteId })).system?.slug ?? '';

  const userObject = (m: LoginMember, tenant: string) => ({
    tenant,
    userID: m.userId,
    userName: m.username,
    eMail: m.email,
    admin: isAdminRole(m.role),
  });

  const badgeObject = (
    earned: issuanceV1.EarnedBadge__Output,
    badge: catalogV1.Badge__Output | undefined,
    origin: string,
  ) => {
    const owner = badge?.issuer ?? badge?.system;
    return {
      badgeID: earned.id,
      date: new Date(earned.issuedOn).toISOString(),
      name: badge?.name ?? null,
      description: badge?.earnerDescription ?? badge?.strapline ?? null,
      // Absolute: an uploaded image is served by the gateway at /public/images/<slug>.
      imageURL: imageUrlOf(badge?.image, origin),
      tags: (badge?.tags ?? []).map((t) => t.value),
      issuerName: owner?.name ?? null,
      issuerDescription: owner?.description ?? null,
      issuerEmail: owner?.email ?? null,
      issuerURL: owner?.url ?? null,
    };
  };

  /** The member's earned badges, newest first, without revoked or expired ones, each with its catalog badge. */
  const earnedBadges = async (m: LoginMember, origin: string) => {
    const { earnedBadges: earned } = await clients.issuance.call('ListRecipientBadges', {
      siteId: m.siteId,
      userId: m.userId,
      email: m.email,
      order: 'EARNED_BADGE_ORDER_NEWEST_FIRST',
    });
    const ids = [...new Set(earned.map((e) => e.badgeId))];
    const { badges } =
      ids.length > 0
        ? await clients.catalog.call('ListBadges', { siteId: m.siteId, ids, archived: 'ARCHIVED_FILTER_ANY' })
        : { badges: [] };
    const byId = new Map(badges.map((b) => [b.id, b]));
    return earned.map((e) => badgeObject(e, byId.get(e.badgeId), origin));
  };

  /** `doc`: the route's body, headers and Ok answer; the path parameters come from `path`. */
  const declare = (
    method: 'get' | 'post',
    path: string,
    doc: V2Doc,
    handler: (req: Request, res: Response) => Promise<void>,
    body = false,
  ) => {
    registry.add({
      family: 'v2',
      method: method.toUpperCase(),
      path: `${V2_BASE}${path}`,
      authenticated: doc.authenticated ?? false,
      summary: doc.summary,
      success: 200,
      errors: [404, 503],
      contentTypes: ['application/json'],
      response: z.union([doc.response, V2ErrorSchema]),
      ...(doc.body && { body: doc.body }),
      ...(doc.headers && { headers: doc.headers }),
      ...(doc.security && { security: doc.security }),
    });
    router[method](`${V2_BASE}${path}`, stamp, ...(body ? [readBody] : []), wrap(handler));
  };

  declare(
    'post',
    '/Login',
    { summary: 'Log a member in; returns the user and a login token', body: LoginBody, response: LoginAnswer },
    async (req, res) => {
      const body = jsonBody(req);
      const tenant = text(body.tenant);
      const userName = text(body.userName);
      const eMail = text(body.eMail);
      const password = typeof body.password === 'string' ? body.password : '';
      if (!tenant) throw new V2Error(RESULT.missingTenant, 'tenant is missing');
      if (!userName && !eMail) throw new V2Error(RESULT.missingUser, 'userName or eMail is missing');
      if (!password) throw new V2Error(RESULT.missingPassword, 'password is missing');
      let siteId: string;
      try {
        siteId = (await clients.catalog.call('GetSystem', { slug: tenant })).system?.id ?? '';
      } catch (error) {
        // A tenant PostgreSQL cannot even hold (a NUL byte) is not found either.
        if (error instanceof DomainError && (error.reason === 'ResourceNotFound' || error.reason === 'ValidationError'))
          throw new V2Error(RESULT.tenantNotFound, 'tenant not found');
        throw error;
      }
      const login = userName || eMail;
      if ((await tokens.recentFailures(siteId, login)) >= MAX_FAILURES)
        throw new V2Error(RESULT.tooManyLogins, 'too many failed logins, try again later');
      const found = await tokens.findMember(siteId, userName ? 'username' : 'email', login);
      if (!found?.passwordHash || !(await verifySecret(password, found.passwordHash))) {
        await tokens.recordFailure(siteId, login);
        throw new V2Error(RESULT.badLogin, 'user name/e-mail or password invalid');
      }
      const token = await tokens.issue(siteId, found.userId);
      send(req, res, { user: userObject(found, tenant), token });
    },
    true,
  );

  declare('post', '/Logout/:strToken', { summary: 'End a login token', response: ok() }, async (req, res) => {
    await member(req);
    await tokens.revoke(String(req.params.strToken ?? ''));
    send(req, res);
  });

  declare(
    'get',
    '/User/:strToken',
    { summary: 'The member behind a login token', response: UserAnswer },
    async (req, res) => {
      const m = await member(req);
      send(req, res, { user: userObject(m, await siteSlug(m.siteId)) });
    },
  );

  declare(
    'post',
    '/Outcome/:strToken/:outcomeCode',
    {
      summary: 'Record an outcome of the member; answered after Kafka acknowledged it',
      headers: IdempotencyHeader,
      response: OutcomeAnswer,
    },
    async (req, res) => {
      const m = await member(req);
      const code = String(req.params.outcomeCode ?? '');
      if (!code.trim() || code.length > OUTCOME_CODE_MAX)
        throw new V2Error(RESULT.badOutcomeCode, `outcomeCode must be 1 to ${OUTCOME_CODE_MAX} characters`);
      const actionName = await actionNamed(m.siteId, code);
      // Names are unique ignoring case, but an outcome code names its action exactly (§4.4).
      if (actionName !== code) throw new V2Error(RESULT.unknownOutcome, `no action "${code}" in this site`);
      const header = req.headers['idempotency-key'];
      const key = typeof header === 'string' ? header : undefined;
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
        throw new V2Error(RESULT.badBody, 'Idempotency-Key must be 1 to 128 visible ASCII characters');
      const eventId = key !== undefined ? outcomeEventId(m.siteId, m.userId, code, key) : randomUUID();
      const encoded = encodeEvent('OutcomeRecorded', {
        eventId,
        occurredAt: new Date().toISOString(),
        siteId: m.siteId,
        memberId: m.userId,
        action: code,
        quantity: '1',
        refId: eventId,
      });
      await withTimeout(
        publisher.publish({ key: m.userId, value: encoded.value, headers: encoded.headers }),
        PUBLISH_TIMEOUT_MS,
      );
      await tokens.recordOutcome(eventId, m.siteId, m.userId, code);
      send(req, res, { refId: eventId });
    },
  );

  declare(
    'post',
    '/BadgeAssignment',
    {
      summary:
        'An external issuer awards the badge an outcome earned (a consumer with badge-assignment; -2001 otherwise)',
      body: AssignmentBody,
      response: ok(),
      authenticated: true,
      security: ['importBasic', 'importToken', 'importBearer'],
    },
    async (req, res) => {
      const consumer = await assignmentConsumer(req);
      const body = jsonBody(req);
      const refId = text(body.refId);
      const outcome = text(body.outcome);
      const badgeUrl = text(body.badgeUrl);
      if (!refId) throw new V2Error(RESULT.missingRefId, 'refId is missing');
      if (!outcome) throw new V2Error(RESULT.missingOutcome, 'outcome is missing');
      if (!badgeUrl) throw new V2Error(RESULT.missingBadgeUrl, 'badgeUrl is missing');
      if (!isHttpUrl(badgeUrl)) throw new V2Error(RESULT.badBadgeUrl, 'badgeUrl is not an absolute http(s) URL');
      const recorded = /^[0-9a-f-]{36}$/i.test(refId) ? await tokens.findOutcome(refId, consumer) : undefined;
      if (!recorded || recorded.outcomeCode !== outcome)
        throw new V2Error(RESULT.outcomeNotFound, 'outcome refId not found');
      let badge: catalogV1.Badge__Output | undefined;
      try {
        badge = (await clients.catalog.call('ResolveBadgeUrl', { url: badgeUrl, siteId: consumer })).badge ?? undefined;
      } catch (error) {
        if (!(
          error instanceof DomainError &&
          (error.reason === 'ResourceNotFound' || error.reason === 'ValidationError')
        ))
          throw error;
      }
      if (!badge) throw new V2Error(RESULT.badBadgeUrl, 'badgeUrl is not a badge of this site');
      if (!badge.published || badge.archived)
        throw new V2Error(RESULT.badgeNotPublished, 'badge is not published and cannot be awarded');
      try {
        await clients.issuance.call('Award', {
          siteId: consumer,
          badgeId: badge.id,
          userId: recorded.userId,
          channel: 'AWARD_CHANNEL_ASSIGNMENT',
          idempotencyKey: `assignment:${refId}`,
        });
      } catch (error) {
        if (error instanceof DomainError && error.reason === 'ResourceConflict')
          throw new V2Error(RESULT.refIdAssigned, 'refId was already assigned a different badge');
        throw error;
      }
      send(req, res);
    },
    true,
  );

  declare(
    'get',
    '/Badges/:strToken',
    { summary: "The member's earned badges, newest first", response: BadgesAnswer },
    async (req, res) => {
      const m = await member(req);
      send(req, res, { badges: await earnedBadges(m, publicOrigin(req, options.config.PUBLIC_BASE_URL)) });
    },
  );

  declare(
    'get',
    '/Badge/:strToken/:strBadgeID',
    { summary: 'One earned badge of the member (-2051 when not found)', response: BadgeAnswer },
    async (req, res) => {
      const m = await member(req);
      const wanted = String(req.params.strBadgeID ?? '');
      const badge = (await earnedBadges(m, publicOrigin(req, options.config.PUBLIC_BASE_URL))).find(
        (b) => b.badgeID === wanted,
      );
      if (!badge) throw new V2Error(RESULT.badgeNotFound, 'badge not found');
      send(req, res, { badge });
    },
  );

  /**
   * The site of the API consumer named by Basic credentials or by its Bearer
   * token (from POST /v3/oauth/token/generate), which must hold
   * badge-assignment; -2001 otherwise, checked before the body (v2-badge-api.md).
   */
  const assignmentConsumer = async (req: Request): Promise<string> => {
    const outcome = await credentials.authenticate(req.headers, 'badge-assignment');
    if (!outcome.ok) throw new V2Error(RESULT.badCredentials, 'missing or wrong credentials');
    return outcome.consumer.siteId;
  };

  router.all(`${V2_BASE}/*rest`, stamp, (req, res) => send(req, res, {}, RESULT.notFound, 'route not found', 404));
  router.use(V2_BASE, v2Errors(options.logger));
  return router;
}
