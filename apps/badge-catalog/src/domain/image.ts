/**
 * An image given on a create or update of a system, issuer, program or
 * badge: an external URL, or uploaded bytes. Every such image becomes a new
 * stored image (BadgeKit §2.7).
 */
export type ImageInput = { source: 'url'; url: string } | { source: 'upload'; data: Buffer; mimeType: string };
