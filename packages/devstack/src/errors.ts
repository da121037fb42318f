/**
 * The one error type devstack throws on purpose. Its message is meant to be read by a
 * developer at a terminal, so it always says what to do next, not only what went wrong.
 */
export class DevstackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DevstackError';
  }
}
