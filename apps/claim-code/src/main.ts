import { runMain } from '@laurel/service-kit';
import { loadClaimCodeConfig } from './config.js';
import { start } from './service.js';

void runMain({ name: 'claim-code', loadConfig: () => loadClaimCodeConfig(), start });
