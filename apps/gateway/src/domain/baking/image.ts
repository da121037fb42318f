/**
 * Baked badge images (issue #11 item 4): which kind of image some bytes
 * are — decided by the bytes, never by a Content-Type or file name — and the
 * baking of a payload into one prepared image.
 */
import { UnbakeableImageError } from './errors.js';
import type { BakingFormat } from './formats.js';
import { bakePng, isPng, preparePng, type PreparedPng } from './png.js';
import { bakeSvg, prepareSvg, type PreparedSvg } from './svg.js';

export type PreparedImage = PreparedPng | PreparedSvg;
export type ImageType = PreparedImage['type'];

export const IMAGE_MEDIA_TYPES: Record<ImageType, string> = { png: 'image/png', svg: 'image/svg+xml' };

/** Signatures of images we cannot bake, only to say what was found. */
const OTHER_SIGNATURES: Array<[string, number[]]> = [
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['WebP', [0x52, 0x49, 0x46, 0x46]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
];

const unsupported = (what: string) =>
  new UnbakeableImageError(
    'unsupported-type',
    `The badge image is ${what}, not a PNG or SVG image, so it cannot be baked`,
  );

/** Whether the bytes start (after a BOM and white space) like markup; only then is an XML parse attempted. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at] ?? 0)) at += 1;
  return bytes[at] === 0x3c; // '<'
}

/** The size of prepared image in bytes, for bounding a cache of them. */
export const preparedSize = (image: PreparedImage): number =>
  image.type === 'png'
    ? image.head.length + image.tail.length
    : image.beforeNamespace.length + image.beforeElement.length + image.afterElement.length;

/**
 * The largest SVG that is baked. Preparing an SVG (a strict XML parse and a
 * serialisation) runs on the gateway's event loop and costs about 0.3 s of CPU
 * per MB, several times that for deeply nested markup; badge SVGs are a few
 * kilobytes, so this bounds what one badge owner's upload can stall at well
 * under a second, once (prepared images are cached). PNGs cost next to nothing
 * and keep the general limit.
 */
export const SVG_MAX_BYTES = 256 * 1024;

/** Checks and prepares an image for baking; UnbakeableImageError says why it cannot be. */
export function prepareImage(bytes: Buffer): PreparedImage {
  if (isPng(bytes)) return preparePng(bytes);
  const other = OTHER_SIGNATURES.find(([, signature]) => signature.every((b, i) => bytes[i] === b));
  if (other) throw unsupported(`a ${other[0]} file`);
  if (!looksLikeMarkup(bytes)) throw unsupported('neither markup nor a known image format');
  if (/^\s*<!doctype\s+html/i.test(bytes.subarray(0, 64).toString('latin1'))) throw unsupported('an HTML page');
  if (bytes.length > SVG_MAX_BYTES) {
    throw new UnbakeableImageError(
      'too-large',
      `The badge image is an SVG of ${bytes.length} bytes; SVGs are baked up to ${SVG_MAX_BYTES} bytes`,
    );
  }
  return prepareSvg(bytes);
}

/**
 * The image with the payload baked in: for PNG the text of the iTXt chunk
 * (the JSON), for SVG the JSON in CDATA plus, for 2.0, `verify` (the hosted
 * assertion's URL). The JSON is baked as given: the exact signed text.
 */
export function bake(image: PreparedImage, format: BakingFormat, json: string, verify?: string): Buffer {
  return image.type === 'png' ? bakePng(image, format.keyword, json) : bakeSvg(image, format, json, verify);
}
