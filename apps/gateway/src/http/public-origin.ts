/**
 * Absolute URLs for responses (model.md "Public documents"): PUBLIC_BASE_URL
 * when configured, otherwise the request's own origin (Host, or
 * X-Forwarded-Host/-Proto when TRUST_PROXY is on, through Express's
 * req.protocol and req.host).
 */
import type { Request } from 'express';

export function publicOrigin(req: Request, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl) return publicBaseUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('x-forwarded-host') && req.app.get('trust proxy') ? req.get('x-forwarded-host') : (req.get('host') ?? 'localhost')}`;
}

export function absoluteUrl(req: Request, publicBaseUrl: string | undefined, path: string): string {
  return `${publicOrigin(req, publicBaseUrl)}${path.startsWith('/') ? path : `/${path}`}`;
}
