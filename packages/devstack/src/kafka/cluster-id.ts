import { randomBytes } from 'node:crypto';

/**
 * A Kafka cluster id is a 16-byte UUID in unpadded base64url, the form StorageTool's
 * `random-uuid` prints. Generating it here saves starting a JVM. Like Kafka's
 * Uuid.randomUuid we avoid a leading '-', which a command line would read as an option.
 */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const bytes = random(16);
    if (bytes.every((b) => b === 0)) continue;
    const id = bytes.toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
