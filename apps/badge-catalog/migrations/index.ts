import type { Migration } from '@laurel/service-kit';
import { systems } from './0001_systems.js';
import { catalog } from './0002_catalog.js';
import { readPaths } from './0003_read_paths.js';
import { changeVersion } from './0004_change_version.js';

/** The catalog schema's migrations, in the order they run. */
export const migrations: readonly Migration[] = [systems, catalog, readPaths, changeVersion];
