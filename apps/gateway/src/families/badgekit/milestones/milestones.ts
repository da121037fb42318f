/**
 * BadgeKit milestones (badgekit-api.md §13, with the D-16 and D-24 fixes):
 * input is checked in BadgeKit's terms here, and the catalog checks that
 * every badge named belongs to the system, before anything is written.
 */
import type { Request, Response } from 'express';
import { DomainError, type FieldProblem } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';
import { presentMilestone } from './badge-milestones.js';
import type { RouteTable } from '../../../badgekit-format/route-table.js';
import { asText, passes, readPaging, validate, type FieldRule } from '../../../badgekit-format/validation.js';

const ACTIONS = ['issue', 'queue-application'] as const;

/** The body fields of create and update; `systemId` and `id` are never read from a body (D-17). */
export const MILESTONE_RULES: FieldRule[] = [
  { field: 'numberRequired', required: true, rules: [{ kind: 'integer' }] },
  { field: 'primaryBadgeId', required: true, rules: [{ kind: 'integer' }] },
  { field: 'action', required: false, rules: [{ kind: 'oneOf', values: ACTIONS }] },
  // An array of badge ids of this system, without duplicates; checked below, not by the scalar rules.
  { field: 'supportBadges', required: true, rules: [] },
];

const BADGE_ID_RULES: FieldRule[] = [{ field: 'badgeId', required: true, rules: [] }];

const PAGING = [
  { name: 'page', description: 'Page number (1-based); paging applies only when page and count are both positive' },
  { name: 'count', description: 'Records per page' },
];

/** A milestone as BadgeKit JSON (§13.1): its badges are bare (§2.9). */
function found(milestone: catalogV1.Milestone__Output | null): catalogV1.Milestone__Output {
  if (!milestone) throw new Error('catalog answered without a milestone');
  return milestone;
}

/** An integer that survives the trip through a JSON number and an int64. */
const asInteger = (value: unknown): string | undefined => {
  const text = asText(value);
  return passes({ kind: 'integer' }, text) && Number.isSafeInteger(Number(text)) ? String(Number(text)) : undefined;
};

/** A single value from a form counts as a one-element list, as for categories (§2.10). */
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function supportBadgeProblems(value: unknown): FieldProblem[] {
  const ids = asList(value).map(asInteger);
  if (ids.some((id) => id === undefined)) return [{ message: 'Invalid integer', field: 'supportBadges', value }];
  if (new Set(ids).size !== ids.length) return [{ message: 'Duplicate value', field: 'supportBadges', value }];
  return [];
}

/** BadgeKit's checks of a create (or, `partial`, an update) body: the same details entries as the original. */
function milestoneProblems(fields: Record<string, unknown>, partial: boolean): FieldProblem[] {
  const scalarRules = MILESTONE_RULES.filter((r) => r.field !== 'action');
  const problems = validate(fields, scalarRules, { partial });
  // A bad action is reported without a message (§13.2).
  const action = fields.action;
  if (action !== undefined && action !== null && action !== '' && !ACTIONS.some((a) => a === asText(action)))
    problems.push({ field: 'action', value: action });
  const hasSupport = fields.supportBadges !== undefined && fields.supportBadges !== null && fields.supportBadges !== '';
  if (hasSupport) problems.push(...supportBadgeProblems(fields.supportBadges));
  // Safe-integer bounds on top of the integer rule: larger ids cannot name a badge, larger thresholds are nonsense.
  for (const field of ['numberRequired', 'primaryBadgeId'] as const) {
    const value = fields[field];
    const flagged = problems.some((p) => p.field === field);
    if (!flagged && value !== undefined && value !== null && value !== '' && asInteger(value) === undefined)
      problems.push({ message: 'Invalid integer', field, value });
  }
  return problems;
}

