// Signed BadgeKit requests for benchmarks. Tokens carry no expiry (exp 0), so
// a path's signed request can be prepared once and sent many times, as a
// long-lived client would.
import { authorization, TEST_MASTER_SECRET } from '@laurel/testkit';

export function signed(method, path, body) {
  return {
    method,
    path,
    headers: { authorization: authorization({ method, path, body, secret: TEST_MASTER_SECRET, claims: { exp: 0 } }), ...(body && { 'content-type': 'application/json' }) },
    ...(body && { body }),
  };
}

/** Sends one signed request to the gateway and returns its JSON; throws on any non-2xx answer. */
export async function call(gatewayUrl, method, path, body) {
  const request = signed(method, path, body);
  const response = await fetch(gatewayUrl + path, { method, headers: request.headers, body });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
