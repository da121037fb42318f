import { runMain } from '@laurel/service-kit';
import { loadIssuanceConfig } from './config.js';
import { start } from './service.js';

void runMain({ name: 'issuance', loadConfig: () => loadIssuanceConfig(), start });
