/**
 * Where a badge's image comes from for baking, prepared once and kept: an
 * uploaded image from the catalog (as /public/images serves it), or an
 * external URL fetched within limits. Prepared images are kept in memory
 * in an LRU bounded by bytes; concurrent first requests for one image share
 * one fetch. Uploaded images never change (a slug is written once), so they
 * stay until evicted; an external image is fetched again after an hour,
 * and a failed external fetch is remembered for a minute, so a broken or
 * slow image server costs one fetch a minute, not one per request.
 * Preparing is the costly part only for SVG (an XML parse and serialization,
 * about 0.3 s of CPU per MB), hence once per image, never per request.
 */
import { LRUCache } from 'lru-cache';
import type { catalogV1 } from '@laurel/protos';
import type { CatalogClient } from '@laurel/service-kit';
import { UnbakeableImageError } from '../../../domain/baking/errors.js';
import { prepareImage, preparedSize, type PreparedImage } from '../../../domain/baking/image.js';
import { fetchImage, ImageFetchError, type ImageFetchLimits } from './fetch-image.js';

const EXTERNAL_TTL_MS = 60 * 60 * 1000;
const FAILURE_TTL_MS = 60 * 1000;

export interface ImageSourceOptions {
  catalog: CatalogClient;
  limits: ImageFetchLimits;
  /** Bytes of prepared images kept in memory. */
  cacheBytes: number;
}

type CallOptions = { requestId: string };

/** An outcome worth keeping: the prepared image, or why this image cannot be baked. */
type Entry = { image: PreparedImage } | { error: UnbakeableImageError | ImageFetchError };

export class BadgeImageSource {
  private readonly cache: LRUCache<string, Entry, CallOptions>;

  constructor(private readonly options: ImageSourceOptions) {
    this.cache = new LRUCache<string, Entry, CallOptions>({
      maxSize: options.cacheBytes,
      sizeCalculation: (entry) => ('image' in entry ? Math.max(1, preparedSize(entry.image)) : 1),
      fetchMethod: async (key, _stale, { signal, options: fetchOptions, context }) => {
        try {
          return { image: await this.load(key, signal, context) };
        } catch (error) {
          if (error instanceof ImageFetchError) {
            fetchOptions.ttl = FAILURE_TTL_MS;
            return { error };
          }
          // Deterministic for these bytes; external ones may be fixed at their server, so they are tried again later.
          if (error instanceof UnbakeableImageError) {
            if (key.startsWith('url:')) fetchOptions.ttl = FAILURE_TTL_MS;
            return { error };
          }
          throw error;
        }
      },
    });
  }

  /** The badge image, prepared for baking; throws UnbakeableImageError or ImageFetchError when it cannot be. */
  async prepared(image: catalogV1.Image__Output, callOptions: CallOptions): Promise<PreparedImage> {
    const key = image.url !== undefined ? `url:${image.url}` : `upload:${image.slug}`;
    const entry = await this.cache.fetch(key, {
      context: callOptions,
      ...(image.url !== undefined && { ttl: EXTERNAL_TTL_MS }),
    });
    if (!entry) throw new ImageFetchError('unreachable', 'The badge image could not be loaded');
    if ('error' in entry) throw entry.error;
    return entry.image;
  }

  private async load(key: string, signal: AbortSignal, callOptions: CallOptions): Promise<PreparedImage> {
    const { limits } = this.options;
    const bytes = key.startsWith('url:')
      ? await fetchImage(key.slice('url:'.length), limits, signal)
      : Buffer.from(
          (await this.options.catalog.call('GetImage', { slug: key.slice('upload:'.length) }, callOptions)).data,
        );
    if (bytes.length > limits.maxBytes)
      throw new UnbakeableImageError(
        'too-large',
        `The badge image is larger than ${limits.maxBytes} bytes, the most that is baked`,
      );
    return prepareImage(bytes);
  }
}
