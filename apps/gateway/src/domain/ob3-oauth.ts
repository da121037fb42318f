/**
 * Pure rules of the Open Badges 3.0 API's OAuth 2.0 (open-badges-3.md §4):
 * its scopes, how secrets are hashed, PKCE S256, which redirect URIs a
 * client may register, the signed state the log-in form carries, and the
 * paging links of GET /credentials.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const OB3_BASE = '/ims/ob/v3p0';
const SCOPE_PREFIX = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';
export const SCOPES = {
  credentialRead: `${SCOPE_PREFIX}credential.readonly`,
  credentialUpsert: `${SCOPE_PREFIX}credential.upsert`,
  profileRead: `${SCOPE_PREFIX}profile.readonly`,
  profileUpdate: `${SCOPE_PREFIX}profile.update`,
} as const;
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  [SCOPES.credentialRead]: 'Permission to read AchievementCredentials for the authenticated entity.',
  [SCOPES.credentialUpsert]: 'Permission to create or update AchievementCredentials for the authenticated entity.',
  [SCOPES.profileRead]: 'Permission to read the profile for the authenticated entity.',
  [SCOPES.profileUpdate]: 'Permission to update the profile for the authenticated entity.',
};
export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);

/** Space-separated scope text as a list; undefined when any is not an OB 3.0 scope. */
export function parseScopes(text: string): string[] | undefined {
  const scopes = [...new Set(text.split(' ').filter(Boolean))];
  return scopes.every((s) => ALL_SCOPES.includes(s)) ? scopes : undefined;
}

/** Client secrets, codes and tokens are 32 random bytes: a plain SHA-256 is enough to make the stored value useless. */
export const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
export const randomToken = (): string => randomBytes(32).toString('base64url');

export const sameDigest = (value: string, expected: Buffer): boolean => {
  const actual = digest(value);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** RFC 7636 code_challenge / code_verifier: 43 to 128 unreserved characters. */
export const PKCE_TEXT = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * Redirect URIs a client may register (RFC 8252, OAuth 2.0 Security BCP):
 * https anywhere, http only on a loopback host (native apps, tests), no
 * fragment, no credentials in the URL. Custom schemes are refused: a wallet
 * of the web (the OB 3.0 host model) has an https callback.
 */
export function redirectUriProblem(uri: string): string | undefined {
  if (!URL.canParse(uri)) return 'is not an absolute URL';
  const url = new URL(uri);
  if (url.hash || uri.includes('#')) return 'must not have a fragment';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  return 'must be https (http only on localhost / 127.0.0.1 / [::1])';
}

/**
 * The authorization request the log-in form posts back, signed so that the
 * form cannot be changed or forged (client, redirect, scope, challenge) and
 * expires; the form needs no cookie or session. HMAC-SHA256 over the JSON.
 */
export class FormState {
  constructor(
    private readonly key: Buffer,
    private readonly ttlMs = 10 * 60 * 1000,
  ) {}

  seal(params: Record<string, string>, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ p: params, e: now + this.ttlMs }), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The params, or undefined when forged, changed or expired. */
  open(sealed: string, now = Date.now()): Record<string, string> | undefined {
    const [body, mac] = sealed.split('.');
    if (!body || !mac) return undefined;
    const expected = Buffer.from(this.mac(body), 'utf8');
    const given = Buffer.from(mac, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
        p: Record<string, string>;
        e: number;
      };
      return parsed.e > now ? parsed.p : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** The form's HMAC key, derived from the gateway's secret key so that it needs no setting of its own. */
export const formStateKey = (secretKey: string): Buffer =>
  createHmac('sha256', secretKey).update('laurel-ob3-authorize-form').digest();

export interface PageLinks {
  first: number;
  last: number;
  next?: number;
  prev?: number;
}

/** The offsets of the first, last, next and previous pages (RFC 8288 Link relations of GET /credentials). */
export function pageOffsets(total: number, limit: number, offset: number): PageLinks {
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  return {
    first: 0,
    last,
    ...(offset + limit < total && { next: offset + limit }),
    ...(offset > 0 && { prev: Math.max(0, Math.min(offset - limit, last)) }),
  };
}

export function linkHeader(url: URL, limit: number, offsets: PageLinks): string {
  return (Object.entries(offsets) as [string, number][])
    .map(([rel, offset]) => {
      const target = new URL(url);
      target.searchParams.set('limit', String(limit));
      target.searchParams.set('offset', String(offset));
      return `<${target.toString()}>; rel="${rel}"`;
    })
    .join(', ');
}
