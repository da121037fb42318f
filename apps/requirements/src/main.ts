import { runMain } from '@laurel/service-kit';
import { loadRequirementsConfig } from './config.js';
import { start } from './service.js';

void runMain({ name: 'requirements', loadConfig: () => loadRequirementsConfig(), start });
