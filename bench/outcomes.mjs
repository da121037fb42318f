// bench/outcomes: outcomes counted and the awards they earn made, through the
// real processes (issue 6's goals on a 2-core machine: >= 10,000 outcomes/s
// from Kafka, >= 2,000 outcomes/s through POST /api/v2/Outcome).
// 1. `--outcomes` OutcomeRecorded events for `--members` members written
//    straight to the topic; the clock stops when the last is counted and every
//    award it earned exists (the badge needs outcomes/members of them, so every
//    member earns it exactly once).
// 2. POST /api/v2/Outcome with `--concurrency` clients for `--seconds`; then the
//    time until every acknowledged outcome is counted.
//   npm run bench -- outcomes [--outcomes 200000] [--members 20000] [--seconds 10] [--concurrency 64]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startSystem, testProducer } from '@laurel/testkit';
import { encodeEvent, topicName } from '@laurel/service-kit';
import { formatResult, runLoad } from './lib/load.mjs';
import { database, newEventId, setupSite, waitFor } from './lib/requirements-setup.mjs';

const { values } = parseArgs({
  options: {
    outcomes: { type: 'string', default: '200000' },
    members: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '64' },
    'rest-members': { type: 'string', default: '500' },
  },
});
const outcomeCount = Number(values.outcomes);
const memberCount = Number(values.members);
const perMember = Math.ceil(outcomeCount / memberCount);

const system = await startSystem('bench-outcomes', { env: { LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '10' } });
const db = await database(system);
const producer = await testProducer();
try {
  console.log(
    `\nbench/outcomes on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  const kafkaSite = await setupSite(system, { slug: 'bench-kafka', quantity: perMember });
  const topic = topicName(system.topicPrefix, 'outcomeRecorded');
  const counted = async (site) =>
    Number(
      (await db.query('select coalesce(sum(count), 0) as n from requirements.member_counts where site_id = $1', [site]))
        .rows[0].n,
    );
  const awarded = async (site) =>
    Number(
      (
        await db.query("select count(*) as n from requirements.due_awards where site_id = $1 and state = 'awarded'", [
          site,
        ])
      ).rows[0].n,
    );

  // Encoded up front, so the clock measures Laurel rather than this script's JSON encoding.
  const batches = [];
  for (let start = 0; start < outcomeCount; start += 5000) {
    const messages = [];
    for (let i = start; i < Math.min(outcomeCount, start + 5000); i += 1) {
      const memberId = String(1_000_000 + (i % memberCount));
      const encoded = encodeEvent('OutcomeRecorded', {
        eventId: newEventId(),
        occurredAt: new Date().toISOString(),
        siteId: kafkaSite.site,
        memberId,
        action: 'bench',
      });
      messages.push({ key: memberId, value: encoded.value, headers: encoded.headers });
    }
    batches.push(messages);
  }
  const started = Date.now();
  for (const messages of batches) await producer.send({ topic, acks: -1, messages });
  const produced = Date.now();
  await waitFor(
    () => counted(kafkaSite.site),
    (n) => n >= outcomeCount,
  );
  const allCounted = Date.now();
  await waitFor(
    () => awarded(kafkaSite.site),
    (n) => n >= memberCount,
  );
  const allAwarded = Date.now();
  const rate = (ms) => (outcomeCount / (ms / 1000)).toFixed(0);
  console.log(
    `Kafka: ${outcomeCount} outcomes for ${memberCount} members (${perMember} each, badge needs ${perMember})`,
  );
  console.log(
    `  produced in ${((produced - started) / 1000).toFixed(1)} s; all counted after ${((allCounted - started) / 1000).toFixed(1)} s (${rate(allCounted - started)} outcomes/s)`,
  );
  console.log(
    `  all ${memberCount} awards made after ${((allAwarded - started) / 1000).toFixed(1)} s -> ${rate(allAwarded - started)} outcomes/s until the last award`,
  );
  const kafkaRate = outcomeCount / ((allAwarded - started) / 1000);

  // REST: members log in through v2, then post outcomes with concurrent clients.
  const restMembers = Array.from({ length: Number(values['rest-members']) }, (_, i) => ({
    username: `rest-${i}`,
    email: `rest-${i}@bench.example.org`,
  }));
  const restSite = await setupSite(system, { slug: 'bench-rest', quantity: 1_000_000, members: restMembers });
  const tokens = [];
  for (const m of restMembers) {
    const res = await fetch(`${system.gatewayUrl}/api/v2/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'bench-rest', userName: m.username, password: restSite.password }),
    });
    tokens.push((await res.json()).token);
  }
  const restStarted = Date.now();
  const result = await runLoad({
    baseUrl: system.gatewayUrl,
    concurrency: Number(values.concurrency),
    seconds: Number(values.seconds),
    warmupSeconds: 1,
    nextRequest: (i) => ({ method: 'POST', path: `/api/v2/Outcome/${tokens[i % tokens.length]}/bench` }),
  });
  const acknowledged = result.requests - result.errors;
  console.log(`\nREST: ${formatResult('POST /api/v2/Outcome/{token}/bench', result)}`);
  const expected = await waitFor(
    () => counted(restSite.site),
    (n) => n > 0 && Date.now() - restStarted > 0,
    { everyMs: 500 },
  );
  // Warm-up requests count too: wait until the count stops growing.
  let last = expected;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await counted(restSite.site);
    if (now === last) break;
    last = now;
  }
  console.log(`  ${last} outcomes counted (${acknowledged} acknowledged in the measured window plus the warm-up)`);
  console.log(
    `\ngoals: >= 10000 outcomes/s from Kafka -> ${kafkaRate >= 10000 ? 'met' : 'NOT met'}; >= 2000 outcomes/s via REST -> ${result.rps >= 2000 && result.errors === 0 ? 'met' : 'NOT met'}`,
  );
} finally {
  await producer.disconnect();
  await db.end();
  await system.stop();
}
