/**
 * Concurrent multi-use claims share one statement (ClaimStore.claimMultiUse),
 * against a real PostgreSQL: every claim is answered exactly as alone (the
 * code it found or none, its inserted claim or none when its email had
 * claimed the code, or its own error), ids keep the order the claims came
 * in (the latest claimant), a code is marked claimed once, and fewer
 * transactions than claims are written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, DomainError, migrate, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { codeKey } from '../src/domain/codes.js';
import { ClaimCodeStore, sqlCodeKey } from '../src/store/claim-codes.js';
import { ClaimStore, type ClaimDetails, type MultiUseAttempt } from '../src/store/claims.js';

const SCHEMA = 'claim_codes';
const SITE = '1';
const BADGE = '2';
let database: TestDatabase;
let db: Knex;
let claims: ClaimStore;

interface Written {
  id: string;
  email: string | null;
  xmin: string;
}
const written = (codeId: string): Promise<Written[]> =>
  db('claims').where({ claim_code_id: codeId }).select('id', 'email', db.raw('xmin::text as xmin')).orderBy('id');

async function code(name: string, multiuse = true): Promise<string> {
  const [row] = await db('claim_codes')
    .insert({ site_id: SITE, badge_id: BADGE, code: name, multiuse })
    .returning<{ id: string }[]>('id');
  return String(row?.id);
}

const details = (email: string | null, fields: Partial<ClaimDetails> = {}): ClaimDetails => ({
  email,
  user_id: null,
  state: email === null ? 'none' : 'pending',
  request_key: null,
  uid: null,
  issued_on: null,
  expires: null,
  comment: null,
  public_origin: null,
  ...fields,
});
const claim = (name: string, d: ClaimDetails): Promise<MultiUseAttempt> =>
  claims.claimMultiUse({ siteId: SITE, badgeId: BADGE, code: name }, d);

/**
 * Claims submitted while a first one (of a code of its own) is in flight, so
 * that they share the next statement; each settles with its attempt or its error.
 */
let lone = 0;
async function behindOne(batch: { name: string; details: ClaimDetails }[]): Promise<unknown[]> {
  lone += 1;
  const first = `lone-${lone}`;
  await code(first);
  const [, ...rest] = await Promise.all([
    claim(first, details(null)),
    ...batch.map((c) =>
      claim(c.name, c.details).then(
        (attempt) => attempt,
        (error: unknown) => error,
      ),
    ),
  ]);
  return rest;
}

