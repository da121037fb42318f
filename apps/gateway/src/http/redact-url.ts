/**
 * The URL as logs and traces may show it: login tokens travel in v2 paths and
 * KickApps' `t` parameter, and a log line or a span must not become a
 * credential (v2-badge-api.md). No imports: main.ts passes these to
 * startTelemetry before anything else loads.
 */
const V2_TOKEN_PATH = /^(\/api\/v2\/(?:Outcome|Badges|Badge|Logout|User)\/)[^/?]+/i;
/** Query parameters that carry a credential. */
export const SECRET_PARAMETERS = ['t', 'strToken', 'developerKey', 'password', 'secret'];
const TOKEN_PARAMETER = new RegExp(`([?&](?:${SECRET_PARAMETERS.join('|')})=)[^&]*`, 'gi');

export function redactUrl(url: string): string {
  return url.replace(V2_TOKEN_PATH, '$1***').replace(TOKEN_PARAMETER, '$1***');
}
