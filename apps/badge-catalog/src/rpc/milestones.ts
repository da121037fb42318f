/**
 * Milestones over gRPC: proto in, use case or store call, proto out
 * (BadgeKit §13 with the D-16 fixes). A milestone belongs to the system in
 * the request, and every badge it names must be a badge of that system
 * (use-cases/locked-milestone.ts).
 */
import { pageInfo, pageWindow, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { milestoneNotFound, type MilestoneChange, type MilestoneValues } from '../domain/milestone.js';
import { BadgeStore } from '../store/badges.js';
import { findSystem } from '../store/context.js';
import { MilestoneStore } from '../store/milestones.js';
import { addMilestoneBadge } from '../use-cases/add-milestone-badge.js';
import { createMilestone } from '../use-cases/create-milestone.js';
import { deleteMilestone } from '../use-cases/delete-milestone.js';
import type { MilestoneDeps } from '../use-cases/locked-milestone.js';
import { withBadges, withBadgesOne } from '../use-cases/milestone-badges.js';
import { removeMilestoneBadge } from '../use-cases/remove-milestone-badge.js';
import { updateMilestone } from '../use-cases/update-milestone.js';
import type { CatalogDeps } from './deps.js';
import { toMilestoneMessage, toMilestoneMessages } from './present.js';

type CatalogDefinition = catalogV1.CatalogDefinition;

function fromFields(fields: catalogV1.MilestoneFields__Output | null): MilestoneChange {
  const values: MilestoneValues = {};
  if (fields?.numberRequired !== undefined) values.numberRequired = fields.numberRequired;
  if (fields?.primaryBadgeId !== undefined) values.primaryBadgeId = fields.primaryBadgeId;
  // The contract has no other way to clear an action, and "" is never a valid one.
  if (fields?.action !== undefined) values.action = fields.action === '' ? null : fields.action;
  return { values, ...(fields?.supportBadgeIds && { supportBadgeIds: fields.supportBadgeIds.items }) };
}

export function milestoneHandlers({ db }: CatalogDeps) {
  const deps: MilestoneDeps = { db, milestones: new MilestoneStore(db), badges: new BadgeStore(db) };
  const { milestones, badges } = deps;

  return {
    async CreateMilestone(request) {
      const milestone = await createMilestone(deps, {
        systemSlug: request.systemSlug,
        change: fromFields(request.fields),
      });
      return { milestone: toMilestoneMessage(milestone) };
    },

    async GetMilestone(request) {
      const system = await findSystem(db, request.systemSlug);
      const record = await milestones.find(system.id, request.milestoneId);
      if (!record) throw milestoneNotFound(request.milestoneId);
      return { milestone: toMilestoneMessage(await withBadgesOne(badges, record, db)) };
    },

    async ListMilestones(request) {
      const system = await findSystem(db, request.systemSlug);
      const filters = {
        ...(request.supportBadgeId !== '0' && { supportBadgeId: request.supportBadgeId }),
        ...(request.primaryBadgeId !== '0' && { primaryBadgeId: request.primaryBadgeId }),
      };
      const { milestones: records, total } = await milestones.list(system.id, filters, pageWindow(request.page));
      return {
        milestones: toMilestoneMessages(await withBadges(badges, records, db)),
        pageInfo: pageInfo(request.page, total),
      };
    },

    async UpdateMilestone(request) {
      const { systemSlug, milestoneId } = request;
      return {
        milestone: toMilestoneMessage(
          await updateMilestone(deps, { systemSlug, milestoneId, change: fromFields(request.fields) }),
        ),
      };
    },

    async DeleteMilestone(request) {
      return {
        milestone: toMilestoneMessage(
          await deleteMilestone(deps, { systemSlug: request.systemSlug, milestoneId: request.milestoneId }),
        ),
      };
    },

    async AddMilestoneBadge(request) {
      const { milestone, changed } = await addMilestoneBadge(deps, {
        systemSlug: request.systemSlug,
        milestoneId: request.milestoneId,
        badgeId: request.badgeId,
      });
      return { milestone: toMilestoneMessage(milestone), changed };
    },

    async RemoveMilestoneBadge(request) {
      const { milestone, changed } = await removeMilestoneBadge(deps, {
        systemSlug: request.systemSlug,
        milestoneId: request.milestoneId,
        badgeId: request.badgeId,
      });
      return { milestone: toMilestoneMessage(milestone), changed };
    },
  } satisfies UnaryHandlerGroup<CatalogDefinition>;
}
