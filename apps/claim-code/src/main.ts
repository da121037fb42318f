import { startTelemetry } from '@laurel/service-kit/telemetry';

// First, and everything else imported only afterwards: OpenTelemetry hooks express, pg, kafkajs
// and grpc-js as they load (see service-kit's telemetry.ts).
const telemetry = await startTelemetry('claim-code');
const { runMain } = await import('@laurel/service-kit');
const { loadClaimCodeConfig } = await import('./config.js');
const { start } = await import('./service.js');

void runMain({ name: 'claim-code', telemetry, loadConfig: () => loadClaimCodeConfig(), start });
