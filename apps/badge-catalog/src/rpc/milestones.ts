/**
 * Milestones over gRPC: proto in, domain call, proto out (BadgeKit §13 with
 * the D-16 fixes). A milestone belongs to the system in the request, and
 * every badge it names must be a badge of that system. Every problem is found
 * before anything is written, so a rejected request leaves no trace.
 */
import { DomainError, pageInfo, pageWindow, type FieldProblem, type Knex, type UnaryHandlers } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { findSystem } from '../store/context.js';
import { MilestoneStore, type MilestoneRecord, type MilestoneValues } from '../store/milestones.js';
import type { CatalogDeps } from './deps.js';
import { toMilestoneMessage, toMilestoneMessages } from './present.js';

type CatalogDefinition = catalogV1.CatalogDefinition;

const MILESTONE_ACTIONS: readonly string[] = ['issue', 'queue-application'];

/** The badge ids must be the system's: the same set rule as BadgeKit's "one of" check, hence its message. */
const NOT_A_BADGE_OF_SYSTEM = 'Unexpected value or invalid argument';
const DUPLICATE = 'Duplicate value';

/** Storage column order (§2.5), so that details come out in a stable order. */
const FIELD_ORDER = ['action', 'numberRequired', 'primaryBadgeId', 'supportBadges', 'badgeId'];

interface MilestoneChange {
  values: MilestoneValues;
  /** Undefined: links unchanged (update) or missing (create). */
  supportBadgeIds?: string[];
}

/** An id as a client wrote it: a JSON number whenever it fits one. */
const asReported = (id: string): number | string => (Number.isSafeInteger(Number(id)) ? Number(id) : id);

function fromFields(fields: catalogV1.MilestoneFields__Output | null): MilestoneChange {
  const values: MilestoneValues = {};
  if (fields?.numberRequired !== undefined) values.numberRequired = fields.numberRequired;
  if (fields?.primaryBadgeId !== undefined) values.primaryBadgeId = fields.primaryBadgeId;
  // The contract has no other way to clear an action, and "" is never a valid one.
  if (fields?.action !== undefined) values.action = fields.action === '' ? null : fields.action;
  return { values, ...(fields?.supportBadgeIds && { supportBadgeIds: fields.supportBadgeIds.items }) };
}

/** What can be said without the database; `partial` for updates, where absent means unchanged. */
function shapeProblems(change: MilestoneChange, partial: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { values, supportBadgeIds } = change;
  if (!partial && values.numberRequired === undefined) problems.push({ field: 'numberRequired', value: '' });
  if (!partial && values.primaryBadgeId === undefined) problems.push({ field: 'primaryBadgeId', value: '' });
  // BadgeKit reported a bad action without a message (§13.2).
  if (values.action != null && !MILESTONE_ACTIONS.includes(values.action)) problems.push({ field: 'action', value: values.action });
  if (!partial && supportBadgeIds === undefined) problems.push({ field: 'supportBadges', value: '' });
  const duplicates = [...new Set((supportBadgeIds ?? []).filter((id, i, all) => all.indexOf(id) !== i))];
  if (duplicates.length > 0) problems.push({ message: DUPLICATE, field: 'supportBadges', value: duplicates.map(asReported) });
  return problems;
}

async function membershipProblems(store: MilestoneStore, systemId: string, change: MilestoneChange, trx: Knex): Promise<FieldProblem[]> {
  const primary = change.values.primaryBadgeId;
  const support = change.supportBadgeIds ?? [];
  const known = await store.badgesOfSystem(systemId, [...(primary === undefined ? [] : [primary]), ...support], trx);
  const problems: FieldProblem[] = [];
  if (primary !== undefined && !known.has(primary)) problems.push({ message: NOT_A_BADGE_OF_SYSTEM, field: 'primaryBadgeId', value: asReported(primary) });
  const unknown = [...new Set(support.filter((id) => !known.has(id)))];
  if (unknown.length > 0) problems.push({ message: NOT_A_BADGE_OF_SYSTEM, field: 'supportBadges', value: unknown.map(asReported) });
  return problems;
}

function failIfAny(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const rank = (p: FieldProblem) => FIELD_ORDER.indexOf(p.field);
  throw DomainError.validation([...problems].sort((a, b) => rank(a) - rank(b)));
}

