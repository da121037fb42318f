// Signed BadgeKit requests for benchmarks. `signed` tokens carry no expiry
// (exp 0), so a path's signed request can be prepared once and sent many
// times, as a long-lived client would; `freshlySigned` signs each request
// anew, as BadgeKit's own clients (and the peer comparison) do, which puts the
// signing cost in the client and the verification of a new token in the gateway.
import { authorization, TEST_MASTER_SECRET } from '@laurel/testkit';

export function signed(method, path, body) {
  return {
    method,
    path,
    headers: {
      authorization: authorization({ method, path, body, secret: TEST_MASTER_SECRET, claims: { exp: 0 } }),
      ...(body && { 'content-type': 'application/json' }),
    },
    ...(body && { body }),
  };
}

/** A request signed now, with the usual one-minute expiry and a body of known length (no chunked encoding). */
export function freshlySigned(method, path, body) {
  const headers = {
    authorization: authorization({ method, path, body, secret: TEST_MASTER_SECRET }),
    accept: 'application/json',
  };
  if (body !== undefined)
    Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  return { method, path, headers, ...(body !== undefined && { body }) };
}

/** Sends one signed request to the gateway and returns its JSON; throws on any non-2xx answer. */
export async function call(gatewayUrl, method, path, body) {
  const request = signed(method, path, body);
  const response = await fetch(gatewayUrl + path, { method, headers: request.headers, body });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
