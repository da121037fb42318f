import type { Migration } from '@laurel/service-kit';
import { consumersMembers } from './0001_consumers_members.js';

/** The gateway schema's migrations, in the order they run. Login tokens arrive with the KickApps and v2 families. */
export const migrations: readonly Migration[] = [consumersMembers];
