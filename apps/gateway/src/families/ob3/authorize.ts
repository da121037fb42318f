/**
 * The authorization endpoint of the OB 3.0 API: the learner logs in as a
 * member of a site and consents. GET checks the request (client, redirect
 * URI, response type, PKCE S256, scope) and shows a plain form; POST checks
 * the member's password the way the v2 Login does and hands the request to
 * @node-oauth/oauth2-server, which issues the code and redirects.
 *
 * Which site: `site` (a site slug) in the authorization request's query,
 * or typed into the form when the client did not send one. The form is
 * self-contained (no external assets; a CSP forbids any) and needs no
 * cookie: the authorization request travels in a signed, expiring hidden
 * field, so a forged or altered form is refused.
 */
import type { Request, Response } from 'express';
import OAuth2Server, { OAuthError } from '@node-oauth/oauth2-server';
import { DomainError } from '@laurel/service-kit';
import type { ServiceClients } from '../../clients.js';
import { type FormState, PKCE_TEXT, parseScopes, SCOPE_DESCRIPTIONS } from '../../domain/ob3-oauth.js';
import { verifySecret } from '../../domain/secrets.js';
import { callOptions } from '../../http/request-context.js';
import type { Ob3Store } from '../../store/ob3.js';
import { MAX_FAILURES, type LoginMember, type TokenStore } from '../../store/tokens.js';
import { Ob3Error } from './errors.js';
import { libraryRequest, type Ob3User } from './oauth-model.js';

/** The authorization request's parameters that the form carries back. */
const PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'site',
] as const;
const CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface AuthorizeDeps {
  server: OAuth2Server;
  store: Ob3Store;
  tokens: TokenStore;
  clients: ServiceClients;
  formState: FormState;
}

function paramsOf(source: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of PARAMS) {
    const value = source[name];
    if (typeof value === 'string') params[name] = value;
    else if (value !== undefined)
      throw new Ob3Error(400, 'invalid_query_parameter', `${name} must be given once`, 'invalid_request');
  }
  return params;
}

function redirectWith(res: Response, redirectUri: string, params: Record<string, string>): void {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  res.redirect(302, url.toString());
}

/**
 * Checks what can be checked before the learner is asked. Until the client
 * and its redirect URI are known good, a problem is answered here (never
 * redirected to an unchecked URI); after that, at the client per RFC 6749 §4.1.2.1.
 */
async function checkRequest(
  deps: AuthorizeDeps,
  params: Record<string, string>,
  res: Response,
): Promise<{ clientName: string; scopes: string[] } | undefined> {
  const client = params.client_id ? await deps.store.findClient(params.client_id) : undefined;
  if (!client)
    throw new Ob3Error(
      400,
      'invalid_query_parameter',
      'client_id is missing or not a registered client',
      'invalid_request',
    );
  // Required (OB 3.0 §6.2), and so always part of the code, which the token request must then repeat (RFC 6749 §4.1.3).
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !client.redirectUris.includes(redirectUri))
    throw new Ob3Error(
      400,
      'invalid_query_parameter',
      'redirect_uri is missing or not registered for this client',
      'invalid_request',
    );
  const fail = (error: string, description: string) => {
    redirectWith(res, redirectUri, {
      error,
      error_description: description,
      ...(params.state !== undefined && { state: params.state }),
    });
    return undefined;
  };
  if (params.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!params.code_challenge || !PKCE_TEXT.test(params.code_challenge))
    return fail('invalid_request', 'PKCE is required: code_challenge (43 to 128 characters) is missing or malformed');
  if (params.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  const registered = client.scope.split(' ');
  const scopes = params.scope === undefined ? registered : parseScopes(params.scope);
  if (!scopes || scopes.length === 0 || !scopes.every((s) => registered.includes(s)))
    return fail('invalid_scope', 'scope must be Open Badges 3.0 scopes the client registered for');
  const name = client.metadata.client_name;
  return { clientName: typeof name === 'string' ? name : 'An application', scopes };
}

