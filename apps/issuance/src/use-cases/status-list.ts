/**
 * A status list as its bits say now: signed again only when a bit changed
 * since it was last signed. Usually the publisher
 * (workers/status-list-publisher.ts) has signed it already; a fetch in
 * between signs the same way (credentials/status-list-signing.ts).
 */
import { DomainError } from '@laurel/service-kit';
import { signStatusList } from '../credentials/status-list-signing.js';
import type { IssuerKeyStore } from '../store/issuer-keys.js';
import type { StatusListStore } from '../store/status-lists.js';

export interface StatusListDeps {
  statusLists: Pick<StatusListStore, 'find' | 'keepSigned'>;
  keys: Pick<IssuerKeyStore, 'signingKey'>;
}

/** The signed list (JSON text), or ResourceNotFound. */
export async function signedStatusList(
  deps: StatusListDeps,
  input: { siteId: string; number: number },
): Promise<string> {
  const list = Number.isSafeInteger(input.number) ? await deps.statusLists.find(input.siteId, input.number) : undefined;
  if (!list) throw DomainError.notFound('statusList', 'number', String(input.number));
  if (list.signed_credential !== null && list.signed_version === list.version) return list.signed_credential;
  return deps.statusLists.keepSigned(list.id, list.version, await signStatusList(list, deps.keys));
}
