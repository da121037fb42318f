/**
 * A browsable reference page rendered on the server from the OpenAPI
 * document: no scripts or stylesheets fetched from elsewhere, so it works
 * wherever the gateway does.
 */
import type { OpenApiDocument } from './document.js';

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface Operation {
  tags?: string[];
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; description?: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, Record<string, unknown>>; required?: string[] } }> };
  responses: Record<string, { description: string }>;
}

function fieldRows(operation: Operation): string {
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (!schema?.properties) return '';
  const rows = Object.entries(schema.properties).map(
    ([name, rule]) => `<tr><td><code>${escape(name)}</code>${schema.required?.includes(name) ? ' *' : ''}</td><td><code>${escape(JSON.stringify(rule))}</code></td></tr>`,
  );
  return `<table><tr><th>body field</th><th>rule</th></tr>${rows.join('')}</table>`;
}

export function renderReference(document: OpenApiDocument): string {
  const sections = document.tags.map((tag) => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, Operation>)
        .filter(([, op]) => op.tags?.includes(tag.name))
        .map(([method, op]) => {
          const params = (op.parameters ?? []).map((p) => `<code>${escape(p.name)}</code> (${escape(p.in)})${p.description ? `: ${escape(p.description)}` : ''}`);
          const responses = Object.entries(op.responses).map(([status, r]) => `<li><b>${escape(status)}</b> ${escape(r.description)}</li>`).join('');
          return `<section class="op"><h3><span class="m ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code>${op.security ? ' <span class="lock">JWT</span>' : ''}</h3>
<p>${escape(op.summary ?? '')}</p>${params.length ? `<p>Parameters: ${params.join(', ')}</p>` : ''}${fieldRows(op)}<ul>${responses}</ul></section>`;
        }),
    );
    return `<h2 id="${escape(tag.name)}">${escape(tag.name)}</h2><p>${escape(tag.description)}</p>${operations.join('\n')}`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)} API reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}code{font-size:90%}
.op{border-top:1px solid #ddd;padding:.5rem 0}.m{font-weight:bold;padding:0 .4rem;border-radius:3px;color:#fff}.get{background:#2a7}.post{background:#27c}
.put{background:#c82}.delete{background:#c33}.patch{background:#86c}.lock{font-size:75%;background:#eee;padding:0 .3rem;border-radius:3px}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}</style></head>
<body><h1>${escape(document.info.title)} API reference</h1><p>${escape(document.info.description)} The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>
<nav>${document.tags.map((t) => `<a href="#${escape(t.name)}">${escape(t.name)}</a>`).join(' · ')}</nav>
${sections.join('\n')}</body></html>`;
}