function page(
  res: Response,
  status: number,
  body: { clientName: string; scopes: string[]; sealed: string; site: string; message?: string },
): void {
  const scopes = body.scopes.map((s) => `<li>${escapeHtml(SCOPE_DESCRIPTIONS[s] ?? s)}</li>`).join('');
  res
    .status(status)
    .set({
      'Content-Security-Policy': CSP,
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    })
    .type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in to share your badges</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem;box-sizing:border-box}button{margin:1rem .5rem 0 0;padding:.5rem 1rem}.error{color:#a00}</style></head>
<body><main><h1>Sign in</h1>
<p><strong>${escapeHtml(body.clientName)}</strong> asks for:</p><ul>${scopes}</ul>
${body.message ? `<p class="error" role="alert">${escapeHtml(body.message)}</p>` : ''}
<form method="post" action="authorize">
<input type="hidden" name="request" value="${escapeHtml(body.sealed)}">
<label for="site">Site</label><input id="site" name="site" required value="${escapeHtml(body.site)}">
<label for="username">User name or e-mail</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form></main></body></html>`);
}

export function showAuthorize(deps: AuthorizeDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const params = paramsOf(req.query);
    const checked = await checkRequest(deps, params, res);
    if (!checked) return;
    page(res, 200, { ...checked, sealed: deps.formState.seal(params), site: params.site ?? '' });
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

async function siteIdOf(deps: AuthorizeDeps, req: Request, slug: string): Promise<string | undefined> {
  if (!slug) return undefined;
  try {
    return (await deps.clients.catalog.call('GetSystem', { slug }, callOptions(req))).system?.id || undefined;
  } catch (error) {
    if (error instanceof DomainError && (error.reason === 'ResourceNotFound' || error.reason === 'ValidationError'))
      return undefined;
    throw error;
  }
}

/** The member, or why not: the same checks and failure throttle as the v2 Login. */
async function logIn(
  deps: AuthorizeDeps,
  req: Request,
  siteId: string,
  login: string,
  password: string,
): Promise<LoginMember | string> {
  if ((await deps.tokens.recentFailures(siteId, login)) >= MAX_FAILURES)
    return 'Too many failed sign-ins; try again later.';
  const found =
    (await deps.tokens.findMember(siteId, 'username', login)) ??
    (login.includes('@') ? await deps.tokens.findMember(siteId, 'email', login) : undefined);
  if (!found?.passwordHash || !(await verifySecret(password, found.passwordHash))) {
    await deps.tokens.recordFailure(siteId, login);
    return 'The user name or password is not right.';
  }
  return found;
}

export function submitAuthorize(deps: AuthorizeDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const params = deps.formState.open(text(body.request));
    if (!params)
      throw new Ob3Error(
        400,
        'invalid_data',
        'the sign-in form is not valid or has expired; start again from the application',
        'invalid_request',
      );
    const checked = await checkRequest(deps, params, res);
    if (!checked) return;
    const redirectUri = params.redirect_uri ?? '';
    const state: Record<string, string> = params.state !== undefined ? { state: params.state } : {};
    if (body.decision === 'deny') {
      redirectWith(res, redirectUri, { error: 'access_denied', error_description: 'the member declined', ...state });
      return;
    }
    const slug = text(body.site);
    const again = (message: string) =>
      page(res, 401, { ...checked, sealed: deps.formState.seal(params), site: slug, message });
    const siteId = await siteIdOf(deps, req, slug);
    if (!siteId) return again('There is no such site.');
    const login = text(body.username);
    const password = typeof body.password === 'string' ? body.password : '';
    if (!login || !password) return again('Enter your user name and password.');
    const member = await logIn(deps, req, siteId, login, password);
    if (typeof member === 'string') return again(member);
    const user: Ob3User = { siteId: member.siteId, userId: member.userId };
    const request = libraryRequest(req, params);
    const response = new OAuth2Server.Response();
    try {
      await deps.server.authorize(request, response, { authenticateHandler: { handle: () => user } });
    } catch (error) {
      // Past the client check the library redirects its error to the client; before it, the family answers.
      if (!(error instanceof OAuthError) || !response.headers?.location) throw error;
    }
    res.set('Cache-Control', 'no-store').redirect(302, String(response.headers?.location));
  };
}
