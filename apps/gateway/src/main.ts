import { startTelemetry } from '@laurel/service-kit/telemetry';
import { redactUrl, SECRET_PARAMETERS } from './http/redact-url.js';

// First, and everything else imported only afterwards: OpenTelemetry hooks express, pg, kafkajs
// and grpc-js as they load (see service-kit's telemetry.ts).
const telemetry = await startTelemetry('gateway', { redactPath: redactUrl, secretQueryParameters: SECRET_PARAMETERS });
const { runMain } = await import('@laurel/service-kit');
const { loadGatewayConfig } = await import('./config.js');
const { start } = await import('./service.js');

void runMain({ name: 'gateway', telemetry, loadConfig: () => loadGatewayConfig(), start });
