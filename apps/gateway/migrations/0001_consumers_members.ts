import type { Migration } from '@laurel/service-kit';

/**
 * API consumers and members (admin-api.md). A site is the catalog's system;
 * its id is stored here without a foreign key, because the table belongs to
 * another service (a consumer of a deleted system is simply unknown, §3.4).
 *
 * Uniqueness lives in indexes, not in application checks: consumer keys
 * globally, usernames and emails per site ignoring case. `member_sequences`
 * hands out each site's userIds; its row lock serialises concurrent creates
 * within one site, so ids are distinct and a failed batch consumes none.
 */
export const consumersMembers: Migration = {
  name: '0001_consumers_members',
  async up(knex) {
    await knex.schema.createTable('consumers', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable().index('consumers_site_idx');
      t.string('key', 64).notNullable().unique({ indexName: 'consumers_key_key' });
      t.string('name', 255).notNullable();
      t.specificType('permissions', 'text[]').notNullable();
      t.text('secret_hash').notNullable();
      t.text('secret_md5_hash').notNullable();
      t.text('secret_sealed').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });

    await knex.schema.createTable('member_sequences', (t) => {
      t.bigInteger('site_id').primary();
      t.bigInteger('last_user_id').notNullable();
    });

    await knex.schema.createTable('members', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.string('username', 64).notNullable();
      t.string('email', 255).notNullable();
      t.string('role', 16).notNullable().defaultTo('MEMBER');
      t.text('password_hash');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.unique(['site_id', 'user_id'], { indexName: 'members_site_user_key' });
    });
    await knex.raw(
      "alter table members add constraint members_role_check check (role in ('MEMBER', 'EDITOR', 'WEBMASTER'))",
    );
    await knex.raw('alter table members add constraint members_user_id_check check (user_id > 0)');
    await knex.raw('create unique index members_site_username_key on members (site_id, lower(username))');
    await knex.raw('create unique index members_site_email_key on members (site_id, lower(email))');
  },
};
