/**
 * The OB 3.0 API's protected resources, for the member an access token was
 * granted by: their credentials (those the site issued them, found the way
 * every family finds a member's awards: by site, user id and e-mail; and
 * those pushed to them by upsert), and their profile.
 *
 * Upsert keeps the credential as given, for this member, keyed by its `id`
 * (the JWS's `jti`/`vc.id`, or the text's SHA-256 when it has no id): 201
 * when new, 200 when it replaced a different one, 304 when the same text
 * was already there. It is not verified here: a host keeps what the
 * learner's wallet sends, and verifiers check it when it is presented.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ServiceClients } from '../../clients.js';
import { linkHeader, pageOffsets } from '../../domain/ob3-oauth.js';
import { callOptions } from '../../http/request-context.js';
import { publicOrigin } from '../../http/public-origin.js';
import { parseJsonText } from '../../http/text-guard.js';
import { EdgeProblem } from '../../http/edge-problem.js';
import type { Ob3Store } from '../../store/ob3.js';
import type { LoginMember, TokenStore } from '../../store/tokens.js';
import { Ob3Error } from './errors.js';
import type { Ob3User } from './oauth-model.js';

export const MAX_LIMIT = 100;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

export interface ResourceDeps {
  clients: ServiceClients;
  store: Ob3Store;
  tokens: TokenStore;
  publicBaseUrl: string | undefined;
}

/** The token's member, as they are now; a member deleted since has no resources. */
export async function memberOf(deps: ResourceDeps, user: Ob3User): Promise<LoginMember> {
  const member = await deps.tokens.findMemberById(user.siteId, user.userId);
  if (!member)
    throw new Ob3Error(401, 'unauthorizedrequest', "the access token's member no longer exists", undefined, {
      'WWW-Authenticate': 'Bearer realm="ob3", error="invalid_token"',
    });
  return member;
}

function integer(req: Request, name: string, fallback: number, min: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Ob3Error(400, 'invalid_query_parameter', `${name} must be an integer from ${min} to ${max}`);
  }
  return Number(raw);
}

function sinceOf(req: Request): number | undefined {
  const raw = req.query.since;
  if (raw === undefined) return undefined;
  const time = typeof raw === 'string' && DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(time))
    throw new Ob3Error(
      400,
      'invalid_query_parameter',
      'since must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z',
    );
  return time;
}

interface Listed {
  at: number;
  load: () => Promise<string>;
}