beforeAll(async () => {
  database = await freshDatabase('claim-batch');
  db = createDatabase({ url: database.url, schema: SCHEMA, poolMax: 5, applicationName: 'claim-batch-test' });
  await migrate(db, SCHEMA, migrations);
  claims = new ClaimStore(db);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('concurrent claims of multi-use codes', () => {
  it('record 45 claimants of one code, each answered with its own claim, in fewer transactions than claims, the last one latest', async () => {
    const codeId = await code('crowd');
    const emails = Array.from({ length: 45 }, (_, i) => `crowd-${i}@example.org`);
    const attempts = await Promise.all(emails.map((email) => claim('crowd', details(email))));
    attempts.forEach((attempt, i) => {
      expect(attempt.code).toMatchObject({ id: codeId, multiuse: true });
      expect(attempt.claim).toMatchObject({
        claim_code_id: codeId,
        email: emails[i],
        state: 'pending',
        single_use: false,
      });
    });
    expect(new Set(attempts.map((a) => a.claim?.id)).size).toBe(45);

    const rows = await written(codeId);
    expect(rows).toHaveLength(45);
    // The first claim goes alone; the ones that arrived meanwhile share the next statement(s).
    expect(new Set(rows.map((row) => row.xmin)).size).toBeLessThanOrEqual(2);
    // Ids follow the order the claims came in, so the last one is the code's latest claimant.
    expect(rows.map((row) => row.email)).toEqual(emails);
    expect(attempts.map((a) => a.claim?.id)).toEqual(rows.map((row) => row.id));
    const shown = await new ClaimCodeStore(db).find({ siteId: SITE, badgeId: BADGE, code: 'crowd' });
    expect(shown).toMatchObject({ claimed: true, email: emails[44] });
  });

  it('of one email twice in one statement (spelled otherwise): the first is recorded, the second finds the code and no claim', async () => {
    const codeId = await code('twice');
    const [first, second, other] = (await behindOne([
      { name: 'twice', details: details('Twin@example.org') },
      { name: 'twice', details: details('twin@EXAMPLE.org') },
      { name: 'twice', details: details('other@example.org') },
    ])) as MultiUseAttempt[];
    expect(first).toMatchObject({ code: { id: codeId }, claim: { email: 'Twin@example.org' } });
    expect(second?.code).toMatchObject({ id: codeId });
    expect(second?.claim).toBeUndefined();
    expect(other).toMatchObject({ code: { id: codeId }, claim: { email: 'other@example.org' } });
    const rows = await written(codeId);
    expect(rows.map((row) => row.email)).toEqual(['Twin@example.org', 'other@example.org']);
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
  });

  it('mark a code claimed once: a code already claimed is not written again', async () => {
    const codeId = await code('marked');
    await behindOne([
      { name: 'marked', details: details('a@example.org') },
      { name: 'marked', details: details('b@example.org') },
    ]);
    const [before] = await db('claim_codes')
      .where({ id: codeId })
      .select<{ claimed: boolean; xmin: string }[]>('claimed', db.raw('xmin::text as xmin'));
    expect(before).toMatchObject({ claimed: true });
    await behindOne([
      { name: 'marked', details: details('c@example.org') },
      { name: 'marked', details: details('d@example.org') },
    ]);
    const [after] = await db('claim_codes')
      .where({ id: codeId })
      .select<{ claimed: boolean; xmin: string }[]>('claimed', db.raw('xmin::text as xmin'));
    expect(after).toEqual(before);
    expect(await written(codeId)).toHaveLength(4);
  });

  it('with a value PostgreSQL cannot store: that claim alone fails, as it would alone, and the others are recorded', async () => {
    const codeId = await code('refused');
    // uid is varchar(255): the batch must refuse it, not truncate it.
    const batch = Array.from({ length: 5 }, (_, i) => ({
      name: 'refused',
      details: details(`refused-${i}@example.org`, i === 2 ? { uid: 'u'.repeat(300) } : {}),
    }));
    const settled = await behindOne(batch);
    settled.forEach((result, i) => {
      if (i === 2) expect(result).toBeInstanceOf(DomainError);
      else expect(result).toMatchObject({ code: { id: codeId }, claim: { email: `refused-${i}@example.org` } });
    });
    expect((await written(codeId)).map((row) => row.email).sort()).toEqual(
      [0, 1, 3, 4].map((i) => `refused-${i}@example.org`),
    );
  });

  it('of an unknown code or a single-use one in one statement: no code, or the code unclaimed, and no claim; the rest are recorded', async () => {
    const multi = await code('known');
    const single = await code('single', false);
    const [unknown, singleUse, known] = (await behindOne([
      { name: 'no-such-code', details: details('x@example.org') },
      { name: 'SINGLE  ', details: details('y@example.org') },
      { name: 'Known ', details: details('z@example.org') },
    ])) as MultiUseAttempt[];
    expect(unknown).toEqual({ code: undefined, claim: undefined });
    expect(singleUse).toEqual({
      code: expect.objectContaining({ id: single, multiuse: false, claimed: false }) as unknown,
      claim: undefined,
    });
    expect(known).toMatchObject({ code: { id: multi }, claim: { email: 'z@example.org' } });
    expect(await written(single)).toEqual([]);
    expect(await db('claim_codes').where({ id: single }).first('claimed')).toEqual({ claimed: false });
  });

  it('without an email, in one statement: each claim gets its own row', async () => {
    const codeId = await code('nameless');
    const attempts = (await behindOne(
      Array.from({ length: 6 }, () => ({ name: 'nameless', details: details(null) })),
    )) as MultiUseAttempt[];
    const rows = await written(codeId);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
    expect(attempts.map((a) => a.claim?.id)).toEqual(rows.map((row) => row.id));
    attempts.forEach((attempt) => expect(attempt.claim).toMatchObject({ email: null, state: 'none' }));
  });
});

describe('the code key', () => {
  it('is the same in JS (codeKey) as in the SQL the index and look-ups use (sqlCodeKey)', async () => {
    const samples = ['AbC  ', '  AbC  ', 'a b ', 'abc\t', 'abc\n ', 'abc\u00a0', 'MiXeD-42', ''];
    const { rows } = await db.raw<{ rows: { keys: string[] }[] }>(
      `select array[${samples.map(() => sqlCodeKey('?::text')).join(', ')}] as keys`,
      samples,
    );
    expect(rows[0]?.keys).toEqual(samples.map(codeKey));
  });
});

describe('codes looked up together (ClaimCodeStore.find)', () => {
  it('answers 30 concurrent look-ups each with its own code as shown, or none, in fewer statements than look-ups', async () => {
    const codes = new ClaimCodeStore(db);
    const ids = {
      plain: await code('find-plain'),
      single: await code('find-single', false),
      claimed: await code('find-claimed'),
    };
    await claim('find-claimed', details('latest@example.org'));
    const asked = ['find-plain', 'FIND-SINGLE', 'find-claimed  ', 'find-unknown', 'find-plain'];
    const expected = [
      { id: ids.plain, multiuse: true, email: null },
      { id: ids.single, multiuse: false, email: null },
      { id: ids.claimed, multiuse: true, email: 'latest@example.org' },
      undefined,
      { id: ids.plain },
    ];
    let statements = 0;
    const client = db.client as { acquireConnection: () => Promise<unknown> };
    const acquire = client.acquireConnection.bind(client);
    client.acquireConnection = () => ((statements += 1), acquire());
    try {
      const found = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          codes.find({ siteId: SITE, badgeId: BADGE, code: asked[i % asked.length] ?? '' }),
        ),
      );
      found.forEach((row, i) => {
        const want = expected[i % expected.length];
        if (want === undefined) expect(row).toBeUndefined();
        else expect(row).toMatchObject(want);
      });
      expect(statements).toBeLessThan(10);
    } finally {
      client.acquireConnection = acquire;
    }
  });

  it('fails only the look-up PostgreSQL refuses, when it shares a statement with others', async () => {
    const codes = new ClaimCodeStore(db);
    await code('find-next-to-bad');
    const settled = await Promise.allSettled(
      ['find-next-to-bad', 'bad\u0000code', 'find-next-to-bad'].map((name) =>
        codes.find({ siteId: SITE, badgeId: BADGE, code: name }),
      ),
    );
    expect(settled[0]).toMatchObject({ status: 'fulfilled', value: { code: 'find-next-to-bad' } });
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: { reason: 'ValidationError' } });
    expect(settled[2]).toMatchObject({ status: 'fulfilled', value: { code: 'find-next-to-bad' } });
  });
});

