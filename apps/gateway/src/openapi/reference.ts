/**
 * GET /docs: Scalar's API reference (search, request examples in many
 * languages, a client to try calls) rendered in the browser from
 * /openapi.json. The bundle is served by the gateway from node_modules; a
 * strict Content-Security-Policy keeps the page to this origin: Scalar's
 * default fonts, proxy and telemetry are switched off, and the CSP would
 * block them anyway.
 */
import { createRequire } from 'node:module';

export const REFERENCE_SCRIPT_PATH = '/docs/assets/api-reference.js';

/** The standalone browser bundle of @scalar/api-reference, resolved once. */
export const referenceScriptFile = (): string =>
  createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');

export const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Scalar sets styles at run time (Vue style bindings, its theme).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // /openapi.json, and calls tried from the page: this gateway only.
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONFIGURATION = {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  // The AI agent and its registry search go through Scalar's servers.
  agent: { disabled: true },
  documentDownloadType: 'json',
  hideDarkModeToggle: false,
  showDeveloperTools: 'never',
  defaultOpenAllTags: false,
  metaData: { title: 'Laurel API reference' },
};

const attribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');

export function renderReference(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laurel API reference</title>
</head>
<body>
<noscript>The reference needs JavaScript; the document itself is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<script id="api-reference" type="application/json" data-url="/openapi.json" data-configuration='${attribute(JSON.stringify(CONFIGURATION))}'></script>
<script src="${REFERENCE_SCRIPT_PATH}"></script>
</body>
</html>
`;
}
