/**
 * Signing an Open Badges 3.0 credential: a DataIntegrityProof with the
 * eddsa-rdfc-2022 cryptosuite under the site's Ed25519 key (open-badges-3.md
 * §2), through the digitalbazaar libraries so that the canonicalisation is
 * the one verifiers use. Only issuance signs.
 */
import { issue } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { documentLoader } from './document-loader.js';

export interface KeyMaterial {
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/** A fresh Ed25519 key pair in Multikey encoding (`z6Mk…` public, `zrv…` secret). */
export async function generateKeyMaterial(): Promise<KeyMaterial> {
  const pair = await Ed25519Multikey.generate();
  if (!pair.secretKeyMultibase) throw new Error('ed25519-multikey generated a key pair without its secret key');
  return { publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: pair.secretKeyMultibase };
}

/**
 * The credential with its proof. `verificationMethod` is the key's id (its
 * controller's URL plus the key), which the issuer Profile lists. The proof
 * comes back as one object; canonical OB JSON wants arrays for 0..*
 * properties and the validator warns otherwise, so it is wrapped (the proof
 * is not part of the signed data, so this changes no signature).
 */
export async function signCredential(
  credential: Record<string, unknown>,
  key: KeyMaterial,
  verificationMethod: string,
  controller: string,
  created: Date,
): Promise<Record<string, unknown>> {
  const { publicKeyMultibase, secretKeyMultibase } = key;
  const pair = await Ed25519Multikey.from({
    type: 'Multikey',
    id: verificationMethod,
    controller,
    publicKeyMultibase,
    secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite, date: created });
  const signed = await issue({ credential: structuredClone(credential), suite, documentLoader });
  const { proof } = signed;
  return { ...signed, proof: Array.isArray(proof) ? proof : [proof] };
}
