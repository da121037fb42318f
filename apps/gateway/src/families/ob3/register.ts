/**
 * RFC 7591 Dynamic Client Registration for the OB 3.0 API (open, no
 * initial access token, as the spec asks). Written by hand because
 * @node-oauth/oauth2-server has no registration: it validates the metadata
 * OB 3.0 clients send, keeps the client, and answers its credentials once.
 */
import type { Request, Response } from 'express';
import { z } from '../../openapi/zod.js';
import { ALL_SCOPES, digest, parseScopes, randomToken, redirectUriProblem } from '../../domain/ob3-oauth.js';
import { EdgeProblem } from '../../http/edge-problem.js';
import { parseJsonText } from '../../http/text-guard.js';
import type { Ob3Store } from '../../store/ob3.js';
import { Ob3Error } from './errors.js';

const URL_TEXT = z.string().max(2048);
export const RegistrationBody = z
  .object({
    client_name: z.string().min(1).max(255).optional(),
    client_uri: URL_TEXT.optional(),
    logo_uri: URL_TEXT.optional(),
    tos_uri: URL_TEXT.optional(),
    policy_uri: URL_TEXT.optional(),
    software_id: z.string().max(255).optional(),
    software_version: z.string().max(255).optional(),
    redirect_uris: z.array(URL_TEXT).min(1).max(10),
    token_endpoint_auth_method: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
    grant_types: z.array(z.enum(['authorization_code', 'refresh_token'])).optional(),
    response_types: z.array(z.literal('code')).optional(),
    scope: z.string().max(2048).optional(),
    contacts: z.array(z.string().max(255)).max(10).optional(),
  })
  .openapi('Ob3ClientRegistration');

export const RegistrationAnswer = z
  .object({
    ...RegistrationBody.shape,
    client_id: z.string(),
    client_secret: z.string(),
    client_id_issued_at: z.number().int(),
    client_secret_expires_at: z.literal(0),
    scope: z.string(),
  })
  .openapi('Ob3RegisteredClient');

const invalid = (message: string, code = 'invalid_client_metadata') => new Ob3Error(400, 'invalid_data', message, code);

export function registerClient(store: Ob3Store) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!req.is('application/json'))
      throw new Ob3Error(
        415,
        'not_acceptable',
        'the registration request must be application/json',
        'invalid_client_metadata',
      );
    let body: unknown;
    try {
      body = parseJsonText(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    } catch (error) {
      if (error instanceof EdgeProblem) throw error;
      throw invalid('the body is not JSON');
    }
    const parsed = RegistrationBody.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      throw invalid(
        `${field || 'body'}: ${issue?.message ?? 'invalid'}`,
        field.startsWith('redirect_uris') ? 'invalid_redirect_uri' : 'invalid_client_metadata',
      );
    }
    const metadata = parsed.data;
    for (const uri of metadata.redirect_uris) {
      const problem = redirectUriProblem(uri);
      if (problem) throw invalid(`redirect_uris: ${uri} ${problem}`, 'invalid_redirect_uri');
    }
    for (const key of ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'] as const) {
      const value = metadata[key];
      if (value !== undefined && !/^https?:\/\//i.test(value)) throw invalid(`${key} must be an http(s) URL`);
    }
    const scopes = metadata.scope === undefined ? [...ALL_SCOPES] : parseScopes(metadata.scope);
    if (!scopes || scopes.length === 0)
      throw invalid('scope must be one or more Open Badges 3.0 scopes, space-separated', 'invalid_client_metadata');
    const clientId = randomToken();
    const clientSecret = randomToken();
    const answer = {
      ...metadata,
      grant_types: metadata.grant_types ?? ['authorization_code', 'refresh_token'],
      response_types: ['code' as const],
      token_endpoint_auth_method: metadata.token_endpoint_auth_method ?? 'client_secret_basic',
      scope: scopes.join(' '),
    };
    await store.createClient({
      clientId,
      secretHash: digest(clientSecret),
      redirectUris: metadata.redirect_uris,
      scope: answer.scope,
      metadata: answer,
    });
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json({
        ...answer,
        client_id: clientId,
        client_secret: clientSecret,
        client_id_issued_at: Math.floor(Date.now() / 1000),
        client_secret_expires_at: 0,
      });
  };
}
