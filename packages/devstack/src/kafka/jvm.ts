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
  return ['-Xms256m', '-Xmx768m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...quietIdleVm(), ...common(logging)];
}

/**
 * Two housekeeping timers of the JVM itself that wake an idle broker several times a second
 * (issue 10): the VM thread checks every second whether a safepoint is due for cleanup work, and
 * the monitor deflation thread checks every 250 ms whether idle locks should be freed. Every
 * 10 s is plenty for a dev broker: the cleanup also runs at every GC safepoint, and deflation
 * still runs, only less often (it is not turned off, which would let lock records pile up over a
 * long `npm start`). Both flags are diagnostic ones, hence the unlock; a future JDK that drops
 * one should start a slightly busier broker rather than refuse to start, hence the last flag.
 */
export function quietIdleVm(): string[] {
  return [
    '-XX:+UnlockDiagnosticVMOptions',
    '-XX:GuaranteedSafepointInterval=10000',
    '-XX:AsyncDeflationInterval=10000',
    '-XX:+IgnoreUnrecognizedVMOptions',
  ];
}

/** Options for one-shot tools such as StorageTool, which live for a second. */
export function toolJvmOptions(logging: JvmLogging): string[] {
  return ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...common(logging)];
}
