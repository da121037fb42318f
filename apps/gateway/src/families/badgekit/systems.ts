/**
 * BadgeKit systems (badgekit-api.md §4): validated here in BadgeKit's terms,
 * then stored by the catalog. A system is a Laurel site (model.md).
 */
import type { Request, Response, Router, RequestHandler } from 'express';
import { DomainError, type FieldProblem } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { ServiceClients } from '../../clients.js';
import { callOptions } from '../../http/request-context.js';
import { presentSystem } from './present.js';
import { declareRoutes } from './router-kit.js';
import { asText, readPaging, validate, type FieldRule } from './validation.js';

const SYSTEM_RULES: FieldRule[] = [
  { field: 'slug', required: true, rules: [{ kind: 'length', min: 1, max: 255 }] },
  { field: 'url', required: true, rules: [{ kind: 'url' }] },
  { field: 'name', required: true, rules: [{ kind: 'length', min: 1, max: 255 }] },
  { field: 'description', required: false, rules: [{ kind: 'length', min: 0, max: 255 }] },
  { field: 'email', required: false, rules: [{ kind: 'email' }] },
];

/** The image a request carries (§2.7): an uploaded file first, then `image`, then `imageUrl`. */
function imageInput(req: Request, fields: Record<string, unknown>): { problems: FieldProblem[]; imageUrl?: string } {
  const upload = req.badgekitBody?.files.find((f) => f.field === 'image' && f.data.length > 0);
  if (upload) {
    // Uploaded image bytes need durable image storage, which arrives with the catalog issue.
    return { problems: [{ message: 'Image uploads are not supported yet; send an image URL', field: 'image' }] };
  }
  const candidate = typeof fields.image === 'string' ? fields.image : typeof fields.imageUrl === 'string' ? fields.imageUrl : undefined;
  if (candidate === undefined || candidate === '') return { problems: [] };
  const problems = validate({ url: candidate }, [{ field: 'url', required: true, rules: [{ kind: 'url' }] }]);
  return problems.length > 0 ? { problems } : { problems: [], imageUrl: candidate };
}

/** The writable fields of §4.2, as strings; `id` and `imageId` are never taken from a body (D-17). */
function systemFields(fields: Record<string, unknown>, present: (key: string) => boolean): catalogV1.SystemFields {
  const result: catalogV1.SystemFields = {};
  if (present('slug')) result.slug = asText(fields.slug);
  if (present('name')) result.name = asText(fields.name);
  if (present('url')) result.url = asText(fields.url);
  if (present('description')) result.description = asText(fields.description);
  if (present('email')) result.email = asText(fields.email);
  return result;
}

const systemSlug = (req: Request): string => String(req.params.systemSlug);

export function mountSystems(router: Router, clients: ServiceClients, auth: RequestHandler): void {
  const catalog = clients.catalog;

  declareRoutes(router, '/systems', {
    async GET(req: Request, res: Response) {
      const paging = readPaging(req.query);
      const result = await catalog.call('ListSystems', { page: paging ?? {} }, callOptions(req));
      res.json({
        systems: result.systems.map((s) => presentSystem(s)),
        ...(paging && { pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) } }),
      });
    },
    async POST(req: Request, res: Response) {
      const fields = req.badgekitBody?.fields ?? {};
      const image = imageInput(req, fields);
      const problems = [...validate(fields, SYSTEM_RULES), ...image.problems];
      if (problems.length > 0) throw DomainError.validation(problems);
      const submitted = systemFields(fields, (key) => fields[key] !== undefined && fields[key] !== null);
      try {
        const { system } = await catalog.call('CreateSystem', { fields: { ...submitted, ...(image.imageUrl && { imageUrl: image.imageUrl }) } }, callOptions(req));
        if (!system) throw new Error('catalog returned no system');
        res.status(201).json({ status: 'created', system: presentSystem(system) });
      } catch (error) {
        // D-23: conflict details are built from this request's own values.
        if (error instanceof DomainError && error.reason === 'ResourceConflict') throw DomainError.conflict('system', 'slug', { ...submitted });
        throw error;
      }
    },
  }, auth);

  declareRoutes(router, '/systems/:systemSlug', {
    async GET(req: Request, res: Response) {
      const { system } = await catalog.call('GetSystem', { slug: systemSlug(req) }, callOptions(req));
      if (!system) throw DomainError.notFound('system', 'slug', systemSlug(req));
      res.json({ system: presentSystem(system) });
    },
    async PUT(req: Request, res: Response) {
      const fields = req.badgekitBody?.fields ?? {};
      const image = imageInput(req, fields);
      const problems = [...validate(fields, SYSTEM_RULES, { partial: true }), ...image.problems];
      if (problems.length > 0) throw DomainError.validation(problems);
      const change = systemFields(fields, (key) => Object.hasOwn(fields, key));
      const { system } = await catalog.call('UpdateSystem', { slug: systemSlug(req), fields: { ...change, ...(image.imageUrl && { imageUrl: image.imageUrl }) } }, callOptions(req));
      if (!system) throw new Error('catalog returned no system');
      res.json({ status: 'updated', system: presentSystem(system) });
    },
    async DELETE(req: Request, res: Response) {
      const { system } = await catalog.call('DeleteSystem', { slug: systemSlug(req) }, callOptions(req));
      if (!system) throw new Error('catalog returned no system');
      res.json({ status: 'deleted', system: presentSystem(system, { withImage: false, withIssuers: false }) });
    },
  }, auth);
}