/** The fields the catalog takes; create reads those with a value, update every key present. */
function milestoneFields(fields: Record<string, unknown>): catalogV1.MilestoneFields {
  const result: catalogV1.MilestoneFields = {};
  const numberRequired = asInteger(fields.numberRequired);
  const primaryBadgeId = asInteger(fields.primaryBadgeId);
  if (numberRequired !== undefined) result.numberRequired = numberRequired;
  if (primaryBadgeId !== undefined) result.primaryBadgeId = primaryBadgeId;
  // "" tells the catalog to clear the action; absent leaves it alone.
  if (Object.hasOwn(fields, 'action')) result.action = fields.action === null ? '' : asText(fields.action);
  if (fields.supportBadges !== undefined && fields.supportBadges !== null && fields.supportBadges !== '') {
    result.supportBadgeIds = { items: asList(fields.supportBadges).map((v) => asInteger(v) ?? '0') };
  }
  return result;
}

/** `:milestoneId` matches numerically (§2.2); anything else is an id no milestone has. */
const milestoneIdOf = (req: Request): string => {
  const raw = String(req.params.milestoneId);
  return /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? String(Number(raw)) : '0';
};

/** The 404 names the id exactly as it was in the path (§2.4), even when it was not a number. */
function withPathId(req: Request, error: unknown): unknown {
  const details = error instanceof DomainError && !Array.isArray(error.details) ? error.details : undefined;
  if (error instanceof DomainError && error.reason === 'ResourceNotFound' && details?.model === 'milestone') {
    return DomainError.notFound('milestone', 'id', String(req.params.milestoneId));
  }
  return error;
}

/** Badge id of add-badge/remove-badge, parsed base-10 as the original did, but never silently truncated. */
const badgeIdOf = (value: unknown): string | undefined => {
  const text = asText(value).trim();
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number.parseInt(text, 10))
    ? String(Number.parseInt(text, 10))
    : undefined;
};

