// A small closed-loop HTTP load generator: `concurrency` workers, each sending
// its next request as soon as the previous answer arrived, over keep-alive
// connections, for `seconds`. It measures latency per request and reports
// throughput and percentiles. Plain node:http keeps its own CPU cost low,
// which matters when the load runs on the same 2 cores as the system.
import http from 'node:http';

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function send(agent, url, request) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method: request.method ?? 'GET', agent, headers: request.headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
    });
    req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/**
 * Runs `nextRequest(i)` (-> {path, method?, headers?, body?}) against `baseUrl`.
 * Returns {requests, errors, errorStatuses, rps, p50, p90, p99, max}.
 */
export async function runLoad({ baseUrl, concurrency, seconds, warmupSeconds = 2, nextRequest, expectStatus = 200 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const run = async (duration, record) => {
    const deadline = Date.now() + duration * 1000;
    let counter = 0;
    const worker = async () => {
      while (Date.now() < deadline) {
        const request = nextRequest(counter++);
        const result = await send(agent, baseUrl + request.path, request);
        record?.(result);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmupSeconds);
  const latencies = [];
  let errors = 0;
  const errorStatuses = {}; // status -> count; 0 is a failed connection
  const started = process.hrtime.bigint();
  await run(seconds, (result) => {
    latencies.push(result.ms);
    if (result.status !== expectStatus) {
      errors += 1;
      errorStatuses[result.status] = (errorStatuses[result.status] ?? 0) + 1;
    }
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    errorStatuses,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

export function formatResult(label, r) {
  return `${label.padEnd(44)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1)} ms   p90 ${r.p90.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   (${r.requests} requests, ${r.errors} errors)`;
}
