// Benchmark arrangement, not product code: fills claim-code's claims and
// issuance's earned_badges with `count` rows each, straight in the database
// with set-based SQL, so that a benchmark can show whether a claim or an
// award costs more when much is already stored. Writing the services' tables
// from outside is acceptable here only because nothing but the benchmark's
// own throw-away database is touched; the columns follow
// apps/claim-code/migrations/0001_claim_codes.ts and
// apps/issuance/migrations/0001_earned_badges.ts (other columns keep their defaults).
//
// The rows are spread as a long-lived installation's would be, by g % 20:
//   0-4   (25 %) on the measured multi-use code / the measured badge, each a different email,
//   5-7   (15 %) on the measured site's other badges (claims: each its own single-use code),
//   8-19  (60 %) on other sites' 2,000 badges (claims: half on single-use codes, half on
//                1,000 other multi-use codes),
// created over the past year, all awarded, so that no background sweep picks them up.
const CHUNK = 100_000;
const OTHER = 1_000_000; // ids of other sites and badges: above anything the benchmark creates, never looked up
const OTHER_MULTIUSE_CODES = 1000;

const spread = `spread as (
  select g, g % 20 as share, now() - (g % 31536000) * interval '1 second' as at, ${OTHER} + g % 2000 as other_badge
    from generate_series($1::bigint, $2::bigint) g)`;
// On the measured site: one of its other badges (or the measured one when it has no other).
const siteBadge = `($4::bigint[])[1 + g % cardinality($4::bigint[])]`;

const CLAIMS = `with ${spread},
  single_codes as (
    insert into claim_codes (site_id, badge_id, code, claimed, multiuse, created_at)
    select case when share < 8 then $3::bigint else ${OTHER} + other_badge % 200 end,
           case when share < 8 then ${siteBadge} else other_badge end,
           'preload-' || g, true, false, at
      from spread where share between 5 and 13
    returning id, site_id, badge_id, code, created_at),
  other_multiuse as (
    select id, site_id, badge_id, code from claim_codes where multiuse and code like 'preload-multi-%')
  insert into claims (claim_code_id, single_use, site_id, badge_id, code, email, state, earned_badge_id, request_key, attempts, next_attempt_at, created_at)
  select id, true, site_id, badge_id, code, code || '@example.org', 'awarded', gen_random_uuid(), gen_random_uuid()::text, 1, created_at, created_at
    from single_codes
  union all
  select m.id, false, m.site_id, m.badge_id, m.code, 'preload-' || s.g || '@example.org', 'awarded', gen_random_uuid(), gen_random_uuid()::text, 1, s.at, s.at
    from spread s join other_multiuse m on m.code = 'preload-multi-' || (s.g % ${OTHER_MULTIUSE_CODES}) where s.share >= 14
  union all
  select $5::bigint, false, $3::bigint, $6::bigint, $7, 'preload-' || g || '@example.org', 'awarded', gen_random_uuid(), gen_random_uuid()::text, 1, at, at
    from spread where share < 5`;

const OTHER_MULTIUSE = `insert into claim_codes (site_id, badge_id, code, claimed, multiuse)
  select ${OTHER} + k % 200, ${OTHER} + k, 'preload-multi-' || k, true, true from generate_series(0, ${OTHER_MULTIUSE_CODES - 1}) k`;

// The measured site's badges are created non-unique (as the peer client does), so a recipient may hold them twice; other sites' half and half.
const AWARDS = `with ${spread}
  insert into earned_badges (site_id, badge_id, email, uid, channel, idempotency_key, badge_unique, issued_on, claim_code, created_at)
  select case when share < 8 then $3::bigint else ${OTHER} + other_badge % 200 end,
         case when share < 5 then $5::bigint when share < 8 then ${siteBadge} else other_badge end,
         'preload-' || g || '@example.org',
         replace(gen_random_uuid()::text, '-', '') || lpad(to_hex(g), 8, '0'),
         case when g % 3 = 0 then 'claim' else 'direct' end,
         'preload-' || g,
         share >= 8 and g % 2 = 0,
         at,
         case when g % 3 = 0 then 'preload-code' end,
         at
    from spread`;

/**
 * Adds `count` claims and `count` earned badges around `measured` ({siteId,
 * badgeId, codeId, code}: the site, badge and multi-use code the benchmark
 * loads), then VACUUM ANALYZE and CHECKPOINT, so that the measurement sees
 * fresh planner statistics and is not charged for the autovacuum and the
 * flushing that the bulk insert would otherwise set off during it.
 */
export async function preload(client, count, measured, log) {
  const siteBadges = (
    await client.query('select id from catalog.badges where system_id = $1 and id <> $2 order by id', [
      measured.siteId,
      measured.badgeId,
    ])
  ).rows.map((r) => r.id);
  if (siteBadges.length === 0) siteBadges.push(measured.badgeId);
  await client.query('set search_path = claim_codes');
  await client.query(OTHER_MULTIUSE);
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await client.query('set search_path = claim_codes');
    await client.query(CLAIMS, [
      from,
      to,
      measured.siteId,
      siteBadges,
      measured.codeId,
      measured.badgeId,
      measured.code,
    ]);
    await client.query('set search_path = issuance');
    await client.query(AWARDS, [from, to, measured.siteId, siteBadges, measured.badgeId]);
    log(`preloaded ${to} claims and ${to} awards`);
  }
  await client.query('reset search_path');
  await client.query('vacuum analyze claim_codes.claim_codes, claim_codes.claims, issuance.earned_badges');
  try {
    await client.query('checkpoint');
  } catch (error) {
    log(`no CHECKPOINT (${error.message}): the measurement may be charged for flushing the preloaded rows`);
  }
}
