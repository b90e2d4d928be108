import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'GGZ Academie API',
    version: '0.1.0',
    description:
      'API van het academieplatform: kennisbank, leerpaden, SCORM en portfolio. Fouten zijn RFC 9457 problem+json met een stabiel `type` en een `requestId`.',
  },
  servers: [{ url: '/' }],
};

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  responses?: Record<string, { description?: string }>;
}

/**
 * A browsable reference rendered on the server from the generated document: works offline
 * and under a strict CSP (no script, no CDN), unlike Swagger UI from a CDN.
 */
function renderReference(doc: { info: { title: string; description?: string }; paths?: Record<string, Record<string, Operation>> }): string {
  const rows = Object.entries(doc.paths ?? {})
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  const items = rows
    .map(({ path, method, op }) => {
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${escape(code)}</code> ${escape(r.description ?? '')}</li>`)
        .join('');
      return `<section><h2><span class="method">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h2>
<p>${escape(op.summary ?? '')}${op.security?.length ? ' <em>(aanmelding vereist)</em>' : ''}</p>
${op.description ? `<p>${escape(op.description)}</p>` : ''}<ul>${responses}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)} — referentie</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><header><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description ?? '')}</p>
<p>Machineleesbaar: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</p></header><main>${items}</main></body></html>`;
}

const css = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d2a33;line-height:1.5}
section{border-top:1px solid #c9d3da;padding:.5rem 0}h2{font-size:1.1rem}.method{display:inline-block;min-width:4.5rem;color:#fff;background:#1f5f7a;padding:0 .4rem;border-radius:.2rem;font-size:.9rem}
code{font-family:ui-monospace,monospace}a{color:#1f5f7a}`;

export function mountOpenApi(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'ID-token van Cognito (AWS) of van de lokale ontwikkelserver',
  });
  app.doc31('/api/openapi.json', openApiInfo);
  app.get('/api/docs', (c) => c.html(renderReference(app.getOpenAPI31Document(openApiInfo) as never)));
  app.get('/api/docs.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' }));
}
