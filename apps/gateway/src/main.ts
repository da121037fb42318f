import { runMain } from '@laurel/service-kit';
import { loadGatewayConfig } from './config.js';
import { start } from './service.js';

void runMain({ name: 'gateway', loadConfig: () => loadGatewayConfig(), start });
