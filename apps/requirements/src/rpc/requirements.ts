/**
 * gRPC handlers of laurel.requirements.v1.Requirements: proto in, domain call,
 * proto out. Badge ids are checked against the catalog before anything is
 * written (the contract's promise); members are the gateway's and are not.
 */
import { DomainError, pageInfo, type UnaryHandlers, type CatalogClient } from '@laurel/service-kit';
import type { requirementsV1 } from '@laurel/protos';
import type { ActionRecord, ActionStore } from '../store/actions.js';
import type { CountStore } from '../store/counts.js';
import type { RequirementRecord, RequirementStore } from '../store/requirements.js';
import type { UserActionStore } from '../store/user-actions.js';
import { recordUserAction } from '../use-cases/record-user-action.js';

const toActionMessage = (a: ActionRecord): requirementsV1.Action => ({
  id: a.id,
  name: a.name,
  createdAt: a.createdAt.toISOString(),
});

const toRequirementMessage = (r: RequirementRecord): requirementsV1.Requirement => ({
  id: r.id,
  badgeId: r.badgeId,
  actionId: r.actionId,
  location: r.location,
  quantity: r.quantity,
  published: r.published,
});

export interface RequirementsHandlerDeps {
  actions: ActionStore;
  counts: CountStore;
  requirements: RequirementStore;
  userActions: UserActionStore;
  catalog: CatalogClient;
}

const isSet = (id: string | undefined): id is string => id !== undefined && id !== '' && id !== '0';

function requireSite(siteId: string): void {
  if (!isSet(siteId)) throw DomainError.validation([{ field: 'siteId', value: '' }]);
}

function quantityOf(value: string | undefined, field = 'quantity'): string | undefined {
  if (value === undefined) return undefined;
  if (BigInt(value) < 1n) throw DomainError.validation([{ field, value, message: 'must be 1 or more' }]);
  return value;
}

