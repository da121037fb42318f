export interface ProvidedPostgres {
  url: string;
  source: 'env' | 'local-server' | 'embedded';
  stop(): Promise<void>;
}

export interface ProvidedKafka {
  brokers: string[];
  source: 'env' | 'local-kraft';
  logFile?: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /**
   * Default process.env. Read for DATABASE_URL and KAFKA_BROKERS, and also for HOME,
   * XDG_CACHE_HOME and JAVA_HOME; it is the environment java and mvn run with, so it
   * needs a PATH if you pass your own.
   */
  env?: NodeJS.ProcessEnv;
  /** Database name to use/create on a local server. Default 'laurel'. */
  database?: string;
  /** Default: a free port chosen at run time. */
  kafkaPort?: number;
  /** Where Kafka data/logs (and embedded PG data) go. Default: a fresh mkdtemp under os.tmpdir(). */
  stateDir?: string;
  /** Progress lines for humans. Default: nothing. */
  log?: (line: string) => void;
}

export interface Stack {
  postgres: ProvidedPostgres;
  kafka: ProvidedKafka;
  stop(): Promise<void>;
}
