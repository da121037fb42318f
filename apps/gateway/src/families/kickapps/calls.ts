/**
 * The KickApps calls of §5.1: each validates in the order §5.5 / §5.7 give
 * and maps the services' answers to the family's payloads. Ids and list
 * items' flags and counts are strings; mutation flags are booleans.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '@laurel/service-kit';
import type { catalogV1, requirementsV1 } from '@laurel/protos';
import { matchesSecret, verifySecret } from '../../domain/secrets.js';
import { ConsumerStore } from '../../store/consumers.js';
import type { TokenStore } from '../../store/tokens.js';
import type { FamilyOptions } from '../family.js';
import { KickAppsError, type ErrorId } from './envelope.js';
import { isHttpUrl } from '../../http/url-rules.js';
import { id, location, optionalBool, paging, positiveQuantity, signedQuantity, type Params } from './params.js';
import type { CallContext } from './router.js';
import { CALL_DOCS, type CallDoc } from './schemas.js';

export interface CallSpec {
  paths: string[];
  summary: string;
  /** What the call reads and answers, for the document. */
  doc: CallDoc;
  /**
   * developer: Create Token (developer key, no `t`); public: no token, as the
   * vendor's Retrieve Super Fans; member: any token of the site; admin:
   * editor or webmaster.
   */
  role: 'developer' | 'public' | 'member' | 'admin';
  postOnly?: boolean;
  /** Changes something: an idempotency key replays its first answer (§5.2). */
  mutation?: boolean;
  handle(ctx: CallContext): Promise<Record<string, unknown>>;
}

type Deps = FamilyOptions & { tokens: TokenStore };

const notFound = (error: unknown): boolean => error instanceof DomainError && error.reason === 'ResourceNotFound';
const conflict = (error: unknown): boolean => error instanceof DomainError && error.reason === 'ResourceConflict';

/** Runs a service call, turning a not-found (or conflict) into the call's error number. */
async function mapped<T>(work: Promise<T>, map: { notFound?: ErrorId; conflict?: ErrorId }): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (map.notFound !== undefined && notFound(error)) throw new KickAppsError(map.notFound);
    if (map.conflict !== undefined && conflict(error)) throw new KickAppsError(map.conflict);
    throw error;
  }
}

const slugify = (name: string): string =>
  `${
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'badge'
  }-${randomBytes(4).toString('hex')}`;

function badgeItem(b: catalogV1.Badge__Output): Record<string, unknown> {
  return {
    badgeId: b.id,
    location: b.location ?? '',
    name: b.name,
    verbosename: b.strapline ?? '',
    published: String(b.published),
    url: b.image?.url ?? '',
    link: b.criteriaUrl ?? '',
  };
}

const requirementItem = (r: requirementsV1.Requirement__Output): Record<string, string> => ({
  requirementId: r.id,
  badgeId: r.badgeId,
  actionId: r.actionId,
  location: r.location,
  published: String(r.published),
  quantity: r.quantity,
});

/** Badge fields of Add / Edit Badge in §5.7's order; `required` for Add. */
function badgeFields(params: Params, required: boolean): catalogV1.BadgeFields {
  const fields: catalogV1.BadgeFields = {};
  const name = params.get('name');
  if (required || name !== undefined) {
    if (name === undefined || name.trim() === '') throw new KickAppsError(4);
    if (name.trim().length > 64) throw new KickAppsError(110);
    fields.name = name.trim();
  }
  const where = params.get('location');
  if (required || where !== undefined) fields.location = location(where);
  const verbose = params.get('verbosename');
  if (required || verbose !== undefined) {
    if (verbose === undefined || verbose.trim() === '' || verbose.length > 256) throw new KickAppsError(111);
    fields.strapline = verbose;
  }
  const url = params.get('url');
  if (required || url !== undefined) {
    if (url === undefined || !isHttpUrl(url)) throw new KickAppsError(112);
    fields.image = { url };
  }
  const link = params.get('link');
  if (required || link !== undefined) {
    if (link === undefined || link.trim() === '' || link.length > 2048) throw new KickAppsError(113);
    fields.criteriaUrl = link;
  }
  const published = optionalBool(params.get('published'));
  if (published !== undefined) fields.published = published;
  else if (required) fields.published = false;
  return fields;
}

