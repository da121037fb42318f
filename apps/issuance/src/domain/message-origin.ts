/**
 * The origin of the absolute URLs in webhook messages (assertionUrl, badge
 * and image URLs). Receivers store them, so they are never relative: the
 * configured public origin when there is one (always, in production), else
 * the origin of the request that caused the award, else the development
 * gateway's — requirements awards, for one, have no request behind them.
 * A signed credential's URLs take the same origin (rpc/credentials.ts).
 */
import { DEVELOPMENT_BASE_URL } from '../config.js';

function absoluteOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

export function messageOrigin(publicBaseUrl: string | undefined, requestOrigin: unknown): string {
  return absoluteOrigin(publicBaseUrl) ?? absoluteOrigin(requestOrigin) ?? DEVELOPMENT_BASE_URL;
}
