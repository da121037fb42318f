/**
 * zod descriptions of the OB 3.0 API's bodies for /openapi.json. The
 * credentials themselves are the 1EdTech AchievementCredential (published
 * as JSON Schema, not restated here), so they are open objects.
 */
import { z } from '../../openapi/zod.js';

const CODE_MINOR = z.object({
  imsx_codeMinorField: z
    .array(z.object({ imsx_codeMinorFieldName: z.string(), imsx_codeMinorFieldValue: z.string() }))
    .min(1),
});

export const Ob3StatusInfoSchema = z
  .object({
    imsx_codeMajor: z.enum(['failure', 'processing', 'success', 'unsupported']),
    imsx_severity: z.enum(['error', 'status', 'warning']),
    imsx_description: z.string().optional(),
    imsx_codeMinor: CODE_MINOR.optional(),
    error: z
      .string()
      .optional()
      .openapi({ description: 'On the token and registration endpoints: the RFC 6749 / RFC 7591 error code' }),
    error_description: z.string().optional(),
  })
  .openapi('Ob3StatusInfo', { description: '1EdTech imsx_StatusInfo' });

const Credential = z
  .looseObject({ '@context': z.array(z.unknown()), type: z.array(z.string()) })
  .openapi('Ob3AchievementCredential', {
    description:
      'An AchievementCredential (OpenBadgeCredential); see https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  });

export const CredentialsAnswer = z
  .object({
    credential: z.array(Credential),
    compactJwsString: z.array(z.string()).optional(),
  })
  .openapi('Ob3GetCredentialsResponse');

export const CredentialsQuery = z.object({
  limit: z.string().optional().openapi({ description: 'Credentials per page, 1 to 100 (100 when not given)' }),
  offset: z.string().optional().openapi({ description: 'Index of the first credential (0 when not given)' }),
  since: z.string().optional().openapi({ description: 'Only credentials issued after this ISO 8601 date-time' }),
});

export const UpsertBody = Credential;
export const ProfileSchema = z
  .looseObject({ id: z.string(), type: z.array(z.string()), email: z.string().optional(), name: z.string().optional() })
  .openapi('Ob3Profile');
export const DiscoveryAnswer = z
  .looseObject({ openapi: z.string(), info: z.looseObject({}), components: z.looseObject({}) })
  .openapi('Ob3ServiceDescriptionDocument');

export const AuthorizeQuery = z.object({
  response_type: z.literal('code'),
  client_id: z.string(),
  redirect_uri: z.string(),
  scope: z.string().optional(),
  state: z.string().optional(),
  code_challenge: z.string(),
  code_challenge_method: z.literal('S256'),
  site: z
    .string()
    .optional()
    .openapi({ description: 'The slug of the site the learner is a member of; asked in the form when not given' }),
});

export const AuthorizeForm = z.object({
  request: z.string().openapi({ description: 'The signed authorization request from the form' }),
  site: z.string(),
  username: z.string(),
  password: z.string(),
  decision: z.enum(['allow', 'deny']),
});

export const TokenForm = z.object({
  grant_type: z.enum(['authorization_code', 'refresh_token']),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

export const TokenAnswer = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    refresh_token: z.string().optional(),
    scope: z.string(),
  })
  .openapi('Ob3TokenResponse');
