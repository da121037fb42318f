/**
 * API consumer credentials (admin-api.md): random keys and secrets, slow
 * hashes for comparing a presented secret, and a sealed copy for the one use
 * that needs the secret itself.
 *
 * Why a sealed copy exists at all: BadgeKit JWTs are HMAC-signed with the
 * consumer's secret (badgekit-api.md §3.1), and an HMAC can only be checked by
 * someone holding the key; a hash of it cannot verify a signature. So each
 * consumer row keeps, besides the scrypt hashes, the secret encrypted with
 * AES-256-GCM under SECRET_ENCRYPTION_KEY, and that copy is opened only to
 * verify a signature. Every other check (Basic credentials, the KickApps
 * developerKey, the import's md5 variant) compares against the hashes and
 * never needs the encryption key. This is a deliberate trade-off: a stolen
 * database alone still yields no secret, but a stolen database together with
 * the gateway's encryption key does, which is no worse than any HMAC scheme.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Sealing (SecretCipher) is shared with issuance's issuer signing keys, so it lives in service-kit.

/** Raw length of a generated secret; the spec asks for at least 32 bytes. */
export const SECRET_BYTES = 32;
const KEY_BYTES = 20;

/** Public, unique consumer keys: unguessable so that they cannot be enumerated. */
export const generateConsumerKey = (): string => randomBytes(KEY_BYTES).toString('hex');

/** Used as a UTF-8 string by clients (the HMAC key of their JWTs), so URL-safe text. */
export const generateSecret = (): string => randomBytes(SECRET_BYTES).toString('base64url');

/** A readable random password, e.g. for the development demo member. */
export const generatePassword = (): string => randomBytes(15).toString('base64url');

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// Node's default cost (16 MiB, tens of milliseconds). The parameters travel in
// each stored hash, so raising them later leaves existing hashes verifiable.
const DEFAULT_PARAMS: ScryptParams = { N: 16384, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, HASH_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$<salt>$<hash>`, with a fresh salt per secret. */
export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

const HASH_FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/;

/** Constant-time comparison of a presented secret with a stored hash; a malformed hash never matches. */
export async function verifySecret(candidate: string, stored: string): Promise<boolean> {
  const match = HASH_FORMAT.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(candidate, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The customer import accepts the md5 of the secret as a Basic password
 * (admin-api.md); a second slow hash of that digest lets it be checked
 * without ever opening the sealed secret.
 */
export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

export interface SecretDigests {
  hash: string;
  md5Hash: string;
}

export async function digestSecret(secret: string): Promise<SecretDigests> {
  const [hash, md5Hash] = await Promise.all([hashSecret(secret), hashSecret(md5Hex(secret))]);
  return { hash, md5Hash };
}

/** Whether a presented value is the secret or, when allowed, the md5 of it. */
export async function matchesSecret(
  candidate: string,
  digests: SecretDigests,
  options: { allowMd5?: boolean } = {},
): Promise<boolean> {
  if (await verifySecret(candidate, digests.hash)) return true;
  return options.allowMd5 === true && (await verifySecret(candidate, digests.md5Hash));
}
