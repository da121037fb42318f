/**
 * The OpenAPI 3.1 document, derived from the route registry: paths and
 * parameters from the Express paths, request bodies from the very FieldRule
 * lists the handlers validate with, responses from each route's documented
 * success and error statuses.
 */
import type { FieldRule, Rule } from '../families/badgekit/validation.js';
import { LIMITS } from '../http/limits.js';
import type { RegisteredRoute } from './registry.js';

type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Schema> };
}

const FAMILY_DESCRIPTIONS: Record<string, string> = {
  badgekit: 'The BadgeKit API (badgekit-api.md): systems, issuers, programs, badges, milestones. Requests carry `Authorization: JWT token="…"`.',
  public: 'Public documents without authorization: badge lists, badge classes, issuer organizations, images.',
  admin: "Laurel's admin API (admin-api.md): API consumers, members, webhook settings.",
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'ValidationError (with `details`), InvalidParameter or InvalidContent',
  403: 'NotAuthorized: the JWT is missing, malformed, expired, for another request, or not valid for this system',
  404: 'ResourceNotFound: the first missing level of the path',
  405: 'MethodNotAllowedError',
  409: 'ResourceConflict (with `details`)',
  415: 'UnsupportedMediaTypeError',
  501: 'Not implemented yet',
};

/** One BadgeKit rule as JSON Schema. BadgeKit stringifies values before checking, so integers may come as strings. */
function ruleSchema(rule: Rule): Schema {
  switch (rule.kind) {
    case 'length':
      return { type: 'string', minLength: rule.min, maxLength: rule.max };
    case 'email':
      return { type: 'string', format: 'email', maxLength: LIMITS.emailChars };
    case 'url':
      return { type: 'string', format: 'uri', description: 'http, https or ftp URL; the scheme may be left out' };
    case 'integer':
      return { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^-?(0|[1-9][0-9]*)$' }] };
    case 'oneOf':
      return { enum: [...rule.values] };
    case 'date':
      return { type: 'string', description: 'a date: ISO 8601, Unix seconds or Unix milliseconds' };
  }
}

export function bodySchema(rules: FieldRule[]): Schema {
  const properties: Record<string, Schema> = {};
  for (const { field, rules: checks } of rules) {
    const schemas = checks.map(ruleSchema);
    properties[field] = schemas.length === 1 ? (schemas[0] as Schema) : schemas.length === 0 ? {} : { allOf: schemas };
  }
  const required = rules.filter((r) => r.required).map((r) => r.field);
  return { type: 'object', properties, ...(required.length > 0 && { required }), additionalProperties: true };
}

/** `/systems/:systemSlug` -> `/systems/{systemSlug}` and the names of its parameters. */
export function openApiPath(expressPath: string): { path: string; parameters: string[] } {
  const parameters: string[] = [];
  const path = expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    parameters.push(name);
    return `{${name}}`;
  });
  return { path, parameters };
}

const BADGEKIT_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'] as const;

/** The same schema under each media type the route reads; multipart bodies may carry an `image` file. */
function requestContent(body: Schema, types: readonly string[]): Record<string, { schema: Schema }> {
  return Object.fromEntries(types.map((type) => [
    type,
    { schema: type === 'multipart/form-data' ? { ...body, properties: { ...(body.properties as Record<string, Schema>), image: { type: 'string', format: 'binary' } } } : body },
  ]));
}

function operation(route: RegisteredRoute): Record<string, unknown> {
  const { parameters } = openApiPath(route.path);
  const responses: Record<string, unknown> = {
    [String(route.success)]: {
      description: 'Success',
      content: { 'application/json': { schema: route.returns ? { type: 'object', properties: { [route.returns]: {} } } : { type: 'object' } } },
    },
  };
  const errors = new Set([...(route.errors ?? []), ...(route.authenticated ? [403] : []), ...(route.body ? [400, 415] : [])]);
  for (const status of [...errors].sort()) {
    responses[String(status)] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  const body = route.body && bodySchema(route.body);
  return {
    tags: [route.family],
    summary: route.summary,
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[:/{}-]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    // Alternatives are separate entries: the import takes Basic or an OAuth token.
    ...(route.authenticated && { security: route.security ? [{ [route.security]: [] }] : route.family === 'customer-import' ? [{ importBasic: [] }, { importToken: [] }] : [{ badgekitJwt: [] }] }),
    parameters: [
      ...parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(route.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, description: q.description, schema: q.values ? { enum: [...q.values] } : { type: 'string' } })),
    ],
    ...(body && { requestBody: { required: true, content: requestContent(body, route.contentTypes ?? BADGEKIT_CONTENT_TYPES) } }),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly RegisteredRoute[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const { path } = openApiPath(route.path);
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route);
  }
  const families = [...new Set(routes.map((r) => r.family))];
  return {
    openapi: '3.1.0',
    info: { title: 'Laurel', version: '1', description: 'The REST surface of the Laurel badge platform, generated from the schemas the gateway validates requests with.' },
    tags: families.map((name) => ({ name, description: FAMILY_DESCRIPTIONS[name] ?? name })),
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['message'],
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            details: { description: 'Failing fields (`[{field, value, message?}]`) or the conflicting values' },
            parameter: { type: 'string' },
          },
        },
      },
      securitySchemes: {
        badgekitJwt: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'BadgeKit JWT: `JWT token="<HS256 JWS>"` with claims key, method, path (with query) and, for bodies, body {alg, hash}.',
        },
        importBasic: {
          type: 'http',
          scheme: 'basic',
          description: 'A consumer with the badge-import permission: its key as the user name, its secret (or the md5 hex of it) as the password.',
        },
        importToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CAP-API-OAUTH-TOKEN',
          description: 'A token from POST /v3/oauth/token/generate; also accepted as CAP-API-ACCESS-TOKEN or Authorization: Bearer.',
        },
      },
    },
  };
}
