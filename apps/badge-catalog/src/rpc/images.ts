/**
 * Images over gRPC: the stored image and, for uploads, its bytes, for the
 * gateway's GET /public/images/:slug (BadgeKit §10.4). An unknown slug is a
 * ResourceNotFound, not the original's crash (D-6).
 */
import { DomainError, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { slugKey } from '../domain/slug.js';
import { toImageMessage } from '../store/images.js';
import type { CatalogDeps } from './deps.js';

export function imageHandlers({ images }: CatalogDeps) {
  return {
    async GetImage(request) {
      // Slugs are generated in lowercase hex, so the case-insensitive lookup of §2.2 is a lowercase one.
      const row = await images.findBySlug(slugKey(request.slug));
      if (!row) throw DomainError.notFound('image', 'slug', request.slug);
      return { image: toImageMessage(row), data: row.data ?? Buffer.alloc(0) };
    },
  } satisfies UnaryHandlerGroup<catalogV1.CatalogDefinition>;
}
