/**
 * GET /openapi.json (the document, built once from the route registry) and
 * GET /docs (a browsable reference rendered from the same document, with no
 * assets fetched from elsewhere).
 */
import express, { type Request, type Response, type Router } from 'express';
import { buildOpenApiDocument } from './document.js';
import { renderReference } from './reference.js';
import type { RouteRegistry } from './registry.js';

export function openapiRouter(registry: RouteRegistry): Router {
  const router = express.Router();
  // Routes are all declared by the time the first request arrives; build lazily once.
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  let page: string | undefined;
  const current = () => (document ??= buildOpenApiDocument(registry.all()));
  router.get('/openapi.json', (_req: Request, res: Response) => {
    res.json(current());
  });
  router.get('/docs', (_req: Request, res: Response) => {
    page ??= renderReference(current());
    res.type('html').send(page);
  });
  return router;
}
