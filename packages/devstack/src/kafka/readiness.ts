import { Kafka, logLevel } from 'kafkajs';

/**
 * One attempt at a real Kafka request. An open TCP port is not enough: the listener may
 * accept connections before the broker has registered with its controller, and clients
 * that connect then get errors for their first requests.
 */
async function answersMetadata(broker: string): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'laurel-devstack-probe',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export type Readiness = 'ready' | 'exited' | 'timeout';

export async function waitForBroker(
  broker: string,
  opts: { timeoutMs: number; hasExited: () => boolean },
): Promise<Readiness> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    if (opts.hasExited()) return 'exited';
    if (await answersMetadata(broker)) return 'ready';
    if (opts.hasExited()) return 'exited';
    if (Date.now() >= deadline) return 'timeout';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
