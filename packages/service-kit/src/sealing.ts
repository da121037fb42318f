/**
 * Envelope encryption of secrets kept in PostgreSQL under a key from the
 * environment: the gateway seals API consumers' secrets with it
 * (SECRET_ENCRYPTION_KEY), issuance its issuer signing keys
 * (CREDENTIAL_KEY_ENCRYPTION_KEY). A stolen database alone yields nothing.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export class SecretSealError extends Error {
  override readonly name = 'SecretSealError';
}

const SEAL_VERSION = 'v1';
const MIN_KEY_MATERIAL = 32;
const IV_BYTES = 12;

/**
 * AES-256-GCM under one 32-byte key. A sealed value carries the key's
 * fingerprint, so a process started with another key fails loudly instead of
 * failing obscurely later; and it is bound to
 * its context (e.g. the consumer key) as associated data, so a sealed secret moved
 * onto another row does not open.
 */
export class SecretCipher {
  private readonly key: Buffer;
  readonly fingerprint: string;

  /** `keyMaterial`: the setting's text, at least 32 characters; its SHA-256 is the AES key, whatever its alphabet. */
  constructor(keyMaterial: string) {
    if (keyMaterial.length < MIN_KEY_MATERIAL)
      throw new SecretSealError(`the encryption key must have at least ${MIN_KEY_MATERIAL} characters`);
    this.key = createHash('sha256').update(keyMaterial, 'utf8').digest();
    this.fingerprint = createHash('sha256').update(this.key).digest('hex').slice(0, 8);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      SEAL_VERSION,
      this.fingerprint,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  open(sealed: string, context: string): string {
    const [version, fingerprint, iv, tag, data] = sealed.split('.');
    if (version !== SEAL_VERSION || iv === undefined || tag === undefined || data === undefined)
      throw new SecretSealError('not a sealed secret');
    if (fingerprint !== this.fingerprint)
      throw new SecretSealError(
        `sealed with another encryption key (${fingerprint}, this process has ${this.fingerprint})`,
      );
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretSealError('the sealed secret does not open (tampered, or another context)');
    }
  }
}
