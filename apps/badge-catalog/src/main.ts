import { runMain } from '@laurel/service-kit';
import { loadCatalogConfig } from './config.js';
import { start } from './service.js';

void runMain({ name: 'badge-catalog', loadConfig: () => loadCatalogConfig(), start });
