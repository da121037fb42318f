import type { Migration } from '@laurel/service-kit';

/**
 * Indexes for the hot read paths: a badge's milestones (BadgeKit's
 * single-badge GET asks for them on every read) and a system's milestones.
 */
export const readPaths: Migration = {
  name: '0003_read_paths',
  async up(knex) {
    await knex.raw('create index milestones_primary_badge_idx on milestones (primary_badge_id)');
    await knex.raw('create index milestones_system_idx on milestones (system_id, id)');
  },
};
