import { startTelemetry } from '@laurel/service-kit/telemetry';

// First, and everything else imported only afterwards: OpenTelemetry hooks express, pg, kafkajs
// and grpc-js as they load (see service-kit's telemetry.ts).
const telemetry = await startTelemetry('badge-catalog');
const { runMain } = await import('@laurel/service-kit');
const { loadCatalogConfig } = await import('./config.js');
const { start } = await import('./service.js');

void runMain({ name: 'badge-catalog', telemetry, loadConfig: () => loadCatalogConfig(), start });