describe('codes drawn together (ClaimCodeStore.draw)', () => {
  const plain = (name: string) => ({ code: name, claimed: false, email: null, multiuse: false });
  const draw = (codes: ClaimCodeStore, names: string[], requestKey: string | null, badgeId = BADGE) =>
    codes.draw({ siteId: SITE, badgeId, codes: names.map(plain), requestKey, replayable: true });

  it('inserts 30 concurrent draws each with its own codes, in input order, in fewer transactions than draws', async () => {
    const codes = new ClaimCodeStore(db);
    const drawn = await Promise.all(
      Array.from({ length: 30 }, (_, i) => draw(codes, [`drawn-${i}-a`, `drawn-${i}-b`], `draw-key-${i}`)),
    );
    drawn.forEach((answer, i) => {
      expect(answer.replay).toBe(false);
      expect(answer.inserted.map((row) => [row.code, row.request_key])).toEqual([
        [`drawn-${i}-a`, `draw-key-${i}`],
        [`drawn-${i}-b`, `draw-key-${i}`],
      ]);
      expect(Number(answer.inserted[0]?.id)).toBeLessThan(Number(answer.inserted[1]?.id));
    });
    const rows = await db('claim_codes').where('code', 'like', 'drawn-%').select(db.raw('xmin::text as xmin'));
    expect(rows).toHaveLength(60);
    // The first draw goes alone; the ones that arrived meanwhile share the next statement(s).
    expect(new Set(rows.map((row: { xmin: string }) => row.xmin)).size).toBeLessThanOrEqual(3);
  });

  it('in one statement: a retried key is a replay that inserts nothing, a code that exists is skipped, the same code drawn twice goes to the first', async () => {
    const codes = new ClaimCodeStore(db);
    await draw(codes, ['replayed-a'], 'replayed-key');
    await code('existing-code', false);
    const [, retry, collided, first, second, otherBadge] = await Promise.all([
      draw(codes, ['lead-draw'], null),
      draw(codes, ['replayed-b'], 'replayed-key'),
      draw(codes, ['EXISTING-CODE', 'fresh-code'], 'collided-key'),
      draw(codes, ['twice-drawn'], 'twice-1'),
      draw(codes, ['twice-drawn'], 'twice-2'),
      // Another badge's key and code are its own.
      draw(codes, ['replayed-a'], 'replayed-key', '3'),
    ]);
    expect(retry).toEqual({ inserted: [], replay: true });
    expect(await db('claim_codes').where({ code: 'replayed-b' }).count<{ n: string }[]>({ n: '*' })).toEqual([
      { n: '0' },
    ]);
    expect(collided.replay).toBe(false);
    expect(collided.inserted.map((row) => row.code)).toEqual(['fresh-code']);
    expect(first.inserted.map((row) => [row.code, row.request_key])).toEqual([['twice-drawn', 'twice-1']]);
    expect(second.inserted).toEqual([]);
    expect(otherBadge.inserted.map((row) => [row.badge_id, row.code])).toEqual([['3', 'replayed-a']]);
  });

  it('a draw that is not replayable (a redraw, a chosen code) inserts under a key that codes of its badge carry already', async () => {
    const codes = new ClaimCodeStore(db);
    await draw(codes, ['redraw-first'], 'redraw-key');
    const redraw = await codes.draw({
      siteId: SITE,
      badgeId: BADGE,
      codes: [plain('redraw-second')],
      requestKey: 'redraw-key',
      replayable: false,
    });
    expect(redraw.replay).toBe(false);
    expect(redraw.inserted.map((row) => [row.code, row.request_key])).toEqual([['redraw-second', 'redraw-key']]);
    expect((await codes.byRequestKey(SITE, BADGE, 'redraw-key')).map((row) => row.code)).toEqual([
      'redraw-first',
      'redraw-second',
    ]);
  });

  it('fails only the draw PostgreSQL refuses, when it shares a statement with others', async () => {
    const codes = new ClaimCodeStore(db);
    const settled = await Promise.allSettled([
      draw(codes, ['bad-neighbour-lead'], null),
      draw(codes, ['bad-neighbour-1'], null),
      draw(codes, ['bad\u0000drawn'], null),
      draw(codes, ['bad-neighbour-2'], null),
    ]);
    expect(settled[1]).toMatchObject({
      status: 'fulfilled',
      value: { inserted: [expect.objectContaining({ code: 'bad-neighbour-1' })] },
    });
    expect(settled[2]).toMatchObject({ status: 'rejected', reason: { reason: 'ValidationError' } });
    expect(settled[3]).toMatchObject({
      status: 'fulfilled',
      value: { inserted: [expect.objectContaining({ code: 'bad-neighbour-2' })] },
    });
  });
});
