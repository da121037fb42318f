import { pathToFileURL } from 'node:url';

export interface JvmLogging {
  /** Directory that deploy/kafka/log4j.properties writes server.log into. */
  logDir: string;
  log4jConfig: string;
}

function common(logging: JvmLogging): string[] {
  return [
    // Do not leave hsperfdata files in /tmp behind every run.
    '-XX:-UsePerfData',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${logging.logDir}`,
    `-Dlog4j.configuration=${pathToFileURL(logging.log4jConfig).href}`,
  ];
}

/**
 * Options for the broker JVM. It serves one developer or one test run, so it gets a small
 * heap and the serial collector, which has no background GC threads competing with the
 * tests for the two cores of a small CI machine. C1-only compilation (TieredStopAtLevel=1)
 * makes start-up and warm-up cheaper; a dev broker never runs long enough to profit from C2.
 */
export function brokerJvmOptions(logging: JvmLogging): string[] {
  return ['-Xms256m', '-Xmx768m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...common(logging)];
}

/** Options for one-shot tools such as StorageTool, which live for a second. */
export function toolJvmOptions(logging: JvmLogging): string[] {
  return ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...common(logging)];
}
