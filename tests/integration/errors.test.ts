import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { loadConfig } from '../../functions/src/platform/config';
import { buildDeps } from '../../functions/src/deps';
import { createLogger } from '../../functions/src/platform/http/logging';
import { newRouter } from '../../functions/src/platform/http/router';
import { stack } from '../support/api';

describe('unexpected errors', () => {
  it('become a 500 problem without stack trace or internal message, with the request id', async () => {
    const config = loadConfig(stack().env);
    const boom = newRouter();
    boom.get('/api/boom', () => {
      throw new Error('secret internal detail at /srv/app.js:12');
    });
    const app = createApp(buildDeps(config, createLogger('test')), { extraRoutes: [boom] });
    const res = await app.request('/api/boom');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const text = await res.text();
    expect(text).not.toMatch(/secret internal detail|app\.js|at .*\(/);
    const body = JSON.parse(text);
    expect(body.type).toBe('https://academie.example/problems/internal');
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });
});
