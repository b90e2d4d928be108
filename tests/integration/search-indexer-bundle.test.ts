import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marshall } from '@aws-sdk/util-dynamodb';
import { build } from 'esbuild';
import { lambdaBundling } from '../../infra/lib/lambda-bundling';
import { reconcileEvent } from '../../infra/lib/constructs/search-indexer';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients } from '../../functions/src/platform/store/clients';
import { keys } from '../../functions/src/platform/store/keys';
import { get } from '../../functions/src/platform/store/table';
import { stack } from '../support/api';
import { publishArticle, uniqueWord } from '../support/knowledge';

const root = resolve(import.meta.dirname, '../..');

/** Bundles the search indexer entry as the CDK stack does and drives the bundle with a stream batch and the schedule's event. */
describe('search indexer Lambda bundle', () => {
  let dir: string;
  let code: string;
  let handler: (event: unknown) => Promise<Record<string, number>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'academy-indexer-'));
    const outfile = join(dir, 'index.mjs');
    await build({ entryPoints: [join(root, 'functions/src/search-indexer.ts')], outfile, ...lambdaBundling.esbuild });
    code = readFileSync(outfile, 'utf8');
    // Only what the construct passes (table, attachments bucket), plus the local endpoints.
    const { APP_MODE, AWS_REGION, TABLE_NAME, BUCKET_ATTACHMENTS, DYNAMODB_ENDPOINT, S3_ENDPOINT } = stack().env;
    Object.assign(process.env, { APP_MODE, AWS_REGION, TABLE_NAME, BUCKET_ATTACHMENTS, DYNAMODB_ENDPOINT, S3_ENDPOINT });
    handler = (await import(pathToFileURL(outfile).href)).handler;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('contains no dev identity code', () => {
    expect(code).not.toContain('dev-issuer');
    expect(code).not.toContain('Demogebruikers');
  });

  it('applies a stream batch of article META records', async () => {
    const { id } = await publishArticle({ title: `Bundel ${uniqueWord('bundelvink')}`, audience: 'partners' });
    const item = await get(createStoreClients(loadConfig(stack().env)), keys.article(id), { ConsistentRead: true });
    const record = { eventName: 'MODIFY', dynamodb: { NewImage: marshall(item!, { removeUndefinedValues: true }) } };
    // Already indexed by the publish itself (locally): the same version again is skipped, nothing written.
    await expect(handler({ Records: [record] })).resolves.toEqual({ upserted: 0, removed: 0, skipped: 1 });
    // A newer version than the index has (as the stream delivers it in AWS) is applied.
    const newer = { ...record, dynamodb: { NewImage: { ...record.dynamodb.NewImage, publishedVersion: { N: '2' } } } };
    await expect(handler({ Records: [newer] })).rejects.toThrow(/Version 2 of article/); // no such version item: the stream retries
  });

  it('runs the reconciliation on the schedule event and refuses an unknown one', async () => {
    const report = await handler(reconcileEvent);
    expect(report.published).toBeGreaterThan(0);
    await expect(handler({ job: 'something-else' })).rejects.toThrow(/Unknown job/);
  });
});
