/**
 * Catalog systems, issuers and programs as BadgeKit JSON (§4.1, §5.1, §6.1,
 * §2.9). Ids are JSON numbers (int64 travels as a decimal string over gRPC);
 * optional fields that are unset are `null`, as BadgeKit serialised them.
 */
import type { catalogV1 } from '@laurel/protos';
import { shallowIssuerJson, shallowOrganization, type IssuerJson, type OrganizationJson } from '@laurel/badgekit-json';
import type { PresentContext } from '../../../badgekit-format/present-context.js';

/** Systems, issuers and programs share BadgeKit's organization shape (service-kit owns it). */
export type ProgramJson = OrganizationJson;
export type { IssuerJson };

export interface SystemJson extends ProgramJson {
  issuers: IssuerJson[];
}

type OrganizationLike = Parameters<typeof shallowOrganization>[0] & { image?: catalogV1.Image__Output | null };

/** An organization with its image as this request sees it; without a context, the shallow form (`imageUrl: null`). */
function presentOrganization(o: OrganizationLike, ctx: PresentContext | undefined): ProgramJson {
  return { ...shallowOrganization(o), imageUrl: ctx ? ctx.imageUrl(o.image) : null };
}

/** The shallow program and issuer (§2.9). */
export const presentShallowProgram = shallowOrganization;
export const presentShallowIssuer = shallowIssuerJson;

/** A system; pass `bare` for delete answers (§4.7: no image, no issuers). */
export function presentSystem(
  system: catalogV1.System__Output,
  ctx: PresentContext,
  options: { bare?: boolean } = {},
): SystemJson {
  return {
    // D-7: the original stored but never returned description; returning it is additive.
    ...presentOrganization(system, options.bare ? undefined : ctx),
    issuers: options.bare ? [] : system.issuers.map(presentShallowIssuer),
  };
}

export function presentIssuer(
  issuer: catalogV1.Issuer__Output,
  ctx: PresentContext,
  options: { bare?: boolean } = {},
): IssuerJson {
  return {
    ...presentOrganization(issuer, options.bare ? undefined : ctx),
    programs: options.bare ? [] : issuer.programs.map(presentShallowProgram),
  };
}

export function presentProgram(
  program: catalogV1.Program__Output,
  ctx: PresentContext,
  options: { bare?: boolean } = {},
): ProgramJson {
  return presentOrganization(program, options.bare ? undefined : ctx);
}
