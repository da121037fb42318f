/**
 * Every documented route registers here as it is declared, with the schemas
 * that describe its input and answer; /openapi.json is generated from this
 * registry (openapi/document.ts), so the document cannot drift from the
 * routes. BadgeKit bodies are the very FieldRule lists the handlers validate
 * with (turned into zod by openapi/field-rules.ts).
 */
import type { ZodObject, ZodType } from 'zod';
import type { FieldRule } from '../badgekit-format/validation.js';

export interface QueryParameter {
  name: string;
  description: string;
  /** Allowed values, when the parameter is an enumeration. */
  values?: readonly string[];
}

export interface RouteDoc {
  summary: string;
  description?: string;
  /** Request body: BadgeKit field rules (what the handler validates with) or a zod schema. */
  body?: FieldRule[] | ZodType;
  /** Query parameters: BadgeKit's list or a zod object (one property per parameter). */
  query?: QueryParameter[] | ZodObject;
  /** Request headers the route reads beyond its credentials. */
  headers?: ZodObject;
  /** Status of a successful answer. */
  success: number;
  /** The key the resource is returned under, e.g. `system` or `badges` (BadgeKit and admin answers). */
  returns?: string;
  /** The success answer's body, when `returns` does not describe it. */
  response?: ZodType;
  /** Error codes this route can answer with, beyond the family's common ones. */
  errors?: number[];
  /** Body media types the route reads; BadgeKit's three when not given. */
  contentTypes?: readonly string[];
  /** The success answer's media types when it is bytes rather than JSON (images). */
  binary?: readonly string[];
  /** Browsers (Accept ranking text/html first) get a page for people instead of the JSON (public documents). */
  page?: boolean;
  /** How an authenticated route authenticates; the family's scheme when not given. */
  security?: SecurityScheme | readonly SecurityScheme[];
  /** OAuth 2.0 scopes the route needs (the OB 3.0 API). */
  scopes?: readonly string[];
}

/** The credentials the families accept (components.securitySchemes of the document). */
export type SecurityScheme =
  | 'badgekitJwt'
  | 'importBasic'
  | 'importToken'
  | 'importBearer'
  | 'kickappsToken'
  | 'kickappsDeveloperKey'
  | 'ob3OAuth2';

export type Family = 'badgekit' | 'public' | 'admin' | 'kickapps' | 'v2' | 'customer-import' | 'ob3';

export interface RegisteredRoute extends RouteDoc {
  family: Family;
  method: string;
  /** Express path syntax, e.g. /systems/:systemSlug. */
  path: string;
  authenticated: boolean;
}

export class RouteRegistry {
  private readonly routes: RegisteredRoute[] = [];

  add(route: RegisteredRoute): void {
    this.routes.push(route);
  }

  all(): readonly RegisteredRoute[] {
    return this.routes;
  }
}
