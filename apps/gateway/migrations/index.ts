import type { Migration } from '@laurel/service-kit';
import { consumersMembers } from './0001_consumers_members.js';
import { importResponses } from './0002_import_responses.js';
import { loginTokens } from './0003_login_tokens.js';
import { kickappsSuperfansReplay } from './0004_kickapps_superfans_replay.js';
import { ob3Oauth } from './0005_ob3_oauth.js';

/** The gateway schema's migrations, in the order they run. */
export const migrations: readonly Migration[] = [
  consumersMembers,
  importResponses,
  loginTokens,
  kickappsSuperfansReplay,
  ob3Oauth,
];
