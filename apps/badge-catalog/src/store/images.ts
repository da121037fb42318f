/**
 * Images of systems, issuers, programs and badges: an external URL or
 * uploaded bytes, each with a random slug. Every create or update that
 * carries an image writes a new row (BadgeKit §2.7); the owner points at it.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { ImageInput } from '../domain/image.js';

export interface ImageRow {
  id: string;
  slug: string;
  url: string | null;
  mime_type: string | null;
  data?: Buffer | null;
}

export function toImageMessage(row: Pick<ImageRow, 'slug' | 'url' | 'mime_type'>): catalogV1.Image {
  return {
    slug: row.slug,
    ...(row.url !== null && { url: row.url }),
    ...(row.mime_type !== null && { mimeType: row.mime_type }),
  };
}

export class ImageStore {
  constructor(private readonly db: Knex) {}

  /** Stores the image given on a create or update and returns its id, or undefined when none was given. */
  async save(trx: Knex, input: ImageInput | undefined): Promise<string | undefined> {
    if (!input) return undefined;
    const slug = randomBytes(16).toString('hex');
    const row =
      input.source === 'url' ? { slug, url: input.url } : { slug, data: input.data, mime_type: input.mimeType };
    const [saved] = await trx<ImageRow>('images').insert(row).returning('id');
    if (!saved) throw new Error('image insert returned no row');
    return saved.id;
  }

  async findBySlug(slug: string): Promise<ImageRow | undefined> {
    return this.db<ImageRow>('images').where({ slug }).first();
  }

  /** Image messages for several owners at once: image id -> message. */
  async messages(ids: (string | null)[]): Promise<Map<string, catalogV1.Image>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const result = new Map<string, catalogV1.Image>();
    if (wanted.length === 0) return result;
    const rows = await this.db<ImageRow>('images').whereIn('id', wanted).select('id', 'slug', 'url', 'mime_type');
    for (const row of rows) result.set(row.id, toImageMessage(row));
    return result;
  }
}
