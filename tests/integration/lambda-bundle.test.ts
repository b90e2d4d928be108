import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { lambdaBundling } from '../../infra/lib/lambda-bundling';
import { stack } from '../support/api';

const root = resolve(import.meta.dirname, '../..');

function apiGatewayEvent(method: string, path: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example', 'x-forwarded-proto': 'https' },
    requestContext: {
      accountId: '123',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'lambda-req-0001',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

/** Bundles the Lambda entry exactly as the CDK stack does and drives the bundle itself. */
describe('Lambda bundle', () => {
  let dir: string;
  let code: string;
  let handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'academy-lambda-'));
    const outfile = join(dir, 'index.mjs');
    await build({ entryPoints: [join(root, 'functions/src/lambda.ts')], outfile, ...lambdaBundling.esbuild });
    code = readFileSync(outfile, 'utf8');
    // The bundle reads its configuration at load, as on a Lambda cold start. Local endpoints
    // (and their fixed keys) are the only difference from AWS; the route table is the bundle's own.
    Object.assign(process.env, stack().env);
    handler = (await import(pathToFileURL(outfile).href)).handler;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('contains no dev identity code', () => {
    expect(code).not.toContain('/api/dev/');
    expect(code).not.toContain('dev-issuer');
    expect(code).not.toContain('Demogebruikers');
  });

  it('answers /api/dev/* with a 404 problem', async () => {
    for (const path of ['/api/dev/users', '/api/dev/token']) {
      const res = await handler(apiGatewayEvent(path.endsWith('token') ? 'POST' : 'GET', path), { awsRequestId: 'ctx-req-1' });
      expect(res.statusCode).toBe(404);
      expect(JSON.parse(res.body).type).toBe('https://academie.example/problems/not-found');
    }
  });

  it('serves the API against the real stores, with the Lambda request id', async () => {
    const res = await handler(apiGatewayEvent('GET', '/api/health'), { awsRequestId: 'ctx-req-2' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).status).toBe('ok');
    const missing = await handler(apiGatewayEvent('GET', '/api/nope'), { awsRequestId: 'ctx-req-3' });
    expect(JSON.parse(missing.body).requestId).toBe('ctx-req-3');
  });
});
