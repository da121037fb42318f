/**
 * zod with `.openapi()` metadata (examples, component names): every schema
 * that documents a route imports `z` from here, so the extension is in place
 * before any schema is declared.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
