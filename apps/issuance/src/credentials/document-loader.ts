/**
 * The JSON-LD document loader for signing: every context a credential names
 * is held in memory, and nothing is ever fetched (open-badges-3.md §7,
 * pitfall 1): a context fetched at run time would make signing depend on
 * the network and on whatever a remote server answers. The two Open Badges
 * files are the 1EdTech originals (contexts/, see /work/shared/ob3/SOURCES.md);
 * the W3C and security contexts come from digitalbazaar's context packages.
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import obContext from './contexts/ob-context-3.0.3.json' with { type: 'json' };
import obExtensions from './contexts/ob-extensions.json' with { type: 'json' };

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

const CONTEXTS = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  [OB3_CONTEXT, obContext],
  [OB3_EXTENSIONS_CONTEXT, obExtensions],
]);

export class UnknownDocumentError extends Error {
  override readonly name = 'UnknownDocumentError';
}

/** Asynchronous because jsonld's loaders are; the answer is always at hand. */
export function documentLoader(url: string): Promise<RemoteDocument> {
  const document = CONTEXTS.get(url);
  if (document === undefined)
    return Promise.reject(new UnknownDocumentError(`no local copy of ${url}; signing never fetches`));
  return Promise.resolve({ contextUrl: null, documentUrl: url, document });
}
