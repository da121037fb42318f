/**
 * Catalog messages as BadgeKit JSON (§4.1, §2.9). Ids are JSON numbers
 * (int64 travels as a decimal string over gRPC); optional fields that are
 * unset are `null`, as BadgeKit serialised them.
 */
import type { catalogV1 } from '@laurel/protos';

export interface SystemJson {
  id: number;
  slug: string;
  url: string;
  name: string;
  description: string | null;
  email: string | null;
  imageUrl: string | null;
  issuers: IssuerSummaryJson[];
}

export interface IssuerSummaryJson {
  id: number;
  slug: string;
  url: string;
  name: string;
  description: string | null;
  email: string | null;
  imageUrl: null;
  programs: [];
}

export function presentSystem(system: catalogV1.System__Output, options: { withIssuers?: boolean; withImage?: boolean } = {}): SystemJson {
  return {
    id: Number(system.id),
    slug: system.slug,
    url: system.url,
    name: system.name,
    // D-7: the original stored but never returned description; returning it is additive.
    description: system.description ?? null,
    email: system.email ?? null,
    imageUrl: options.withImage === false ? null : (system.imageUrl ?? null),
    issuers: options.withIssuers === false ? [] : system.issuers.map(presentIssuerSummary),
  };
}

function presentIssuerSummary(issuer: catalogV1.IssuerSummary__Output): IssuerSummaryJson {
  return {
    id: Number(issuer.id),
    slug: issuer.slug,
    url: issuer.url,
    name: issuer.name,
    description: issuer.description ?? null,
    email: issuer.email ?? null,
    imageUrl: null,
    programs: [],
  };
}
