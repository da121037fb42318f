/**
 * Baking into PNG (Open Badges 2.0 baking and OB 3.0 §5.3.1): one
 * uncompressed `iTXt` chunk whose keyword names the payload. Pure: bytes in,
 * bytes out.
 *
 * Written by hand rather than with png-chunks-extract/-encode: those
 * rebuild every chunk and recompute every CRC in JavaScript on each bake,
 * bring no iTXt codec (png-chunk-text does tEXt only) and no types, while the
 * work is a walk over length-prefixed chunks plus a five-field iTXt whose CRC
 * Node computes natively (zlib.crc32). The image's own chunks are kept
 * byte for byte.
 */
import { crc32, inflateSync } from 'node:zlib';
import { UnbakeableImageError } from './errors.js';
import { OPEN_BADGES_KEYWORDS } from './formats.js';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);
const MAX_CHUNK_LENGTH = 2 ** 31 - 1;

/** A PNG ready for baking: its bytes split where the payload's chunk goes. */
export interface PreparedPng {
  type: 'png';
  head: Buffer;
  tail: Buffer;
}

interface Chunk {
  type: string;
  /** Offset of the chunk (its length field) in the file. */
  start: number;
  /** Offset just after its CRC. */
  end: number;
  data: Buffer;
}

export const isPng = (bytes: Uint8Array): boolean =>
  bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.equals(bytes.subarray(0, PNG_SIGNATURE.length));

const malformed = (why: string) =>
  new UnbakeableImageError('malformed', `The badge image is not a valid PNG (${why}), so it cannot be baked`);

/** Every chunk up to IEND, checked: lengths in bounds, CRCs right, IHDR first, IEND present. Bytes after IEND are dropped. */
function readChunks(bytes: Buffer, verifyCrc: boolean): Chunk[] {
  if (!isPng(bytes)) throw malformed('no PNG signature');
  const chunks: Chunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 12 > bytes.length) throw malformed('truncated before IEND');
    const length = bytes.readUInt32BE(offset);
    if (length > MAX_CHUNK_LENGTH || offset + 12 + length > bytes.length)
      throw malformed('a chunk runs past the end of the file');
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw malformed('a chunk type is not four letters');
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (verifyCrc && crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length))
      throw malformed(`bad CRC in ${type}`);
    if (chunks.length === 0 && type !== 'IHDR') throw malformed('IHDR is not the first chunk');
    const end = offset + 12 + length;
    chunks.push({ type, start: offset, end, data });
    if (type === 'IEND') return chunks;
    offset = end;
  }
}

/** The keyword of a tEXt, zTXt or iTXt chunk: the Latin-1 bytes before the first NUL. */
function keywordOf(data: Buffer): string {
  const nul = data.indexOf(0);
  return data.toString('latin1', 0, nul === -1 ? Math.min(data.length, 80) : nul);
}

/**
 * Checks the PNG and splits it before its first IDAT: the iTXt goes there,
 * ahead of the image data, so that a reader that stops at the first
 * `openbadges…` chunk reads little (PNG places no rule on iTXt; the 1EdTech
 * example has it near IEND, which extractors accept equally). Any Open
 * Badges text chunk already there (2.0 or 3.0, any text chunk type) is
 * dropped: the baked image carries one payload, ours — the specs forbid a
 * second chunk of the same keyword and let the baker overwrite.
 */
export function preparePng(bytes: Buffer): PreparedPng {
  const chunks = readChunks(bytes, true);
  const firstData = chunks.findIndex((c) => c.type === 'IDAT');
  if (firstData === -1) throw malformed('no image data');
  const kept = chunks.filter((c) => !(TEXT_CHUNKS.has(c.type) && OPEN_BADGES_KEYWORDS.has(keywordOf(c.data))));
  const slices = (list: Chunk[]) => list.map((c) => bytes.subarray(c.start, c.end));
  const splitAt = kept.findIndex((c) => c.type === 'IDAT');
  return {
    type: 'png',
    head: Buffer.concat([PNG_SIGNATURE, ...slices(kept.slice(0, splitAt))]),
    tail: Buffer.concat(slices(kept.slice(splitAt))),
  };
}

/** An uncompressed iTXt chunk: empty language tag and translated keyword, as both baking specs show. */
export function itxtChunk(keyword: string, text: string): Buffer {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new RangeError(`bad iTXt keyword: ${keyword}`);
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const typeAndData = Buffer.concat([Buffer.from('iTXt', 'latin1'), data]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return chunk;
}

export const bakePng = (prepared: PreparedPng, keyword: string, text: string): Buffer =>
  Buffer.concat([prepared.head, itxtChunk(keyword, text), prepared.tail]);

/**
 * The text of the first iTXt chunk with `keyword` (what an extractor reads,
 * per both specs), or undefined. Compressed text is inflated, for reading
 * images baked elsewhere; we never write it.
 */
export function extractPngText(bytes: Buffer, keyword: string): string | undefined {
  for (const chunk of readChunks(bytes, false)) {
    if (chunk.type !== 'iTXt' || keywordOf(chunk.data) !== keyword) continue;
    const data = chunk.data;
    // keyword NUL, compression flag, compression method, language tag NUL, translated keyword NUL, text
    const keywordEnd = data.indexOf(0);
    const languageEnd = keywordEnd === -1 ? -1 : data.indexOf(0, keywordEnd + 3);
    const translatedEnd = languageEnd === -1 ? -1 : data.indexOf(0, languageEnd + 1);
    if (translatedEnd === -1) throw malformed('an iTXt chunk is truncated');
    const compressed = data[keywordEnd + 1] === 1;
    const text = data.subarray(translatedEnd + 1);
    return (compressed ? inflateSync(text) : text).toString('utf8');
  }
  return undefined;
}

/** How many text chunks (any type) carry `keyword`: baked images must have exactly one. */
export const countPngTextChunks = (bytes: Buffer, keyword: string): number =>
  readChunks(bytes, false).filter((c) => TEXT_CHUNKS.has(c.type) && keywordOf(c.data) === keyword).length;

/** Chunk types in file order, for checking where a payload went. */
export const pngChunkTypes = (bytes: Buffer): string[] => readChunks(bytes, true).map((c) => c.type);
