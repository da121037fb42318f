/**
 * Baked badge images (issue #11 item 4, open-badges-3.md §5): an earned
 * badge's image with its Open Badges document inside, so that the image
 * alone carries the badge.
 *
 * - `/public/credentials/:uid/image.png|svg`: the signed OpenBadgeCredential,
 *   exactly as /public/credentials/:uid answers it (PNG iTXt
 *   `openbadgecredential`, SVG `<openbadges:credential>`). Revoked awards
 *   still bake: the credential still verifies and its status says revoked.
 * - `/public/assertions/:uid/image.png|svg`: the OB 2.0 hosted assertion, as
 *   /public/assertions/:uid?v=2_0 answers it (PNG iTXt `openbadges`, SVG
 *   `<openbadges:assertion verify="<its URL>">`). A revoked award answers
 *   410, as its hosted assertion does.
 *
 * The image is the badge's own: `.png` exists for a PNG badge image and
 * `.svg` for an SVG one; the other is 404 naming the right one.
 *
 * Statuses when the image cannot be baked, none of them the asking client's
 * fault, chosen so that clients know whether trying again can help:
 * - 422 UnbakeableImage: the badge image is not a PNG or SVG (by its bytes),
 *   is malformed, too large, or at a URL we do not fetch (not http(s), a
 *   private address). It stays so until the badge owner changes the image:
 *   retrying is pointless, and it is no server fault (not 5xx).
 * - 502 ImageUnreachable: the external image's server failed (connection,
 *   DNS, a non-200 answer, too many redirects); it may recover.
 * - 504 ImageTimeout: it did not answer in time.
 * A failed external fetch is remembered for a minute (image-source.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import { DomainError, badgeClassPath } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { UnbakeableImageError } from '../../domain/baking/errors.js';
import { OB2_BAKING, OB3_BAKING } from '../../domain/baking/formats.js';
import { bake, IMAGE_MEDIA_TYPES, type ImageType, type PreparedImage } from '../../domain/baking/image.js';
import { callOptions } from '../../http/request-context.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { BadgeKitError } from '../../badgekit-format/errors.js';
import { assertionPath, presentContext } from '../../badgekit-format/present-context.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { ImageFetchError } from './baking/fetch-image.js';
import { BadgeImageSource } from './baking/image-source.js';
import { UNTRUSTED_CONTENT } from './images.js';
import { assertionV2, v2Link } from './open-badges.js';

const IMAGE_TYPES: readonly ImageType[] = ['png', 'svg'];

const notFound = (message: string) => new BadgeKitError(404, { code: 'ResourceNotFound', message });
const noInstance = () => notFound('Could not find badge instance');

async function orNotFound<T>(call: () => Promise<T>, missing: () => BadgeKitError): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceNotFound') throw missing();
    throw error;
  }
}

/** What a failure to get or prepare the image answers (see the module comment). */
function imageProblem(error: unknown): unknown {
  if (error instanceof UnbakeableImageError)
    return new BadgeKitError(422, { code: 'UnbakeableImage', message: error.message });
  if (error instanceof ImageFetchError) {
    switch (error.failure) {
      case 'timeout':
        return new BadgeKitError(504, { code: 'ImageTimeout', message: error.message });
      case 'unreachable':
        return new BadgeKitError(502, { code: 'ImageUnreachable', message: error.message });
      default:
        return new BadgeKitError(422, { code: 'UnbakeableImage', message: error.message });
    }
  }
  return error;
}

/**
 * An image has one representation: whatever a client accepts (`image/png`
 * alone included, which the JSON accept check would refuse with 406), it
 * is answered, and errors stay JSON.
 */
function anyAccept(req: Request, _res: Response, next: NextFunction): void {
  req.headers.accept = '*/*';
  next();
}

/** Only letters, digits, `-` and `_` reach a file name (uids are URL path segments). */
const fileName = (uid: string, type: ImageType): string =>
  `badge-${uid.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100)}.${type}`;

