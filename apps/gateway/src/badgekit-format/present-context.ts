/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit, admin and public families: where the absolute URLs of BadgeKit
 * JSON point (D-6: image URLs are always absolute and fetchable, uploaded
 * images at /public/images/<slug>).
 */
import type { Request } from 'express';
import type { catalogV1 } from '@laurel/protos';
import { imageUrlOf } from '@laurel/service-kit';
import { publicOrigin } from '../http/public-origin.js';

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

/** An instance's hosted assertion: BadgeKit's instances link to it (§9.1), the public family serves it. */
export const assertionPath = (uid: string): string => `/public/assertions/${encodeURIComponent(uid)}`;