function idempotencyKey(ctx: CallContext): string | undefined {
  const header = ctx.req.headers['idempotency-key'];
  const key = typeof header === 'string' ? header : ctx.params.get('idempotencyKey');
  return key !== undefined && key.length >= 1 && key.length <= 128
    ? `kickapps:${ctx.member?.userId ?? ''}:${key}`
    : undefined;
}

export function kickappsCalls(deps: Deps): CallSpec[] {
  const { clients, tokens } = deps;
  const consumers = new ConsumerStore(deps.db);

  const siteBadge = async (siteId: string, badgeId: string): Promise<catalogV1.Badge__Output> => {
    const { badge } = await mapped(clients.catalog.call('GetBadge', { id: badgeId, siteId }), { notFound: 9 });
    if (!badge) throw new KickAppsError(9);
    return badge;
  };

  const siteAction = async (siteId: string, actionId: string): Promise<requirementsV1.Action__Output> => {
    const { action } = await mapped(clients.requirements.call('GetAction', { siteId, id: actionId }), { notFound: 10 });
    if (!action) throw new KickAppsError(10);
    return action;
  };

  const actionName = (params: Params): string => {
    const name = params.get('name')?.trim() ?? '';
    if (!name) throw new KickAppsError(4);
    if (name.length > 32) throw new KickAppsError(110);
    return name;
  };

  const memberOf = async (siteId: string, params: Params) => {
    const userId = id(params.get('user_id'), 114);
    const found = await tokens.findMemberById(siteId, userId);
    if (!found) throw new KickAppsError(114);
    return found;
  };

  /** The optional `location` filter: absent is no filter, given blank (null and unreadable values included) is 8. */
  const locationFilter = (params: Params): string | undefined =>
    params.given('location') ? location(params.get('location')) : undefined;

  /** Badge ids of the location (every badge when absent), or undefined for no filter. */
  const locationBadgeIds = async (
    siteId: string,
    params: Params,
    published?: boolean,
  ): Promise<string[] | undefined> => {
    const where = locationFilter(params);
    if (where === undefined && published === undefined) return undefined;
    const { badges } = await clients.catalog.call('ListBadges', {
      siteId,
      ...(where !== undefined && { location: where }),
      ...(published !== undefined && { published }),
    });
    return badges.map((b) => b.id);
  };

  return [
    {
      paths: ['/token/create/:login/:as'],
      doc: CALL_DOCS.createToken,
      summary: 'Create Token: a login token for a member, with a developer key',
      role: 'developer',
      postOnly: true,
      async handle({ params, siteId, req }) {
        const key = params.get('developerKey') ?? '';
        if (!key || !siteId) throw new KickAppsError(101);
        const candidates = (await consumers.listBySite(siteId)).filter((c) =>
          c.permissions.includes('kickapps-developer'),
        );
        let valid = false;
        for (const c of candidates) {
          if (await matchesSecret(key, { hash: c.secretHash, md5Hash: c.secretMd5Hash })) {
            valid = true;
            break;
          }
        }
        if (!valid) throw new KickAppsError(101);
        const login = String(req.params.login ?? '');
        const idType = params.get('idType');
        const byEmail = idType === 'email' || (idType === undefined && login.includes('@'));
        const found = await tokens.findMember(siteId, byEmail ? 'email' : 'username', login);
        if (!found) throw new KickAppsError(102);
        const password = params.get('password');
        if (password !== undefined && !(found.passwordHash && (await verifySecret(password, found.passwordHash))))
          throw new KickAppsError(102);
        const token = await tokens.issue(siteId, found.userId);
        return {
          TOKEN: token,
          userId: found.userId,
          username: found.username,
          email: found.email,
          role: found.role,
          PRIVILEGES: 'RW',
          payload_type: 'json',
        };
      },
    },
    {
      paths: ['/badge/add/:as'],
      doc: CALL_DOCS.addBadge,
      summary: 'Add Badge',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const fields = badgeFields(params, true);
        const { system } = await clients.catalog.call('GetSystem', { id: siteId });
        const { badge } = await clients.catalog.call('CreateBadge', {
          context: { systemSlug: system?.slug ?? '' },
          fields: { ...fields, slug: slugify(fields.name ?? ''), unique: true, origin: 'kickapps' },
        });
        return { added: true, badgeId: badge?.id ?? '' };
      },
    },
    {
      paths: ['/badge/edit/:as'],
      doc: CALL_DOCS.editBadge,
      summary: 'Edit Badge; turning it published re-evaluates members',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const badgeId = id(params.get('badgeId'), 9);
        const before = await siteBadge(siteId, badgeId);
        const fields = badgeFields(params, false);
        await mapped(clients.catalog.call('UpdateBadge', { siteBadge: { siteId, badgeId }, fields }), { notFound: 9 });
        if (fields.published === true && !before.published)
          await clients.requirements.call('ReevaluateBadge', { siteId, badgeId });
        return { edited: true, badgeId };
      },
    },
    {
      paths: ['/badge/get/:as'],
      doc: CALL_DOCS.getBadge,
      summary: 'Get Badge',
      role: 'admin',
      async handle({ params, siteId }) {
        return { badge: badgeItem(await siteBadge(siteId, id(params.get('badgeId'), 9))) };
      },
    },
    {
      paths: ['/badge/delete/:as'],
      doc: CALL_DOCS.deleteBadge,
      summary: 'Delete Badge, while nobody holds it; its requirements go with it',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const badgeId = id(params.get('badgeId'), 9);
        await siteBadge(siteId, badgeId);
        const { pageInfo } = await clients.issuance.call('ListBadgeAwards', {
          siteId,
          badgeId,
          includeExpired: true,
          page: { page: 1, count: 1 },
        });
        if (Number(pageInfo?.total ?? 0) > 0) throw new KickAppsError(116);
        await clients.requirements.call('DeleteBadgeRequirements', { siteId, badgeId });
        await mapped(clients.catalog.call('DeleteBadge', { siteBadge: { siteId, badgeId } }), { notFound: 9 });
        return { deleted: true, badgeId };
      },
    },
    {
      paths: ['/badges/list/:as'],
      doc: CALL_DOCS.listBadges,
      summary: 'List Badges, by location and published',
      role: 'admin',
      async handle({ params, siteId }) {
        const where = params.get('location');
        const published = optionalBool(params.get('published'));
        const { badges } = await clients.catalog.call('ListBadges', {
          siteId,
          ...(where !== undefined && { location: location(where) }),
          ...(published !== undefined && { published }),
        });
        return { badges: [...badges].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id))).map(badgeItem) };
      },
    },
    {
      paths: ['/badgerequirement/add/:as', '/badge/requirement/add/:as'],
      doc: CALL_DOCS.addRequirement,
      summary: 'Add Badge Requirement',
      role: 'admin',
      mutation: true,
      async handle(ctx) {
        const { params, siteId } = ctx;
        // §5.7's order, each parameter checked whole (existence included) before the next is read.
        const badgeId = id(params.get('badgeId'), 9);
        await siteBadge(siteId, badgeId);
        const actionId = id(params.get('actionId'), 10);
        await siteAction(siteId, actionId);
        const where = location(params.get('location'));
        const quantity = params.has('quantity') ? positiveQuantity(params.get('quantity')) : '1';
        const published = optionalBool(params.get('published')) ?? false;
        const key = idempotencyKey(ctx);
        const { requirement } = await mapped(
          clients.requirements.call('AddRequirement', {
            siteId,
            badgeId,
            actionId,
            location: where,
            quantity,
            published,
            idempotencyKey: key ?? '',
          }),
          { conflict: 24, notFound: 10 },
        );
        return { added: true, requirementId: requirement?.id ?? '' };
      },
    },
    {
      paths: ['/badgerequirement/edit/:as'],
      doc: CALL_DOCS.editRequirement,
      summary: 'Edit Badge Requirement (seed 003); members are re-evaluated, nothing is revoked',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        // §5.5's order: 19, 12/7, 8/20, 11, 9, 10, 24.
        const requirementId = id(params.get('requirementId'), 19);
        // An edit that changes nothing reads the requirement without emitting anything: the existence check.
        await mapped(clients.requirements.call('UpdateRequirement', { siteId, requirementId }), { notFound: 19 });
        const published = optionalBool(params.get('published'));
        const where = params.has('location') ? location(params.get('location')) : undefined;
        const quantity = params.has('quantity') ? positiveQuantity(params.get('quantity')) : undefined;
        const badgeId = params.has('badgeId') ? id(params.get('badgeId'), 9) : undefined;
        if (badgeId !== undefined) await siteBadge(siteId, badgeId);
        const actionId = params.has('actionId') ? id(params.get('actionId'), 10) : undefined;
        if (actionId !== undefined) await siteAction(siteId, actionId);
        await mapped(
          clients.requirements.call('UpdateRequirement', {
            siteId,
            requirementId,
            ...(badgeId !== undefined && { badgeId }),
            ...(actionId !== undefined && { actionId }),
            ...(where !== undefined && { location: where }),
            ...(quantity !== undefined && { quantity }),
            ...(published !== undefined && { published }),
          }),
          { conflict: 24, notFound: 19 },
        );
        return { updated: true, requirementId };
      },
    },
    {
      paths: ['/badgerequirement/delete/:as'],
      doc: CALL_DOCS.deleteRequirement,
      summary: 'Delete Badge Requirement; its badge is re-evaluated',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const requirementId = id(params.get('requirementId'), 19);
        await mapped(clients.requirements.call('DeleteRequirement', { siteId, requirementId }), { notFound: 19 });
        return { deleted: true, requirementId };
      },
    },
    {
      paths: ['/badgerequirement/list/:as'],
      doc: CALL_DOCS.listRequirements,
      summary: "List a badge's requirements",
      role: 'admin',
      async handle({ params, siteId }) {
        const badgeId = id(params.get('badgeId'), 9);
        await siteBadge(siteId, badgeId);
        const { requirements } = await clients.requirements.call('ListRequirements', { siteId, badgeId });
        return { badgeId, requirements: requirements.map(requirementItem) };
      },
    },
    {
      paths: ['/badgeaction/add/:as'],
      doc: CALL_DOCS.addAction,
      summary: 'Add Action',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const name = actionName(params);
        const { action } = await mapped(clients.requirements.call('CreateAction', { siteId, name }), { conflict: 3 });
        return { added: true, actionId: action?.id ?? '' };
      },
    },
    {
      paths: ['/badgeaction/edit/:as'],
      doc: CALL_DOCS.editAction,
      summary: 'Edit Action (rename)',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const actionId = id(params.get('actionId'), 10);
        await siteAction(siteId, actionId);
        const name = actionName(params);
        await mapped(clients.requirements.call('UpdateAction', { siteId, actionId, name }), {
          conflict: 3,
          notFound: 10,
        });
        return { edited: true, actionId };
      },
    },
    {
      paths: ['/badgeaction/delete/:as'],
      doc: CALL_DOCS.deleteAction,
      summary: 'Delete Action, unless a requirement uses it',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const actionId = id(params.get('actionId'), 10);
        await mapped(clients.requirements.call('DeleteAction', { siteId, actionId }), { notFound: 10, conflict: 117 });
        return { deleted: true, actionId };
      },
    },
    {
      paths: ['/badgeactions/list/:as'],
      doc: CALL_DOCS.listActions,
      summary: 'List Actions',
      role: 'admin',
      async handle({ siteId }) {
        const { actions } = await clients.requirements.call('ListActions', { siteId });
        return { actions: actions.map((a) => ({ actionId: a.id, name: a.name })) };
      },
    },
    {
      paths: ['/user/action/add/:as'],
      doc: CALL_DOCS.addUserAction,
      summary: "Add User Action: adds to a member's count and evaluates them",
      role: 'admin',
      mutation: true,
      async handle(ctx) {
        const { params, siteId } = ctx;
        // §5.7's order, each parameter checked whole (existence included) before the next is read.
        const target = await memberOf(siteId, params);
        const actionId = id(params.get('actionId'), 10);
        await siteAction(siteId, actionId);
        const where = location(params.get('location'));
        const quantity = signedQuantity(params.get('quantity'));
        const { userActionId } = await mapped(
          clients.requirements.call('RecordUserAction', {
            siteId,
            userId: target.userId,
            actionId,
            location: where,
            quantity,
            idempotencyKey: idempotencyKey(ctx) ?? randomUUID(),
          }),
          { notFound: 10 },
        );
        return { added: true, userActionId };
      },
    },
    {
      paths: ['/user/badges/get/:as'],
      doc: CALL_DOCS.userBadges,
      summary: "Retrieve User's Badges",
      role: 'member',
      async handle({ params, siteId }) {
        const target = await memberOf(siteId, params);
        const badgeIds = await locationBadgeIds(siteId, params);
        const page = paging(params);
        if (badgeIds !== undefined && badgeIds.length === 0) return { totSize: 0, userId: target.userId, badges: [] };
        const { earnedBadges, pageInfo } = await clients.issuance.call('ListRecipientBadges', {
          siteId,
          userId: target.userId,
          email: target.email,
          badgeIds: badgeIds ?? [],
          order: 'EARNED_BADGE_ORDER_NEWEST_FIRST',
          onePerBadge: true,
          page,
        });
        const ids = earnedBadges.map((e) => e.badgeId);
        const { badges } =
          ids.length > 0
            ? await clients.catalog.call('ListBadges', { siteId, ids, archived: 'ARCHIVED_FILTER_ANY' })
            : { badges: [] };
        const byId = new Map(badges.map((b) => [b.id, b]));
        return {
          totSize: Number(pageInfo?.total ?? 0),
          userId: target.userId,
          badges: earnedBadges.flatMap((e) => {
            const b = byId.get(e.badgeId);
            if (!b) return [];
            const { published: _published, ...item } = badgeItem(b);
            return [item];
          }),
        };
      },
    },
    {
      paths: ['/user/badges/getstatus/:as'],
      doc: CALL_DOCS.userBadgeStatus,
      summary: "Retrieve User's Badge Status: published badges with the member's progress",
      role: 'member',
      async handle({ params, siteId }) {
        const target = await memberOf(siteId, params);
        const where = locationFilter(params);
        const page = paging(params);
        const { badges, pageInfo } = await clients.catalog.call('ListBadges', {
          siteId,
          published: true,
          ...(where !== undefined && { location: where }),
          page,
        });
        const ids = badges.map((b) => b.id);
        if (ids.length === 0) return { totSize: Number(pageInfo?.total ?? 0), userId: target.userId, badges: [] };
        const [{ badges: progress }, { earnedBadges }] = await Promise.all([
          clients.requirements.call('GetMemberProgress', { siteId, userId: target.userId, badgeIds: ids }),
          clients.issuance.call('ListRecipientBadges', {
            siteId,
            userId: target.userId,
            email: target.email,
            badgeIds: ids,
            order: 'EARNED_BADGE_ORDER_CREATED',
            onePerBadge: true,
          }),
        ]);
        const earned = new Map(earnedBadges.map((e) => [e.badgeId, e]));
        const progressOf = new Map(progress.map((p) => [p.badgeId, p]));
        return {
          totSize: Number(pageInfo?.total ?? 0),
          userId: target.userId,
          badges: badges.map((b) => {
            const e = earned.get(b.id);
            return {
              ...badgeItem(b),
              earned: String(e !== undefined),
              earnedAt: e ? Math.floor(new Date(e.issuedOn).getTime() / 1000) : null,
              requirements: (progressOf.get(b.id)?.requirements ?? []).map((r) => ({
                requirementId: r.requirement?.id ?? '',
                actionId: r.requirement?.actionId ?? '',
                location: r.requirement?.location ?? '',
                quantity: r.requirement?.quantity ?? '',
                userQuantity: r.userQuantity,
                met: String(r.met),
              })),
            };
          }),
        };
      },
    },
  ];
}
