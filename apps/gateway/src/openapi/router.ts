/**
 * GET /openapi.json (the document, generated once from the route registry),
 * GET /docs (Scalar's reference for it) and the reference's script, served
 * from node_modules: nothing is loaded from elsewhere.
 */
import express, { type Request, type Response, type Router } from 'express';
import { buildOpenApiDocument, type OpenApiDocument } from './document.js';
import { REFERENCE_CSP, REFERENCE_SCRIPT_PATH, referenceScriptFile, renderReference } from './reference.js';
import type { RouteRegistry } from './registry.js';

/** The version of the API the document describes (not of the gateway's build). */
const API_VERSION = '1.0.0';

/** `publicBaseUrl`: the gateway's public origin, the document's server; the page's own origin ("/") without it. */
export function openapiRouter(registry: RouteRegistry, publicBaseUrl: string | undefined): Router {
  const options = { serverUrl: publicBaseUrl ?? '/', version: API_VERSION };
  const router = express.Router();
  // Routes are all declared by the time the first request arrives; build lazily once.
  let json: string | undefined;
  const page = renderReference();
  const script = referenceScriptFile();
  router.get('/openapi.json', (_req: Request, res: Response) => {
    json ??= JSON.stringify(buildOpenApiDocument(registry.all(), options) satisfies OpenApiDocument);
    res.type('application/json').send(json);
  });
  router.get('/docs', (_req: Request, res: Response) => {
    res.setHeader('Content-Security-Policy', REFERENCE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type('html').send(page);
  });
  router.get(REFERENCE_SCRIPT_PATH, (_req: Request, res: Response) => {
    res.sendFile(script, {
      headers: {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  return router;
}