export function mountMilestones(routes: RouteTable, { clients }: BadgeKitDeps): void {
  const catalog = clients.catalog;
  const systemSlug = (req: Request): string => String(req.params.systemSlug);

  /** Each lookup of the path answers its 404 before the body's 400 (§2.1): only paid for on the error path. */
  async function rejectAfterLookup(req: Request, problems: FieldProblem[], milestone: boolean): Promise<never> {
    if (milestone)
      await catalog.call(
        'GetMilestone',
        { systemSlug: systemSlug(req), milestoneId: milestoneIdOf(req) },
        callOptions(req),
      );
    else await catalog.call('GetSystem', { slug: systemSlug(req) }, callOptions(req));
    throw DomainError.validation(problems);
  }

  /** Runs a call on one milestone of the path, with its 404 naming the path's id. */
  async function onMilestone<T>(req: Request, call: (milestoneId: string) => Promise<T>): Promise<T> {
    try {
      return await call(milestoneIdOf(req));
    } catch (error) {
      throw withPathId(req, error);
    }
  }

  async function changeLink(
    req: Request,
    res: Response,
    method: 'AddMilestoneBadge' | 'RemoveMilestoneBadge',
  ): Promise<void> {
    const fields = req.badgekitBody?.fields ?? {};
    const problems = validate(fields, BADGE_ID_RULES);
    const badgeId = badgeIdOf(fields.badgeId);
    if (problems.length === 0 && badgeId === undefined)
      problems.push({
        message: 'Invalid integer',
        field: 'badgeId',
        value: fields.badgeId === false ? '' : fields.badgeId,
      });
    if (problems.length > 0 || badgeId === undefined)
      return onMilestone(req, () => rejectAfterLookup(req, problems, true));
    const { milestone } = await onMilestone(req, (milestoneId) =>
      catalog.call(method, { systemSlug: systemSlug(req), milestoneId, badgeId }, callOptions(req)),
    );
    // The original answered "updated" even when the link was already as asked, and clients test for it.
    res.json({ status: 'updated', milestone: presentMilestone(found(milestone)) });
  }

  routes.declare(
    '/systems/:systemSlug/milestones',
    {
      async GET(req: Request, res: Response) {
        const paging = readPaging(req.query);
        const result = await catalog.call(
          'ListMilestones',
          { systemSlug: systemSlug(req), page: paging ?? {} },
          callOptions(req),
        );
        res.json({
          milestones: result.milestones.map(presentMilestone),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
      async POST(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const problems = milestoneProblems(fields, false);
        if (problems.length > 0) return rejectAfterLookup(req, problems, false);
        const { milestone } = await catalog.call(
          'CreateMilestone',
          { systemSlug: systemSlug(req), fields: milestoneFields(fields) },
          callOptions(req),
        );
        res.status(201).json({ status: 'created', milestone: presentMilestone(found(milestone)) });
      },
    },
    {
      GET: { summary: 'List a system’s milestones', query: PAGING, success: 200, returns: 'milestones', errors: [404] },
      POST: {
        summary: 'Create a milestone: a primary badge awarded once enough support badges are held',
        body: MILESTONE_RULES,
        success: 201,
        returns: 'milestone',
        errors: [400, 404],
      },
    },
  );

  routes.declare(
    '/systems/:systemSlug/milestones/:milestoneId',
    {
      async GET(req: Request, res: Response) {
        const { milestone } = await onMilestone(req, (milestoneId) =>
          catalog.call('GetMilestone', { systemSlug: systemSlug(req), milestoneId }, callOptions(req)),
        );
        res.json({ milestone: presentMilestone(found(milestone)) });
      },
      async PUT(req: Request, res: Response) {
        const fields = req.badgekitBody?.fields ?? {};
        const problems = milestoneProblems(fields, true);
        if (problems.length > 0) return onMilestone(req, () => rejectAfterLookup(req, problems, true));
        const { milestone } = await onMilestone(req, (milestoneId) =>
          catalog.call(
            'UpdateMilestone',
            { systemSlug: systemSlug(req), milestoneId, fields: milestoneFields(fields) },
            callOptions(req),
          ),
        );
        res.json({ status: 'updated', milestone: presentMilestone(found(milestone)) });
      },
      async DELETE(req: Request, res: Response) {
        await onMilestone(req, (milestoneId) =>
          catalog.call('DeleteMilestone', { systemSlug: systemSlug(req), milestoneId }, callOptions(req)),
        );
        // Unlike every other delete, BadgeKit answers a milestone delete without the record (§16.2).
        res.json({ status: 'deleted' });
      },
    },
    {
      GET: { summary: 'Get a milestone', success: 200, returns: 'milestone', errors: [404] },
      PUT: {
        summary: 'Update a milestone (partial; supportBadges, when given, replaces every link)',
        body: MILESTONE_RULES,
        success: 200,
        returns: 'milestone',
        errors: [400, 404],
      },
      DELETE: { summary: 'Delete a milestone and its support-badge links', success: 200, errors: [404] },
    },
  );

  routes.declare(
    '/systems/:systemSlug/milestones/:milestoneId/add-badge',
    {
      POST: (req: Request, res: Response) => changeLink(req, res, 'AddMilestoneBadge'),
    },
    {
      POST: {
        summary: 'Add a support badge (idempotent: an already linked badge changes nothing)',
        body: BADGE_ID_RULES,
        success: 200,
        returns: 'milestone',
        errors: [400, 404],
      },
    },
  );

  routes.declare(
    '/systems/:systemSlug/milestones/:milestoneId/remove-badge',
    {
      POST: (req: Request, res: Response) => changeLink(req, res, 'RemoveMilestoneBadge'),
    },
    {
      POST: {
        summary: 'Remove a support badge (idempotent: an unlinked badge changes nothing)',
        body: BADGE_ID_RULES,
        success: 200,
        returns: 'milestone',
        errors: [400, 404],
      },
    },
  );
}