export function getCredentials(deps: ResourceDeps) {
  return async (req: Request, res: Response, user: Ob3User): Promise<void> => {
    const limit = integer(req, 'limit', MAX_LIMIT, 1, MAX_LIMIT);
    const offset = integer(req, 'offset', 0, 0, 1_000_000_000);
    const since = sinceOf(req);
    const member = await memberOf(deps, user);
    const origin = publicOrigin(req, deps.publicBaseUrl);
    // Expired awards too: the credential carries its validUntil, and a wallet keeps it as the learner's record.
    const { earnedBadges } = await deps.clients.issuance.call(
      'ListRecipientBadges',
      {
        siteId: member.siteId,
        userId: member.userId,
        email: member.email,
        includeExpired: true,
        order: 'EARNED_BADGE_ORDER_NEWEST_FIRST',
      },
      callOptions(req),
    );
    const listed: Listed[] = earnedBadges.map((earned) => ({
      at: Date.parse(earned.issuedOn),
      load: async () =>
        (await deps.clients.issuance.call('GetCredential', { uid: earned.uid, publicOrigin: origin }, callOptions(req)))
          .credential,
    }));
    for (const external of await deps.store.externalCredentials(member.siteId, member.userId)) {
      listed.push({ at: external.createdAt.getTime(), load: () => Promise.resolve(external.credential) });
    }
    const matching = listed.filter((c) => since === undefined || c.at > since).sort((a, b) => b.at - a.at);
    const texts = await Promise.all(matching.slice(offset, offset + limit).map((c) => c.load()));
    const jws = texts.filter((t) => COMPACT_JWS.test(t));
    const credential = texts.filter((t) => !COMPACT_JWS.test(t)).map((t) => JSON.parse(t) as unknown);
    const url = new URL(req.originalUrl, origin);
    res
      .set({
        'X-Total-Count': String(matching.length),
        Link: linkHeader(url, limit, pageOffsets(matching.length, limit, offset)),
        'Cache-Control': 'no-store',
      })
      .json({ credential, ...(jws.length > 0 && { compactJwsString: jws }) });
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const types = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function bodyText(req: Request): string {
  return Buffer.isBuffer(req.body) ? req.body.toString('utf8').trim() : '';
}

/** The credential's text as kept and its key (see the module comment). */
function upsertable(req: Request): { text: string; key: string; json: boolean } {
  const raw = bodyText(req);
  const hash = createHash('sha256').update(raw, 'utf8').digest('hex');
  if (req.is('text/plain')) {
    if (!COMPACT_JWS.test(raw)) throw new Ob3Error(400, 'invalid_data', 'a text/plain body must be a compact JWS');
    let claims: Record<string, unknown>;
    try {
      // Only the payload's id is read (the key it is kept under): decoding, not verifying, which needs no JOSE library.
      const payload: unknown = JSON.parse(Buffer.from(raw.split('.')[1] ?? '', 'base64url').toString('utf8'));
      if (!isObject(payload)) throw new Error('not an object');
      claims = payload;
    } catch {
      throw new Ob3Error(400, 'invalid_data', 'the compact JWS does not carry a JSON payload');
    }
    const vc = isObject(claims.vc) ? claims.vc : claims;
    const id = typeof claims.jti === 'string' ? claims.jti : typeof vc.id === 'string' ? vc.id : `sha256:${hash}`;
    return { text: raw, key: id, json: false };
  }
  if (!req.is('application/json') && !req.is('application/*+json'))
    throw new Ob3Error(
      415,
      'not_acceptable',
      'send the credential as application/json, or a compact JWS as text/plain',
    );
  let parsed: unknown;
  try {
    parsed = parseJsonText(raw);
  } catch (error) {
    if (error instanceof EdgeProblem) throw error;
    throw new Ob3Error(400, 'invalid_data', 'the body is not JSON');
  }
  if (!isObject(parsed))
    throw new Ob3Error(400, 'invalid_data', 'the body must be a JSON object: an AchievementCredential');
  const kinds = types(parsed.type);
  if (
    !kinds.includes('VerifiableCredential') ||
    !(kinds.includes('OpenBadgeCredential') || kinds.includes('AchievementCredential'))
  ) {
    throw new Ob3Error(
      400,
      'invalid_data',
      'type must include VerifiableCredential and OpenBadgeCredential (or AchievementCredential)',
    );
  }
  if (!isObject(parsed.credentialSubject) || parsed.issuer === undefined)
    throw new Ob3Error(400, 'invalid_data', 'an AchievementCredential has an issuer and a credentialSubject');
  return {
    text: JSON.stringify(parsed),
    key: typeof parsed.id === 'string' ? parsed.id : `sha256:${hash}`,
    json: true,
  };
}

export function upsertCredential(deps: ResourceDeps) {
  return async (req: Request, res: Response, user: Ob3User): Promise<void> => {
    const { text, key, json } = upsertable(req);
    const member = await memberOf(deps, user);
    const outcome = await deps.store.upsertCredential(member.siteId, member.userId, key.slice(0, 2048), text);
    if (outcome === 'unchanged') {
      res.status(304).end();
      return;
    }
    res
      .status(outcome === 'created' ? 201 : 200)
      .type(json ? 'application/json' : 'text/plain')
      .send(text);
  };
}

/** A member's profile id: a URN, since members have no public page to name them by. */
const profileId = (m: LoginMember): string => `urn:laurel:site:${m.siteId}:member:${m.userId}`;

async function profileOf(deps: ResourceDeps, member: LoginMember): Promise<Record<string, unknown>> {
  const stored = (await deps.store.profile(member.siteId, member.userId)) ?? {};
  // The membership decides who this is: id and e-mail are the site's, whatever was put.
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    name: member.username,
    ...stored,
    id: profileId(member),
    type: ['Profile'],
    email: member.email,
  };
}

export function getProfile(deps: ResourceDeps) {
  return async (_req: Request, res: Response, user: Ob3User): Promise<void> => {
    res.set('Cache-Control', 'no-store').json(await profileOf(deps, await memberOf(deps, user)));
  };
}

/** PUT keeps the profile's descriptive fields; `id`, `type` and `email` stay the membership's. */
const KEPT = [
  'name',
  'description',
  'url',
  'phone',
  'image',
  'givenName',
  'familyName',
  'additionalName',
  'address',
  'otherIdentifier',
  'official',
] as const;

export function putProfile(deps: ResourceDeps) {
  return async (req: Request, res: Response, user: Ob3User): Promise<void> => {
    if (!req.is('application/json') && !req.is('application/*+json'))
      throw new Ob3Error(415, 'not_acceptable', 'send the Profile as application/json');
    let parsed: unknown;
    try {
      parsed = parseJsonText(bodyText(req));
    } catch (error) {
      if (error instanceof EdgeProblem) throw error;
      throw new Ob3Error(400, 'invalid_data', 'the body is not JSON');
    }
    if (!isObject(parsed) || !types(parsed.type).includes('Profile'))
      throw new Ob3Error(400, 'invalid_data', 'the body must be a Profile (type includes Profile)');
    if (parsed.name !== undefined && (typeof parsed.name !== 'string' || parsed.name.length > 255))
      throw new Ob3Error(400, 'invalid_data', 'name must be a string of at most 255 characters');
    const member = await memberOf(deps, user);
    const kept = Object.fromEntries(KEPT.filter((k) => parsed[k] !== undefined).map((k) => [k, parsed[k]]));
    await deps.store.saveProfile(member.siteId, member.userId, kept);
    res.set('Cache-Control', 'no-store').json(await profileOf(deps, member));
  };
}
