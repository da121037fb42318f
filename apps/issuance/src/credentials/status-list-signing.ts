/**
 * Signs a status list as its bits say now, with its site's current key: the
 * one place both a fetch (use-cases/status-list.ts) and the publisher
 * (workers/status-list-publisher.ts) sign a list, so both produce the same document.
 */
import { verificationMethodId } from '@laurel/service-kit';
import { unsignedStatusList } from '../domain/status-list.js';
import type { IssuerKeyStore } from '../store/issuer-keys.js';
import type { StatusListRow } from '../store/status-lists.js';
import { generateKeyMaterial, signCredential } from './signing.js';

export async function signStatusList(list: StatusListRow, keys: Pick<IssuerKeyStore, 'signingKey'>): Promise<string> {
  const key = await keys.signingKey(list.site_id, generateKeyMaterial);
  const signed = await signCredential(
    unsignedStatusList(list.url, list.issuer_id, list.created_at, list.bits),
    key,
    verificationMethodId(list.issuer_id, key.publicKeyMultibase),
    list.issuer_id,
    new Date(),
  );
  return JSON.stringify(signed);
}
