/**
 * Catalog messages as BadgeKit JSON (§4.1, §5.1, §6.1, §2.9). Ids are JSON
 * numbers (int64 travels as a decimal string over gRPC); optional fields that
 * are unset are `null`, as BadgeKit serialised them. Image URLs are always
 * absolute and fetchable (D-6): uploaded images at /public/images/<slug>.
 */
import type { Request } from 'express';
import type { catalogV1 } from '@laurel/protos';
import { imageUrlOf } from '@laurel/service-kit';
import { publicOrigin } from '../../http/public-origin.js';

/** Per-request presentation settings: where absolute URLs point. */
export interface PresentContext {
  /** scheme://host of absolute URLs in this answer. */
  origin: string;
  imageUrl(image: catalogV1.Image__Output | null | undefined): string | null;
  absolute(path: string): string;
}

export function presentContext(req: Request, publicBaseUrl: string | undefined): PresentContext {
  const origin = publicOrigin(req, publicBaseUrl);
  return {
    origin,
    absolute: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    imageUrl: (image) => imageUrlOf(image, origin),
  };
}

export interface ProgramJson {
  id: number;
  slug: string;
  url: string;
  name: string;
  description: string | null;
  email: string | null;
  imageUrl: string | null;
}

export interface IssuerJson extends ProgramJson {
  programs: ProgramJson[];
}

export interface SystemJson extends ProgramJson {
  issuers: IssuerJson[];
}

type OrganizationLike = { id: string; slug: string; url: string; name: string; description?: string; email?: string; image?: catalogV1.Image__Output | null };

function presentOrganization(o: OrganizationLike, ctx: PresentContext | undefined): ProgramJson {
  return {
    id: Number(o.id),
    slug: o.slug,
    url: o.url,
    name: o.name,
    description: o.description ?? null,
    email: o.email ?? null,
    imageUrl: ctx ? ctx.imageUrl(o.image) : null,
  };
}

/** The shallow program (§2.9): `imageUrl` is null. */
export const presentShallowProgram = (p: catalogV1.ProgramSummary__Output): ProgramJson => presentOrganization(p, undefined);

/** The shallow issuer (§2.9): `imageUrl` is null, programs shallow. */
export const presentShallowIssuer = (i: catalogV1.IssuerSummary__Output): IssuerJson => ({
  ...presentOrganization(i, undefined),
  programs: i.programs.map(presentShallowProgram),
});

/** A system; pass `bare` for delete answers (§4.7: no image, no issuers). */
export function presentSystem(system: catalogV1.System__Output, ctx: PresentContext, options: { bare?: boolean } = {}): SystemJson {
  return {
    // D-7: the original stored but never returned description; returning it is additive.
    ...presentOrganization(system, options.bare ? undefined : ctx),
    issuers: options.bare ? [] : system.issuers.map(presentShallowIssuer),
  };
}

export function presentIssuer(issuer: catalogV1.Issuer__Output, ctx: PresentContext, options: { bare?: boolean } = {}): IssuerJson {
  return {
    ...presentOrganization(issuer, options.bare ? undefined : ctx),
    programs: options.bare ? [] : issuer.programs.map(presentShallowProgram),
  };
}

export function presentProgram(program: catalogV1.Program__Output, ctx: PresentContext, options: { bare?: boolean } = {}): ProgramJson {
  return presentOrganization(program, options.bare ? undefined : ctx);
}
