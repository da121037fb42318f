/**
 * Where the command line looks when nothing is set. The master secret is
 * config.ts's development default, repeated rather than imported because the
 * config module loads the whole service kit (a second of start-up for every
 * command); a unit test keeps the two equal.
 */
export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:8080';
export const DEV_MASTER_SECRET = 'laurel-dev-master-secret';
