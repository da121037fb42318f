/**
 * What every route of a family shares in the document: its tag text, how its
 * authenticated routes authenticate, its error format, and the resources its
 * `returns` keys name. Each family's own schemas live next to its router.
 */
import type { ZodType } from 'zod';
import { ADMIN_RESOURCES } from '../families/admin/schemas.js';
import { BADGEKIT_RESOURCES, BadgeKitErrorSchema } from '../badgekit-format/schemas.js';
import { ImportErrorSchema } from '../families/customer-import/schemas.js';
import { KickAppsErrorSchema } from '../families/kickapps/schemas.js';
import { Ob3StatusInfoSchema } from '../families/ob3/schemas.js';
import { V2ErrorSchema } from '../families/v2/schemas.js';
import { SCOPE_DESCRIPTIONS } from '../domain/ob3-oauth.js';
import type { Family, SecurityScheme } from './registry.js';

export interface FamilyInfo {
  description: string;
  /** The alternatives an authenticated route accepts, unless the route names its own. */
  security: readonly SecurityScheme[];
  error: ZodType;
  /** What each error status means in this family. */
  errors: Record<number, string>;
}

const BADGEKIT_ERRORS: Record<number, string> = {
  400: 'ValidationError (with `details`), InvalidParameter or InvalidContent',
  403: 'NotAuthorized: the JWT is missing, malformed, expired, for another request, or not valid for this system',
  404: 'ResourceNotFound: the first missing level of the path',
  405: 'MethodNotAllowedError',
  409: 'ResourceConflict (with `details`)',
  410: 'Gone: the award was revoked',
  415: 'UnsupportedMediaTypeError',
};

export const FAMILIES: Record<Family, FamilyInfo> = {
  badgekit: {
    description:
      'The BadgeKit API (badgekit-api.md): systems, issuers, programs, badges, claim codes, instances, applications, milestones. Requests carry `Authorization: JWT token="…"`.',
    security: ['badgekitJwt'],
    error: BadgeKitErrorSchema,
    errors: BADGEKIT_ERRORS,
  },
  public: {
    description:
      'Public documents without authorization: badge lists, badge classes, issuer organizations, assertions, images.',
    security: [],
    error: BadgeKitErrorSchema,
    errors: BADGEKIT_ERRORS,
  },
  admin: {
    description:
      "Laurel's admin API (admin-api.md): API consumers, members, webhook settings and deliveries. BadgeKit's JWT, by the master key or a consumer with the `admin` permission.",
    security: ['badgekitJwt'],
    error: BadgeKitErrorSchema,
    errors: { ...BADGEKIT_ERRORS, 403: 'NotAuthorized, or a consumer granting permissions it does not hold' },
  },
  kickapps: {
    description:
      'The KickApps badge API (kickapps-requirements.md) under /rest/…/{as} (the site id). Handled requests answer HTTP 200 with `status` 1 or -1 and an `errorId`; `callback` turns the answer into JSONP.',
    security: ['kickappsToken'],
    error: KickAppsErrorSchema,
    errors: { 404: 'Unknown call (errorId 100)', 503: 'A service is unavailable (errorId 150); nothing was changed' },
  },
  v2: {
    description:
      'The v2 outcome and badge API (v2-badge-api.md) under /api/v2. Member routes carry a login token (from Login, or KickApps Create Token) in the path; a handled failure is HTTP 200 with a non-zero resultCode.',
    security: ['importBasic', 'importToken', 'importBearer'],
    error: V2ErrorSchema,
    errors: { 404: 'Unknown route (resultCode 404)', 503: 'A service or Kafka is unavailable (resultCode 503); retry' },
  },
  'customer-import': {
    description:
      'The customer badge import (customer-badge-import.md): bulk earned badges with per-element results, and the OAuth token route.',
    security: ['importBasic', 'importToken', 'importBearer'],
    error: ImportErrorSchema,
    errors: {
      400: 'The request is not a JSON array of 1–1000 elements',
      401: 'Missing or wrong credentials',
      403: 'The consumer lacks the permission',
      409: 'The Idempotency-Key was used for another body',
      413: 'The body is too large',
      415: 'Not application/json',
      503: 'A service is unavailable; nothing was imported',
    },
  },
  ob3: {
    description:
      "The Open Badges 3.0 REST API (1EdTech OB 3.0 §6) under /ims/ob/v3p0: service description, OAuth 2.0 (RFC 7591 registration, authorization code with PKCE S256, refresh tokens), the learner's credentials and profile. Errors are imsx_StatusInfo.",
    security: ['ob3OAuth2'],
    error: Ob3StatusInfoSchema,
    errors: {
      304: 'The same credential was already kept',
      400: 'A malformed request or parameter (imsx_codeMinor invalid_data / invalid_query_parameter; OAuth endpoints also name the RFC 6749 error)',
      401: 'No, an unknown, expired or revoked access token (WWW-Authenticate: Bearer); on the token endpoint, a client that did not authenticate',
      403: "The access token lacks the route's scope (insufficient_scope)",
      404: 'No such route',
      413: 'The body is too large',
      415: 'A body type the route does not read',
      503: 'A service is unavailable; retry',
    },
  },
};

/** The resource under each `returns` key (BadgeKit, admin and the public badge list). */
export const RESOURCES: Record<string, ZodType> = { ...BADGEKIT_RESOURCES, ...ADMIN_RESOURCES };

type SecuritySchemeObject =
  | { type: 'apiKey'; in: 'header' | 'query'; name: string; description: string }
  | { type: 'http'; scheme: 'basic' | 'bearer'; description: string }
  | {
      type: 'oauth2';
      description: string;
      flows: {
        authorizationCode: {
          authorizationUrl: string;
          tokenUrl: string;
          refreshUrl: string;
          scopes: Record<string, string>;
        };
      };
    };

export const SECURITY_SCHEMES: Record<SecurityScheme, SecuritySchemeObject> = {
  badgekitJwt: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description:
      'BadgeKit JWT: `JWT token="<HS256 JWS>"` signed with the key\'s secret, with claims key, method, path (with query) and, for bodies, body {alg, hash}.',
  },
  importBasic: {
    type: 'http',
    scheme: 'basic',
    description: 'An API consumer: its key as the user name, its secret (or the md5 hex of it) as the password.',
  },
  importToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CAP-API-OAUTH-TOKEN',
    description: 'A token from POST /v3/oauth/token/generate; also accepted as CAP-API-ACCESS-TOKEN.',
  },
  importBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from POST /v3/oauth/token/generate as `Authorization: Bearer`.',
  },
  kickappsToken: {
    type: 'apiKey',
    in: 'query',
    name: 't',
    description:
      'A login token from Create Token (or v2 Login); also accepted as a body parameter. Error 44 when missing, 1 when invalid, 18 without the editor or webmaster role.',
  },
  kickappsDeveloperKey: {
    type: 'apiKey',
    in: 'query',
    name: 'developerKey',
    description:
      'The secret of a consumer with the kickapps-developer permission; also accepted as a body parameter (error 101).',
  },
  ob3OAuth2: {
    type: 'oauth2',
    description:
      'Open Badges 3.0: OAuth 2.0 authorization code grant with PKCE (S256); clients register at /ims/ob/v3p0/oauth/register (RFC 7591). Relative URLs: on this server.',
    flows: {
      authorizationCode: {
        authorizationUrl: '/ims/ob/v3p0/oauth/authorize',
        tokenUrl: '/ims/ob/v3p0/oauth/token',
        refreshUrl: '/ims/ob/v3p0/oauth/token',
        scopes: SCOPE_DESCRIPTIONS,
      },
    },
  },
};
