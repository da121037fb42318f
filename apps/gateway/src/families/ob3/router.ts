/**
 * The Open Badges 3.0 REST API (1EdTech OB 3.0 §6, open-badges-3.md §4)
 * under /ims/ob/v3p0: the unprotected service description, OAuth 2.0
 * (RFC 7591 registration, authorization code with PKCE S256, token with
 * refresh), and the learner's credentials and profile behind bearer tokens
 * with the OB 3.0 scopes. Errors are imsx_StatusInfo (errors.ts).
 *
 * URLs: discovery /ims/ob/v3p0/discovery; registration, authorization and
 * token under /ims/ob/v3p0/oauth/ (register, authorize, token; the refresh
 * URL is the token URL). The site a learner signs in to is the `site` query
 * parameter of the authorization request (a site slug), or typed in the form.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import OAuth2Server from '@node-oauth/oauth2-server';
import type { ZodObject, ZodType } from 'zod';
import { formStateKey, FormState, OB3_BASE, SCOPE_DESCRIPTIONS, SCOPES } from '../../domain/ob3-oauth.js';
import { LIMITS } from '../../http/limits.js';
import { publicOrigin } from '../../http/public-origin.js';
import { Ob3Store } from '../../store/ob3.js';
import { TokenStore } from '../../store/tokens.js';
import type { FamilyOptions } from '../family.js';
import { showAuthorize, submitAuthorize } from './authorize.js';
import { Ob3Error, ob3Errors, sendOb3Error } from './errors.js';
import { libraryRequest, oauthModel, type Ob3User } from './oauth-model.js';
import { RegistrationAnswer, RegistrationBody, registerClient } from './register.js';
import { getCredentials, getProfile, putProfile, upsertCredential, type ResourceDeps } from './resources.js';
import {
  AuthorizeForm,
  AuthorizeQuery,
  CredentialsAnswer,
  CredentialsQuery,
  DiscoveryAnswer,
  ProfileSchema,
  TokenAnswer,
  TokenForm,
  UpsertBody,
} from './schemas.js';

export const OAUTH_PATHS = {
  register: `${OB3_BASE}/oauth/register`,
  authorize: `${OB3_BASE}/oauth/authorize`,
  token: `${OB3_BASE}/oauth/token`,
} as const;

/** Authorization codes live five minutes and are used once (RFC 6749 §4.1.2 recommends at most ten). */
const CODE_LIFETIME_SECONDS = 300;

interface Ob3Doc {
  summary: string;
  success: number;
  body?: ZodType;
  query?: ZodObject;
  response?: ZodType;
  contentTypes?: readonly string[];
  /** A page rather than JSON (the sign-in form). */
  binary?: readonly string[];
  errors?: number[];
  /** The OB 3.0 scope the route needs; unauthenticated when absent. */
  scope?: string;
}

const wrap =
  (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    handler(req, res).catch(next);
  };

function discovery(req: Request, res: Response, options: FamilyOptions): void {
  const origin = publicOrigin(req, options.config.PUBLIC_BASE_URL);
  res.set('Cache-Control', 'public, max-age=300').json({
    openapi: '3.0.1',
    info: {
      title: 'Laurel Open Badges 3.0 API',
      version: '3.0',
      description:
        'The Open Badges 3.0 REST API of this Laurel deployment. Learners sign in as members of a site; pass the site slug as `site` in the authorization request.',
      termsOfService: options.config.OB3_TERMS_OF_SERVICE_URL ?? `${origin}/`,
      'x-imssf-privacyPolicyUrl': options.config.OB3_PRIVACY_POLICY_URL ?? `${origin}/`,
    },
    servers: [{ url: `${origin}${OB3_BASE}`, description: 'Open Badges 3.0 resource server' }],
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          description:
            'OAuth 2.0 Authorization Code Grant with PKCE (S256); clients register by RFC 7591 at x-imssf-registrationUrl',
          'x-imssf-registrationUrl': `${origin}${OAUTH_PATHS.register}`,
          flows: {
            authorizationCode: {
              authorizationUrl: `${origin}${OAUTH_PATHS.authorize}`,
              tokenUrl: `${origin}${OAUTH_PATHS.token}`,
              refreshUrl: `${origin}${OAUTH_PATHS.token}`,
              scopes: SCOPE_DESCRIPTIONS,
            },
          },
        },
      },
      schemas: {},
    },
  });
}

