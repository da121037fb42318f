/**
 * What creating or updating a system, issuer or program shares (BadgeKit
 * §4–6: "fields as for systems"): the fields and image a request carries,
 * and how an update's change is checked against the record it is merged into.
 */
import { checkOrganization } from '../domain/organization.js';
import type { ImageInput } from '../domain/image.js';
import type { SystemFields, SystemRecord } from '../domain/system.js';

/** The fields a create or update carries (for an update, only the changed ones) and the new image, if any. */
export interface OrganizationInput {
  fields: SystemFields;
  image: ImageInput | undefined;
}

/** The fields to write, pointing at the just-saved image when there is one. */
export const withImage = (fields: SystemFields, imageId: string | undefined): SystemFields => ({
  ...fields,
  ...(imageId && { imageId }),
});

/**
 * An update's change for the store to apply under its row lock: the merged
 * record must still be a valid organization, so it is checked against the
 * current record, not the request alone.
 */
export function checkedChange(
  change: SystemFields,
  imageId: string | undefined,
): (current: SystemRecord) => SystemFields {
  return (current) => {
    checkOrganization({ ...current, ...change });
    return withImage(change, imageId);
  };
}