const notFound = (id: string) => DomainError.notFound('milestone', 'id', id);

export function milestoneHandlers({ db }: CatalogDeps): UnaryHandlers<CatalogDefinition> {
  const store = new MilestoneStore(db);

  /** Runs `change` on the system's milestone under a row lock, and answers the milestone as it then is. */
  async function withLockedMilestone<T>(
    systemSlug: string,
    milestoneId: string,
    change: (current: MilestoneRecord, systemId: string, trx: Knex) => Promise<T>,
  ): Promise<{ milestone: catalogV1.Milestone; result: T }> {
    const system = await findSystem(db, systemSlug);
    return db.transaction(async (trx) => {
      const current = await store.find(system.id, milestoneId, trx, { lock: true });
      if (!current) throw notFound(milestoneId);
      const result = await change(current, system.id, trx);
      const after = await store.find(system.id, milestoneId, trx);
      if (!after) throw notFound(milestoneId);
      return { milestone: await toMilestoneMessage(after, trx), result };
    });
  }

  /** Checks a support badge for add/remove: it must be a badge of the milestone's system. */
  async function checkBadgeId(systemId: string, badgeId: string, trx: Knex): Promise<void> {
    const known = await store.badgesOfSystem(systemId, [badgeId], trx);
    if (!known.has(badgeId)) failIfAny([{ message: NOT_A_BADGE_OF_SYSTEM, field: 'badgeId', value: asReported(badgeId) }]);
  }

  return {
    async CreateMilestone(request) {
      const system = await findSystem(db, request.systemSlug);
      const change = fromFields(request.fields);
      const record = await db.transaction(async (trx) => {
        failIfAny([...shapeProblems(change, false), ...(await membershipProblems(store, system.id, change, trx))]);
        const { numberRequired = '0', primaryBadgeId = '0', action = null } = change.values;
        return store.insert(system.id, { numberRequired, primaryBadgeId, action }, change.supportBadgeIds ?? [], trx);
      });
      return { milestone: await toMilestoneMessage(record, db) };
    },

    async GetMilestone(request) {
      const system = await findSystem(db, request.systemSlug);
      const record = await store.find(system.id, request.milestoneId);
      if (!record) throw notFound(request.milestoneId);
      return { milestone: await toMilestoneMessage(record, db) };
    },

    async ListMilestones(request) {
      const system = await findSystem(db, request.systemSlug);
      const filters = {
        ...(request.supportBadgeId !== '0' && { supportBadgeId: request.supportBadgeId }),
        ...(request.primaryBadgeId !== '0' && { primaryBadgeId: request.primaryBadgeId }),
      };
      const { milestones, total } = await store.list(system.id, filters, pageWindow(request.page));
      return { milestones: await toMilestoneMessages(milestones, db), pageInfo: pageInfo(request.page, total) };
    },

    async UpdateMilestone(request) {
      const change = fromFields(request.fields);
      const { milestone } = await withLockedMilestone(request.systemSlug, request.milestoneId, async (current, systemId, trx) => {
        failIfAny([...shapeProblems(change, true), ...(await membershipProblems(store, systemId, change, trx))]);
        await store.update(current.id, change.values, change.supportBadgeIds, trx);
      });
      return { milestone };
    },

    async DeleteMilestone(request) {
      const system = await findSystem(db, request.systemSlug);
      const milestone = await db.transaction(async (trx) => {
        const current = await store.find(system.id, request.milestoneId, trx, { lock: true });
        if (!current) throw notFound(request.milestoneId);
        const message = await toMilestoneMessage(current, trx);
        await store.delete(current.id, trx);
        return message;
      });
      return { milestone };
    },

    async AddMilestoneBadge(request) {
      const { milestone, result: changed } = await withLockedMilestone(request.systemSlug, request.milestoneId, async (current, systemId, trx) => {
        await checkBadgeId(systemId, request.badgeId, trx);
        return store.addLink(current.id, request.badgeId, trx);
      });
      return { milestone, changed };
    },

    async RemoveMilestoneBadge(request) {
      const { milestone, result: changed } = await withLockedMilestone(request.systemSlug, request.milestoneId, async (current, systemId, trx) => {
        await checkBadgeId(systemId, request.badgeId, trx);
        return store.removeLink(current.id, request.badgeId, trx);
      });
      return { milestone, changed };
    },
  };
}
