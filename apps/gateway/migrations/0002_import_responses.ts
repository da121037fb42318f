import type { Migration } from '@laurel/service-kit';

/**
 * The first response of each customer-import batch (customer-badge-import.md
 * §4.7), kept so that a retry within 24 hours gets the same bytes back. The
 * awards themselves and the authoritative batch record (key and request
 * hash) live in issuance, which owns imports; this is only the answer's
 * text, which issuance's BulkAward contract has no field for. When it is
 * missing (a crash after issuance committed), the retry is still safe:
 * issuance answers every item as replayed and the response is rebuilt.
 */
export const importResponses: Migration = {
  name: '0002_import_responses',
  async up(knex) {
    await knex.schema.createTable('import_responses', (t) => {
      t.bigInteger('site_id').notNullable();
      t.text('batch_key').notNullable();
      t.text('request_hash').notNullable();
      t.text('response').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['site_id', 'batch_key']);
    });
    await knex.raw('create index import_responses_created_idx on import_responses (created_at)');
  },
};
