/**
 * GET /public/images/:imageSlug (BadgeKit §10.4 with the D-6 fixes): a URL
 * image redirects to its URL, uploaded bytes are served with the MIME type
 * they were stored with, and an unknown slug is a 404.
 */
import type { Request, Response } from 'express';
import { callOptions } from '../../http/request-context.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';

/** An image slug is written once and its bytes never change, so caches may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The MIME type of an upload is whatever its client claimed: a "text/html"
 * upload must not become a page that runs on this origin.
 */
export const UNTRUSTED_CONTENT = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

export function mountPublicImages(routes: RouteTable, { clients }: BadgeKitDeps): void {
  routes.declare(
    '/public/images/:imageSlug',
    {
      async GET(req: Request, res: Response) {
        const { image, data } = await clients.catalog.call(
          'GetImage',
          { slug: String(req.params.imageSlug) },
          callOptions(req),
        );
        if (image?.url !== undefined) {
          res.status(301).location(image.url).json({ location: image.url });
          return;
        }
        res.set({
          'Content-Type': image?.mimeType ?? 'application/octet-stream',
          'Cache-Control': IMMUTABLE,
          ETag: `"${image?.slug ?? ''}"`,
          ...UNTRUSTED_CONTENT,
        });
        res.send(data);
      },
    },
    {
      GET: {
        summary: 'An image: uploaded bytes (200, with their MIME type) or a redirect to its URL (301)',
        success: 200,
        binary: ['image/png', 'image/svg+xml', 'image/*'],
        errors: [404],
      },
    },
    { public: true },
  );
}
