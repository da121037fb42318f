/**
 * gRPC handlers of laurel.requirements.v1.Requirements: proto in, domain call,
 * proto out. This first version serves actions and members' counts; the
 * requirement calls come with the requirements-engine issue.
 */
import { DomainError, type UnaryHandlers } from '@laurel/service-kit';
import type { requirementsV1 } from '@laurel/protos';
import type { ActionRecord, ActionStore } from '../store/actions.js';
import type { CountStore } from '../store/counts.js';

const toActionMessage = (a: ActionRecord): requirementsV1.Action => ({ id: a.id, name: a.name, createdAt: a.createdAt.toISOString() });

export function requirementsHandlers(actions: ActionStore, counts: CountStore): UnaryHandlers<requirementsV1.RequirementsDefinition> {
  return {
    async CreateAction(request) {
      const name = request.name.trim();
      if (!name) throw DomainError.validation([{ field: 'name', value: '' }]);
      if (request.siteId === '0') throw DomainError.validation([{ field: 'siteId', value: '' }]);
      return { action: toActionMessage(await actions.create(request.siteId, name)) };
    },

    async ListMemberCounts(request) {
      const rows = await counts.forMember(request.siteId, request.userId);
      return { counts: rows.map((r) => ({ actionId: r.actionId, actionName: r.actionName, location: r.location, count: r.count })) };
    },
  };
}