export function ob3Router(options: FamilyOptions): Router {
  const { registry, config } = options;
  const router = express.Router({ caseSensitive: true });
  const store = new Ob3Store(options.db);
  const tokens = new TokenStore(options.db, config.LOGIN_TOKEN_TTL_SECONDS * 1000);
  const server = new OAuth2Server({
    model: oauthModel(store),
    accessTokenLifetime: config.OB3_ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenLifetime: config.OB3_REFRESH_TOKEN_TTL_SECONDS,
    authorizationCodeLifetime: CODE_LIFETIME_SECONDS,
    // The learner's client proves itself by PKCE too; a state is the client's own CSRF defence and optional in OB 3.0.
    allowEmptyState: true,
    // Every registered client gets a secret, so every grant authenticates the client.
    requireClientAuthentication: { authorization_code: true, refresh_token: true },
    alwaysIssueNewRefreshToken: true,
  });
  const resources: ResourceDeps = { clients: options.clients, store, tokens, publicBaseUrl: config.PUBLIC_BASE_URL };
  const limit = LIMITS.body.ob3;
  const form = express.urlencoded({ extended: false, limit, parameterLimit: 20 });
  const raw = express.raw({ type: () => true, limit });

  /** Bearer authentication with the route's scope; the library answers 401 (no or bad token) and 403 (scope). */
  const authorized =
    (scope: string, handler: (req: Request, res: Response, user: Ob3User) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const token = await server.authenticate(libraryRequest(req), new OAuth2Server.Response(), { scope: [scope] });
      await handler(req, res, { siteId: String(token.user.siteId), userId: String(token.user.userId) });
    };

  const declare = (method: 'get' | 'post' | 'put', path: string, doc: Ob3Doc, ...handlers: RequestHandler[]) => {
    registry.add({
      family: 'ob3',
      method: method.toUpperCase(),
      path: `${OB3_BASE}${path}`,
      authenticated: doc.scope !== undefined,
      summary: doc.summary,
      success: doc.success,
      errors: [...(doc.scope ? [401, 403] : []), ...(doc.errors ?? [])],
      ...(doc.body && { body: doc.body }),
      ...(doc.query && { query: doc.query }),
      ...(doc.response && { response: doc.response }),
      ...(doc.contentTypes && { contentTypes: doc.contentTypes }),
      ...(doc.binary && { binary: doc.binary }),
      ...(doc.scope && { scopes: [doc.scope] }),
    });
    router[method](`${OB3_BASE}${path}`, ...handlers);
  };

  declare(
    'get',
    '/discovery',
    {
      summary:
        'The OB 3.0 Service Description Document: OAuth 2.0 URLs (registration, authorization, token) and scopes',
      success: 200,
      response: DiscoveryAnswer,
    },
    (req, res) => discovery(req, res, options),
  );

  declare(
    'post',
    '/oauth/register',
    {
      summary:
        'Register an OAuth 2.0 client (RFC 7591, no initial access token); answers its client_id and client_secret once',
      success: 201,
      body: RegistrationBody,
      response: RegistrationAnswer,
      contentTypes: ['application/json'],
      errors: [400],
    },
    raw,
    wrap(registerClient(store)),
  );

  const authorizeDeps = {
    server,
    store,
    tokens,
    clients: options.clients,
    formState: new FormState(formStateKey(config.SECRET_ENCRYPTION_KEY)),
  };
  declare(
    'get',
    '/oauth/authorize',
    {
      summary:
        'Start an authorization (code grant, PKCE S256 required): a page where the learner signs in as a member of the site and consents',
      success: 200,
      query: AuthorizeQuery,
      binary: ['text/html'],
      errors: [400],
    },
    wrap(showAuthorize(authorizeDeps)),
  );
  declare(
    'post',
    '/oauth/authorize',
    {
      summary:
        'The sign-in form: redirects (302) to the client with a code, or with access_denied; a wrong password shows the form again (401)',
      success: 302,
      body: AuthorizeForm,
      contentTypes: ['application/x-www-form-urlencoded'],
      errors: [400, 401],
    },
    form,
    wrap(submitAuthorize(authorizeDeps)),
  );

  declare(
    'post',
    '/oauth/token',
    {
      summary:
        'Exchange an authorization code (with its code_verifier) or a refresh token for tokens; the client authenticates with HTTP Basic or client_secret_post',
      success: 200,
      body: TokenForm,
      response: TokenAnswer,
      contentTypes: ['application/x-www-form-urlencoded'],
      errors: [400, 401],
    },
    form,
    wrap(async (req, res) => {
      const response = new OAuth2Server.Response();
      await server.token(libraryRequest(req), response);
      res
        .status(200)
        .set(response.headers ?? {})
        .json(response.body);
    }),
  );

  declare(
    'get',
    '/credentials',
    {
      summary: "The learner's credentials, newest first, paged by limit and offset (X-Total-Count and Link headers)",
      success: 200,
      query: CredentialsQuery,
      response: CredentialsAnswer,
      scope: SCOPES.credentialRead,
      errors: [400],
    },
    wrap(authorized(SCOPES.credentialRead, getCredentials(resources))),
  );
  declare(
    'post',
    '/credentials',
    {
      summary:
        'Keep a credential for the learner (JSON, or a compact JWS as text/plain): 201 created, 200 replaced (same id), 304 unchanged',
      success: 201,
      body: UpsertBody,
      response: UpsertBody,
      contentTypes: ['application/json', 'text/plain'],
      scope: SCOPES.credentialUpsert,
      errors: [304, 400],
    },
    raw,
    wrap(authorized(SCOPES.credentialUpsert, upsertCredential(resources))),
  );
  declare(
    'get',
    '/profile',
    { summary: "The learner's profile", success: 200, response: ProfileSchema, scope: SCOPES.profileRead },
    wrap(authorized(SCOPES.profileRead, getProfile(resources))),
  );
  declare(
    'put',
    '/profile',
    {
      summary: "Replace the learner's profile (its descriptive fields; id and email stay the membership's)",
      success: 200,
      body: ProfileSchema,
      response: ProfileSchema,
      contentTypes: ['application/json'],
      scope: SCOPES.profileUpdate,
      errors: [400],
    },
    raw,
    wrap(authorized(SCOPES.profileUpdate, putProfile(resources))),
  );

  // Anything else under the base: the family's 404 / 405, not BadgeKit's.
  router.all(`${OB3_BASE}`, (_req, res) =>
    sendOb3Error(res, new Ob3Error(404, 'not_found', 'no such OB 3.0 API route')),
  );
  router.all(`${OB3_BASE}/*rest`, (_req, res) =>
    sendOb3Error(res, new Ob3Error(404, 'not_found', 'no such OB 3.0 API route')),
  );
  router.use(OB3_BASE, ob3Errors(options.logger));
  return router;
}
