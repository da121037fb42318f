/**
 * Bitstring Status List (W3C VC Bitstring Status List, open-badges-3.md §3):
 * the list credential and each credential's entry, pure.
 */
import { gzipSync } from 'node:zlib';

/** 131,072 entries (16 KiB): the least the 1EdTech validator accepts, and the spec's herd-privacy minimum. */
export const STATUS_LIST_SIZE = 131_072;

export const emptyBits = (): Buffer => Buffer.alloc(STATUS_LIST_SIZE / 8);

/**
 * PostgreSQL's set_bit numbers bits from the least significant bit of each
 * byte; the status list counts from the most significant. The bit position
 * to give set_bit for entry `index`.
 */
export const setBitPosition = (index: number): number => (index & ~7) | (7 - (index & 7));

/** Whether entry `index` is set: `byte[i >> 3] & (0x80 >> (i & 7))`. */
export const isSet = (bits: Buffer, index: number): boolean => ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;

/** `u` (multibase base64url, unpadded) of the gzipped bits. */
export const encodeList = (bits: Buffer): string => `u${gzipSync(bits).toString('base64url')}`;

export function statusEntry(listUrl: string, index: number): Record<string, string> {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

const iso = (time: Date): string => time.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function unsignedStatusList(
  listUrl: string,
  issuerId: string,
  validFrom: Date,
  bits: Buffer,
): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: iso(validFrom),
    credentialSubject: {
      id: `${listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeList(bits),
    },
  };
}
