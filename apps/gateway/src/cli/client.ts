/**
 * The command line's way to the running gateway: signed JSON requests with
 * the master key, answers as status plus parsed body.
 */
import { authorizationHeader } from './signing.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface ApiClient {
  request(method: string, path: string, body?: unknown): Promise<ApiAnswer>;
}

export function gatewayClient(baseUrl: string, secret: string, key = 'master'): ApiClient {
  return {
    async request(method, path, body) {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {
        authorization: authorizationHeader({ method, path, key, secret, ...(text !== undefined && { body: text }) }),
      };
      if (text !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetch(new URL(path, baseUrl), { method, headers, ...(text !== undefined && { body: text }) });
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        throw new CliError(
          `cannot reach the gateway at ${baseUrl} (${cause}); is it running? (GATEWAY_URL sets where it is)`,
          1,
        );
      }
      const raw = await response.text();
      let parsed: unknown = raw;
      try {
        parsed = JSON.parse(raw);
      } catch {
        // not JSON: shown as text
      }
      return { status: response.status, body: parsed };
    },
  };
}

/** An answer other than the expected success, as an error naming what the gateway said. */
export function failure(answer: ApiAnswer): CliError {
  const body = answer.body as { code?: unknown; message?: unknown; details?: unknown } | null;
  const summary =
    body && typeof body === 'object'
      ? [body.code, body.message].filter((v) => typeof v === 'string').join(': ')
      : String(answer.body);
  const details =
    body && typeof body === 'object' && body.details !== undefined ? `\n${JSON.stringify(body.details, null, 2)}` : '';
  const hint =
    body && typeof body === 'object' && body.message === 'Invalid token signature'
      ? '\n(the gateway has another master secret: set BADGEKIT_MASTER_SECRET to it)'
      : '';
  return new CliError(`HTTP ${answer.status} ${summary}${details}${hint}`, 1);
}

export async function expect(
  client: ApiClient,
  status: number,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const answer = await client.request(method, path, body);
  if (answer.status !== status) throw failure(answer);
  return answer.body;
}
