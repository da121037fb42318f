/**
 * The VC-JWT claims set of an Open Badges 3.0 credential (open-badges-3.md
 * §2, OB 3.0 §8.2.4.1): the credential itself, without its Data Integrity
 * proof, plus the registered claims the spec maps from it. The credential's
 * own content (salted identity, status entry) is left exactly as the
 * DI-signed one has it, so both formats say the same thing.
 */
type Json = Record<string, unknown>;

const seconds = (dateTime: unknown, name: string): number => {
  const ms = typeof dateTime === 'string' ? Date.parse(dateTime) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`credential ${name} is not a date-time: ${String(dateTime)}`);
  return Math.floor(ms / 1000);
};

const idOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Json).id === 'string') return (value as Json).id as string;
  return undefined;
};

export function credentialJwtClaims(credential: Json): Json {
  const { proof: _proof, ...content } = credential;
  const iss = idOf(content.issuer);
  if (!iss) throw new Error('credential has no issuer id');
  const sub = idOf(content.credentialSubject);
  return {
    ...content,
    iss,
    ...(typeof content.id === 'string' && { jti: content.id }),
    nbf: seconds(content.validFrom, 'validFrom'),
    ...(content.validUntil !== undefined && { exp: seconds(content.validUntil, 'validUntil') }),
    ...(sub && { sub }),
  };
}
