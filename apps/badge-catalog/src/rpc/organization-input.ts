/**
 * The fields of a system, issuer or program change, from their proto form
 * (BadgeKit §4–6: "fields as for systems").
 */
import type { catalogV1 } from '@laurel/protos';
import type { ImageInput } from '../domain/image.js';
import type { SystemFields } from '../domain/system.js';
import { fromImageInput } from './image-input.js';

/** Only fields present on the wire are taken; `optional` presence is what makes partial updates possible. */
export function fromOrganizationFields(fields: catalogV1.OrganizationFields__Output | null): SystemFields {
  const result: SystemFields = {};
  if (!fields) return result;
  if (fields.slug !== undefined) result.slug = fields.slug;
  if (fields.name !== undefined) result.name = fields.name;
  if (fields.url !== undefined) result.url = fields.url;
  if (fields.description !== undefined) result.description = fields.description;
  if (fields.email !== undefined) result.email = fields.email;
  return result;
}

/** The image of an organization message: `image`, or the older `image_url` field. */
export function imageInputOf(fields: catalogV1.OrganizationFields__Output | null): ImageInput | undefined {
  const image = fromImageInput(fields?.image);
  if (image) return image;
  if (fields?.imageUrl !== undefined) return { source: 'url', url: fields.imageUrl };
  return undefined;
}
