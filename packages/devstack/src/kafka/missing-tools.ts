import { MIN_JAVA_MAJOR } from './java.js';

export type ToolProblem =
  | { tool: 'java'; problem: 'missing' }
  | { tool: 'java'; problem: 'too-old'; found: number }
  | { tool: 'java'; problem: 'unreadable'; output: string }
  | { tool: 'mvn'; problem: 'missing' };

function describe(p: ToolProblem): string {
  if (p.tool === 'mvn') {
    return '`mvn` was not found on PATH. Maven is needed once, to download the Kafka jars pinned in deploy/kafka/pom.xml; later runs use the cached classpath.';
  }
  switch (p.problem) {
    case 'missing':
      return '`java` was not found (looked in $JAVA_HOME/bin, then PATH).';
    case 'too-old':
      return `Java ${p.found} was found, but Kafka needs Java ${MIN_JAVA_MAJOR} or newer.`;
    case 'unreadable':
      return `Could not read the version from \`java -version\`: ${p.output.split('\n')[0] ?? ''}`;
  }
}

/** The advice shown when a local Kafka cannot be started because tools are missing. */
export function missingToolsMessage(problems: readonly ToolProblem[]): string {
  return [
    'Cannot start a local Kafka for Laurel:',
    ...problems.map((p) => `  - ${describe(p)}`),
    'Do one of:',
    `  1. Install a JDK ${MIN_JAVA_MAJOR}+ and Maven, e.g. \`apt-get install openjdk-17-jre-headless maven\` (macOS: \`brew install openjdk@17 maven\`), then run again.`,
    '  2. Set KAFKA_BROKERS to an existing broker, e.g. KAFKA_BROKERS=localhost:9092.',
    '  3. Run `docker compose up` to run the whole system with PostgreSQL and Kafka containers.',
  ].join('\n');
}