export function mountBakedImages(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const { catalog, issuance } = clients;
  const source = new BadgeImageSource({
    catalog,
    limits: {
      timeoutMs: config.BAKED_IMAGE_FETCH_TIMEOUT_MS,
      maxBytes: config.BAKED_IMAGE_MAX_BYTES,
      allowPrivateHosts: config.BAKED_IMAGE_ALLOW_PRIVATE_HOSTS,
    },
    cacheBytes: config.BAKED_IMAGE_CACHE_BYTES,
  });

  const badgeOf = async (req: Request, earned: issuanceV1.EarnedBadge__Output): Promise<catalogV1.Badge__Output> => {
    const { badge } = await orNotFound(
      () => catalog.call('GetBadge', { id: earned.badgeId, siteId: earned.recipient?.siteId ?? '0' }, callOptions(req)),
      noInstance,
    );
    if (!badge?.system) throw noInstance();
    return badge;
  };

  /** The badge's image prepared for baking, if it is of the type the path names. */
  const imageOf = async (
    req: Request,
    badge: catalogV1.Badge__Output,
    type: ImageType,
    otherPath: string,
  ): Promise<PreparedImage> => {
    if (!badge.image) throw notFound('The badge has no image');
    let image: PreparedImage;
    try {
      image = await source.prepared(badge.image, callOptions(req));
    } catch (error) {
      throw imageProblem(error);
    }
    if (image.type !== type)
      throw notFound(`The badge image is ${image.type.toUpperCase()}: its baked image is ${otherPath}`);
    return image;
  };

  const send = (res: Response, uid: string, type: ImageType, bytes: Buffer): void => {
    res.set({
      'Content-Type': IMAGE_MEDIA_TYPES[type],
      'Content-Disposition': `inline; filename="${fileName(uid, type)}"`,
      ...UNTRUSTED_CONTENT,
    });
    res.send(bytes);
  };

  const otherType = (type: ImageType): ImageType => (type === 'png' ? 'svg' : 'png');

  for (const base of ['/public/credentials/:uid', '/public/assertions/:uid']) {
    for (const type of IMAGE_TYPES) routes.router.use(`${base}/image.${type}`, anyAccept);
  }

  for (const type of IMAGE_TYPES) {
    routes.declare(
      `/public/credentials/:uid/image.${type}`,
      {
        async GET(req: Request, res: Response) {
          const uid = String(req.params.uid);
          const ctx = presentContext(req, config.PUBLIC_BASE_URL);
          const [{ credential }, { earnedBadge }] = await Promise.all([
            orNotFound(
              () => issuance.call('GetCredential', { uid, publicOrigin: ctx.origin }, callOptions(req)),
              noInstance,
            ),
            orNotFound(() => issuance.call('GetEarnedBadge', { siteId: '0', uid }, callOptions(req)), noInstance),
          ]);
          if (!earnedBadge) throw noInstance();
          const badge = await badgeOf(req, earnedBadge);
          const image = await imageOf(
            req,
            badge,
            type,
            ctx.absolute(`/public/credentials/${encodeURIComponent(uid)}/image.${otherType(type)}`),
          );
          send(res, uid, type, bake(image, OB3_BAKING, credential));
        },
      },
      {
        GET: {
          summary: `The badge image (${type.toUpperCase()}) with the award's signed Open Badges 3.0 credential baked in, revoked awards too`,
          description:
            `The credential is exactly what /public/credentials/:uid answers, in ${type === 'png' ? 'an uncompressed iTXt chunk `openbadgecredential`' : 'an `<openbadges:credential>` element (CDATA) right inside the root, which binds `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"`'}. ` +
            `404 when the badge image is not ${type.toUpperCase()} (its baked image is image.${otherType(type)}). The image cannot be baked: 422 (not PNG/SVG by its bytes, malformed, too large, or an external URL that is not fetched), 502 (its server failed), 504 (its server timed out).`,
          success: 200,
          binary: [IMAGE_MEDIA_TYPES[type]],
          errors: [404, 422, 502, 504],
        },
      },
      { public: true },
    );

    routes.declare(
      `/public/assertions/:uid/image.${type}`,
      {
        async GET(req: Request, res: Response) {
          const uid = String(req.params.uid);
          const ctx = presentContext(req, config.PUBLIC_BASE_URL);
          const { earnedBadge } = await orNotFound(
            () => issuance.call('GetEarnedBadge', { siteId: '0', uid }, callOptions(req)),
            noInstance,
          );
          if (!earnedBadge) throw noInstance();
          if (earnedBadge.revokedAt) {
            throw new BadgeKitError(410, {
              code: 'Revoked',
              message: 'The badge instance was revoked',
              ...(earnedBadge.revocationReason && { revocationReason: earnedBadge.revocationReason }),
            });
          }
          const badge = await badgeOf(req, earnedBadge);
          const image = await imageOf(req, badge, type, ctx.absolute(`${assertionPath(uid)}/image.${otherType(type)}`));
          // The hosted assertion as /public/assertions/:uid?v=2_0 answers it, whose URL is its id.
          const id = v2Link(ctx.absolute(assertionPath(uid)));
          const assertion = JSON.stringify(assertionV2(earnedBadge, ctx.absolute(badgeClassPath(badge)), id));
          send(res, uid, type, bake(image, OB2_BAKING, assertion, id));
        },
      },
      {
        GET: {
          summary: `The badge image (${type.toUpperCase()}) with the award's Open Badges 2.0 hosted assertion baked in (410 once revoked)`,
          description:
            `The assertion is what /public/assertions/:uid?v=2_0 answers, in ${type === 'png' ? 'an uncompressed iTXt chunk `openbadges`' : 'an `<openbadges:assertion verify="<assertion URL>">` element (CDATA) right inside the root, which binds `xmlns:openbadges="http://openbadges.org"`'}. ` +
            `404 when the badge image is not ${type.toUpperCase()}. The image cannot be baked: 422, 502 or 504, as for the credential's baked image.`,
          success: 200,
          binary: [IMAGE_MEDIA_TYPES[type]],
          errors: [404, 410, 422, 502, 504],
        },
      },
      { public: true },
    );
  }
}
