/**
 * Input shared by systems, issuers and programs (BadgeKit §4.2, §5.2, §6.2:
 * "fields as for systems"): the field rules, the image (§2.7), and the
 * writable fields as the catalog takes them.
 */
import type { Request } from 'express';
import type { FieldProblem } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { asText, validate, type FieldRule } from '../../../badgekit-format/validation.js';

export const ORGANIZATION_RULES: FieldRule[] = [
  { field: 'slug', required: true, rules: [{ kind: 'length', min: 1, max: 255 }] },
  { field: 'url', required: true, rules: [{ kind: 'url' }] },
  { field: 'name', required: true, rules: [{ kind: 'length', min: 1, max: 255 }] },
  { field: 'description', required: false, rules: [{ kind: 'length', min: 0, max: 255 }] },
  { field: 'email', required: false, rules: [{ kind: 'email' }] },
];

const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+(\+[\w.-]+)?$/;

/**
 * The image a request carries: an uploaded file part `image` first, then the
 * string `image`, then `imageUrl`. URL problems are reported on field `url`
 * and upload problems on `mimetype`, as the original did.
 */
export function imageInput(
  req: Request,
  fields: Record<string, unknown>,
): { problems: FieldProblem[]; image?: catalogV1.ImageInput } {
  const upload = req.badgekitBody?.files.find((f) => f.field === 'image' && f.data.length > 0);
  if (upload) {
    if (!MIME_TYPE.test(upload.mimeType))
      return { problems: [{ message: 'Invalid characters', field: 'mimetype', value: upload.mimeType || '' }] };
    return { problems: [], image: { upload: { data: upload.data, mimeType: upload.mimeType } } };
  }
  const candidate =
    typeof fields.image === 'string' ? fields.image : typeof fields.imageUrl === 'string' ? fields.imageUrl : undefined;
  if (candidate === undefined || candidate === '') return { problems: [] };
  const problems = validate({ url: candidate }, [{ field: 'url', required: true, rules: [{ kind: 'url' }] }]);
  return problems.length > 0 ? { problems } : { problems: [], image: { url: candidate } };
}

/**
 * The writable fields of an organization, as strings. Parents and ids are
 * never taken from a body (D-17): only these keys are read.
 */
export function organizationFields(
  fields: Record<string, unknown>,
  present: (key: string) => boolean,
): catalogV1.OrganizationFields {
  const result: catalogV1.OrganizationFields = {};
  if (present('slug')) result.slug = asText(fields.slug);
  if (present('name')) result.name = asText(fields.name);
  if (present('url')) result.url = asText(fields.url);
  if (present('description')) result.description = asText(fields.description);
  if (present('email')) result.email = asText(fields.email);
  return result;
}

/** Create reads a field when it has a value; update when the key is present at all. */
export const hasValue = (fields: Record<string, unknown>) => (key: string) =>
  fields[key] !== undefined && fields[key] !== null;
export const hasKey = (fields: Record<string, unknown>) => (key: string) => Object.hasOwn(fields, key);
