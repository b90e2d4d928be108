import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '../../infra/lib/paths';

/** Code that runs in AWS rather than at synth: the CloudFront Function and the custom resource handler. */

type CloudFrontRequest = { uri: string };
const spaRewrite = new Function(`${readFileSync(paths.spaRewriteFunction, 'utf8')}; return handler;`)() as (event: {
  request: CloudFrontRequest;
}) => CloudFrontRequest;
const rewrite = (uri: string) => spaRewrite({ request: { uri } }).uri;

describe('SPA rewrite (CloudFront Function)', () => {
  it('serves index.html for client-side routes', () => {
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/kennisbank')).toBe('/index.html');
    expect(rewrite('/kennisbank/angst-en-depressie')).toBe('/index.html');
    expect(rewrite('/aanmelden/terug')).toBe('/index.html');
    expect(rewrite('/leerpaden/')).toBe('/index.html');
  });

  it('leaves files alone, so a missing asset stays an error instead of an HTML page', () => {
    expect(rewrite('/index.html')).toBe('/index.html');
    expect(rewrite('/config.json')).toBe('/config.json');
    expect(rewrite('/assets/main-abc123.js')).toBe('/assets/main-abc123.js');
    expect(rewrite('/assets/missing-chunk.js')).toBe('/assets/missing-chunk.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });

  it('uses only syntax the cloudfront-js-2.0 runtime accepts (no modules)', () => {
    const code = readFileSync(paths.spaRewriteFunction, 'utf8');
    expect(code).toMatch(/^function handler\(event\)/m);
    expect(code).not.toMatch(/\b(import|export|require)\b/);
  });
});

describe('headers policy link (custom resource handler)', () => {
  const require = createRequire(import.meta.url);
  const { handle } = require(paths.headersPolicyLinkHandler) as {
    handle: (event: Record<string, unknown>, deps: Record<string, unknown>) => Promise<string>;
  };
  class GetResponseHeadersPolicyConfigCommand {
    constructor(readonly input: unknown) {}
  }
  class UpdateResponseHeadersPolicyCommand {
    constructor(readonly input: unknown) {}
  }
  const commands = { GetResponseHeadersPolicyConfigCommand, UpdateResponseHeadersPolicyCommand };
  const event = (type: string) => ({
    RequestType: type,
    ResponseURL: 'https://cloudformation-response.example/presigned',
    StackId: 'stack',
    RequestId: 'req-1',
    LogicalResourceId: 'Link',
    ResourceProperties: { PolicyId: 'policy-1', Config: JSON.stringify({ Name: 'academy-app-headers' }) },
  });
  const fakeFetch = () => vi.fn(async (_url: string, _init: { body: string }) => ({ ok: true, status: 200 }));

  it('updates the policy with the current ETag, then reports success to CloudFormation', async () => {
    const sent: unknown[] = [];
    const client = {
      send: vi.fn(async (command: { input: unknown }) => {
        sent.push(command);
        return command instanceof GetResponseHeadersPolicyConfigCommand ? { ETag: 'E123' } : {};
      }),
    };
    const fetch = fakeFetch();
    await expect(handle(event('Create'), { client, commands, fetch })).resolves.toBe('SUCCESS');
    expect(sent.map((c) => (c as { input: unknown }).input)).toEqual([
      { Id: 'policy-1' },
      { Id: 'policy-1', IfMatch: 'E123', ResponseHeadersPolicyConfig: { Name: 'academy-app-headers' } },
    ]);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://cloudformation-response.example/presigned');
    expect(JSON.parse(init.body)).toMatchObject({ Status: 'SUCCESS', RequestId: 'req-1', PhysicalResourceId: 'headers-policy-link-policy-1' });
  });

  it('reports failure instead of leaving CloudFormation waiting', async () => {
    const client = { send: vi.fn(async () => Promise.reject(new Error('PreconditionFailed'))) };
    const fetch = fakeFetch();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(handle(event('Update'), { client, commands, fetch })).resolves.toBe('FAILED');
    quiet.mockRestore();
    expect(JSON.parse(fetch.mock.calls[0]![1].body)).toMatchObject({ Status: 'FAILED', Reason: 'PreconditionFailed' });
  });

  it('does nothing on delete but answer', async () => {
    const client = { send: vi.fn() };
    const fetch = fakeFetch();
    await expect(handle(event('Delete'), { client, commands, fetch })).resolves.toBe('SUCCESS');
    expect(client.send).not.toHaveBeenCalled();
  });

  it('fits in an inline Lambda ZipFile (4 KB)', () => {
    expect(readFileSync(paths.headersPolicyLinkHandler).length).toBeLessThan(4096);
  });
});
