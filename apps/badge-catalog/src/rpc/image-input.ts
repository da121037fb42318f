/** The image a create or update carries, from its proto form; absent parts get the defaults the catalog always gave them. */
import type { catalogV1 } from '@laurel/protos';
import type { ImageInput } from '../domain/image.js';

export function fromImageInput(input: catalogV1.ImageInput__Output | null | undefined): ImageInput | undefined {
  if (!input?.source) return undefined;
  if (input.source === 'url') return { source: 'url', url: input.url ?? '' };
  return {
    source: 'upload',
    data: input.upload?.data ?? Buffer.alloc(0),
    mimeType: input.upload?.mimeType ?? 'application/octet-stream',
  };
}
