import type { Migration } from '@laurel/service-kit';

/**
 * Every version of a status list is published as a StatusListPublished event
 * through the outbox, exactly once (issue #11 item 3). `published_version` is
 * the version whose event was enqueued; the publisher claims lists whose
 * version is ahead of it. It is apart from `signed_version` because a fetch
 * may sign (and keep) a version before the publisher gets to it: the
 * publisher then publishes that same text rather than skipping the version.
 * Existing lists start unpublished, so each is published once after upgrade.
 */
export const statusListPublishing: Migration = {
  name: '0012_status_list_publishing',
  async up(knex) {
    await knex.schema.alterTable('status_lists', (t) => {
      t.bigInteger('published_version');
    });
  },
};