export function requirementsHandlers(
  deps: RequirementsHandlerDeps,
): UnaryHandlers<requirementsV1.RequirementsDefinition> {
  const { actions, counts, requirements, userActions } = deps;

  /** The badge must exist in the site; the catalog's ResourceNotFound goes back to the caller as is. */
  const requireBadge = async (siteId: string, badgeId: string | undefined): Promise<string> => {
    if (!isSet(badgeId)) throw DomainError.validation([{ field: 'badgeId', value: '' }]);
    const { badge } = await deps.catalog.call('GetBadge', { id: badgeId, siteId });
    if (!badge) throw DomainError.notFound('badge', 'id', badgeId);
    return badgeId;
  };

  const actionName = (name: string): string => {
    const trimmed = name.trim();
    if (!trimmed) throw DomainError.validation([{ field: 'name', value: '' }]);
    return trimmed;
  };

  return {
    async CreateAction(request) {
      requireSite(request.siteId);
      return { action: toActionMessage(await actions.create(request.siteId, actionName(request.name))) };
    },

    async GetAction(request) {
      requireSite(request.siteId);
      if (request.key === 'name')
        return { action: toActionMessage(await actions.getByName(request.siteId, request.name ?? '')) };
      if (!isSet(request.id)) throw DomainError.validation([{ field: 'id', value: '' }]);
      return { action: toActionMessage(await actions.get(request.siteId, request.id)) };
    },

    async ListActions(request) {
      requireSite(request.siteId);
      const { actions: list, total } = await actions.list(request.siteId, request.page);
      return { actions: list.map(toActionMessage), pageInfo: pageInfo(request.page, total) };
    },

    async UpdateAction(request) {
      requireSite(request.siteId);
      return {
        action: toActionMessage(await actions.rename(request.siteId, request.actionId, actionName(request.name))),
      };
    },

    async DeleteAction(request) {
      requireSite(request.siteId);
      return { action: toActionMessage(await actions.delete(request.siteId, request.actionId)) };
    },

    async AddRequirement(request) {
      requireSite(request.siteId);
      if (!isSet(request.actionId)) throw DomainError.validation([{ field: 'actionId', value: '' }]);
      const badgeId = await requireBadge(request.siteId, request.badgeId);
      const requirement = await requirements.add({
        siteId: request.siteId,
        badgeId,
        actionId: request.actionId,
        location: request.location,
        quantity: quantityOf(request.quantity) ?? '1',
        published: request.published ?? false,
        idempotencyKey: request.idempotencyKey,
      });
      return { requirement: toRequirementMessage(requirement) };
    },

    async UpdateRequirement(request) {
      requireSite(request.siteId);
      if (request.badgeId !== undefined) await requireBadge(request.siteId, request.badgeId);
      if (request.actionId !== undefined && !isSet(request.actionId))
        throw DomainError.validation([{ field: 'actionId', value: '' }]);
      const result = await requirements.update(request.siteId, request.requirementId, {
        badgeId: request.badgeId,
        actionId: request.actionId,
        location: request.location,
        quantity: quantityOf(request.quantity),
        published: request.published,
      });
      return { requirement: toRequirementMessage(result.requirement), changed: result.changed };
    },

    async DeleteRequirement(request) {
      requireSite(request.siteId);
      return { requirement: toRequirementMessage(await requirements.delete(request.siteId, request.requirementId)) };
    },

    async ListRequirements(request) {
      requireSite(request.siteId);
      const { requirements: list, total } = await requirements.list(
        request.siteId,
        request.badgeId,
        request.published,
        request.page,
      );
      return { requirements: list.map(toRequirementMessage), pageInfo: pageInfo(request.page, total) };
    },

    async DeleteBadgeRequirements(request) {
      requireSite(request.siteId);
      if (!isSet(request.badgeId)) throw DomainError.validation([{ field: 'badgeId', value: '' }]);
      return {
        requirements: (await requirements.deleteForBadge(request.siteId, request.badgeId)).map(toRequirementMessage),
      };
    },

    async ReevaluateBadge(request) {
      requireSite(request.siteId);
      await requireBadge(request.siteId, request.badgeId);
      await requirements.reevaluate(request.siteId, request.badgeId);
      return {};
    },

    async RecordUserAction(request) {
      requireSite(request.siteId);
      if (!isSet(request.userId)) throw DomainError.validation([{ field: 'userId', value: '' }]);
      if (!isSet(request.actionId)) throw DomainError.validation([{ field: 'actionId', value: '' }]);
      if (!request.idempotencyKey) throw DomainError.validation([{ field: 'idempotencyKey', value: '' }]);
      const result = await recordUserAction(
        { userActions, counts },
        {
          siteId: request.siteId,
          userId: request.userId,
          actionId: request.actionId,
          location: request.location,
          quantity: request.quantity ?? '1',
          idempotencyKey: request.idempotencyKey,
        },
      );
      return { userActionId: result.userActionId, count: result.count };
    },

    async ListMemberCounts(request) {
      const rows = await counts.forMember(request.siteId, request.userId);
      return {
        counts: rows.map((r) => ({
          actionId: r.actionId,
          actionName: r.actionName,
          location: r.location,
          count: r.count,
        })),
      };
    },

    async GetMemberProgress(request) {
      requireSite(request.siteId);
      const published = await requirements.publishedFor(request.siteId, request.badgeIds);
      const memberCounts = await counts.forMember(request.siteId, request.userId);
      const countOf = new Map(memberCounts.map((c) => [`${c.actionId}:${c.location}`, BigInt(c.count)]));
      const byBadge = new Map<string, RequirementRecord[]>();
      for (const r of published) byBadge.set(r.badgeId, [...(byBadge.get(r.badgeId) ?? []), r]);
      const badgeIds = request.badgeIds.length > 0 ? request.badgeIds : [...byBadge.keys()];
      return {
        badges: badgeIds.map((badgeId) => {
          const progress = (byBadge.get(badgeId) ?? []).map((r) => {
            const have = countOf.get(`${r.actionId}:${r.location}`) ?? 0n;
            return {
              requirement: toRequirementMessage(r),
              userQuantity: have.toString(),
              met: have >= BigInt(r.quantity),
            };
          });
          return { badgeId, requirements: progress, qualified: progress.length > 0 && progress.every((p) => p.met) };
        }),
      };
    },
  };
}
