/**
 * Why an image cannot be baked. The badge owner's problem, not the asking
 * client's: it stays so until the badge's image changes.
 */
export type UnbakeableReason =
  /** Neither PNG nor SVG (by its bytes, whatever its server claimed). */
  | 'unsupported-type'
  /** Claims to be PNG or SVG but is not well-formed, or uses what we refuse (DTD internal subset). */
  | 'malformed'
  /** Larger than the configured limit. */
  | 'too-large';

export class UnbakeableImageError extends Error {
  constructor(
    readonly reason: UnbakeableReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnbakeableImageError';
  }
}
