/**
 * Every documented route registers here as it is declared, with the same
 * field rules the gateway validates its input with; /openapi.json is built
 * from this registry, so the document cannot drift from the validation.
 */
import type { FieldRule } from '../families/badgekit/validation.js';

export interface QueryParameter {
  name: string;
  description: string;
  /** Allowed values, when the parameter is an enumeration. */
  values?: readonly string[];
}

export interface RouteDoc {
  summary: string;
  /** Request body fields, with the rules the handler validates them with. */
  body?: FieldRule[];
  query?: QueryParameter[];
  /** Status of a successful answer. */
  success: number;
  /** The key the resource is returned under, e.g. `system` or `badges`. */
  returns?: string;
  /** Error codes this route can answer with, beyond the family's common ones. */
  errors?: number[];
  /** Body media types the route reads; BadgeKit's three when not given. */
  contentTypes?: readonly string[];
  /** How an authenticated route authenticates; BadgeKit's JWT when not given. */
  security?: SecurityScheme;
}

/** The credentials the families accept (components.securitySchemes of the document). */
export type SecurityScheme = 'badgekitJwt' | 'importBasic' | 'importToken';

export interface RegisteredRoute extends RouteDoc {
  family: string;
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
