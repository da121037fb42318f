/**
 * The narrow part of the digitalbazaar libraries the Open Badges 3.0
 * verifier uses (they ship no TypeScript types).
 */
declare module '@digitalbazaar/vc' {
  type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  export interface VerifyResult {
    verified: boolean;
    error?: unknown;
    results?: Array<{ verified: boolean; error?: unknown }>;
  }
  export function verifyCredential(options: { credential: unknown; suite: unknown; documentLoader: DocumentLoader; now?: Date; checkStatus?: () => Promise<{ verified: boolean }> }): Promise<VerifyResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/security-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}
