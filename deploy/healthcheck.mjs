// Container health check of the image built by deploy/Dockerfile, for `docker run`
// and docker-compose.yml (Kubernetes uses its own probes, see deploy/k8s/).
// Exits 0 when the process in this container is up:
//   gateway        GET /healthz on PORT answers 2xx
//   gRPC services  grpc.health.v1.Health/Check on GRPC_PORT answers SERVING
// Ports come from the same environment the process reads, with the same defaults.
import { checkHealth, DEFAULT_PORTS } from '@laurel/service-kit';

const TIMEOUT_MS = 3000;
const app = process.env.APP ?? '';
if (!(app in DEFAULT_PORTS)) {
  console.error(`healthcheck: APP=${JSON.stringify(app)} is not one of ${Object.keys(DEFAULT_PORTS).join(', ')}`);
  process.exit(2);
}

/** A wildcard bind address is reachable through loopback; a specific one is used as is. */
const reachable = (host) => (!host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

async function healthy() {
  if (app === 'gateway') {
    const port = process.env.PORT || DEFAULT_PORTS.gateway;
    const response = await fetch(`http://${reachable(process.env.HOST)}:${port}/healthz`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return response.ok;
  }
  const port = process.env.GRPC_PORT || DEFAULT_PORTS[app];
  return checkHealth(`${reachable(process.env.GRPC_HOST)}:${port}`, TIMEOUT_MS);
}

healthy().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(`healthcheck: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
