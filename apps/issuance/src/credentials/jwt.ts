/**
 * VC-JWT signing (open-badges-3.md §2) with jose: RS256, a JOSE header of
 * `alg`, `kid` and `typ` only (the 1EdTech validator refuses any other
 * member), `kid` being an https URL that answers the one public JWK.
 */
import { calculateJwkThumbprint, CompactSign, exportJWK, exportPKCS8, generateKeyPair, importPKCS8 } from 'jose';

export const JWT_ALGORITHM = 'RS256';

export interface RsaKeyMaterial {
  thumbprint: string;
  /** JSON text of the public JWK: kty, n, e, plus alg and use. */
  publicJwk: string;
  privateKeyPkcs8: string;
}

/** A fresh 2048-bit RSA key pair (the size RS256 verifiers expect at least). */
export async function generateRsaKeyMaterial(): Promise<RsaKeyMaterial> {
  const { publicKey, privateKey } = await generateKeyPair(JWT_ALGORITHM, { modulusLength: 2048, extractable: true });
  const { kty, n, e } = await exportJWK(publicKey);
  const jwk = { kty, n, e };
  return {
    thumbprint: await calculateJwkThumbprint(jwk),
    publicJwk: JSON.stringify({ ...jwk, alg: JWT_ALGORITHM, use: 'sig' }),
    privateKeyPkcs8: await exportPKCS8(privateKey),
  };
}

/** The compact JWS of `claims`; its payload is their JSON text as given. */
export async function signJwt(claims: Record<string, unknown>, privateKeyPkcs8: string, kid: string): Promise<string> {
  const key = await importPKCS8(privateKeyPkcs8, JWT_ALGORITHM);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: JWT_ALGORITHM, kid, typ: 'JWT' })
    .sign(key);
}
