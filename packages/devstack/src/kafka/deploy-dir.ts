import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevstackError } from '../errors.js';

/**
 * deploy/kafka lives at the repository root, not in this package, because it is the
 * project's deployment description and docker-compose users read it too. We find it by
 * walking up from this module, which works from src/ (tests) and dist/ (npm start) alike.
 */
export function findKafkaDeployDir(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'deploy', 'kafka');
    if (fs.existsSync(path.join(candidate, 'pom.xml'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new DevstackError(
        `deploy/kafka/pom.xml was not found in any parent of ${from}. @laurel/devstack runs Kafka from a Laurel checkout; ` +
          'run it from inside the repository, or set KAFKA_BROKERS to an existing broker.',
      );
    }
    dir = parent;
  }
}
