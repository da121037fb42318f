import type { Knex } from '@laurel/service-kit';
import type { ImageStore } from '../store/images.js';
import type { SystemStore } from '../store/systems.js';

/** What the catalog's handlers share; each resource builds its own store from `db`. */
export interface CatalogDeps {
  db: Knex;
  images: ImageStore;
  systems: SystemStore;
}
