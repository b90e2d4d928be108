import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../web/src/config';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const deployment = (prefix: 'HashedAssets' | 'EntryFiles') =>
  resourceByIdPrefix(built.templates.web, 'Custom::CDKBucketDeployment', prefix).Properties;

describe('front-end deployment', () => {
  it('copies the front end into the web bucket, and the SCORM player into the content bucket under player/ (scorm-content.test.ts)', () => {
    const all = resourcesOfType(built.templates.web, 'Custom::CDKBucketDeployment');
    expect(Object.keys(all)).toHaveLength(4);
    for (const prefix of ['HashedAssets', 'EntryFiles'] as const) {
      expect(deployment(prefix).DestinationBucketName, prefix).toEqual({ 'Fn::ImportValue': 'Academy-App-WebBucketName' });
      expect(deployment(prefix).DestinationBucketKeyPrefix, prefix).toBeUndefined();
    }
    for (const prefix of ['PlayerAssets', 'PlayerEntry']) {
      const d = resourceByIdPrefix(built.templates.web, 'Custom::CDKBucketDeployment', prefix).Properties;
      expect(d.DestinationBucketName, prefix).toEqual({ 'Fn::ImportValue': 'Academy-Data-ContentBucketName' });
      expect(d.DestinationBucketKeyPrefix, prefix).toBe('player/');
    }
  });

  it('caches hashed assets for a year and keeps old ones for pages still open', () => {
    const assets = deployment('HashedAssets');
    expect(assets.Exclude).toEqual(['*']);
    expect(assets.Include).toEqual(['assets/*']);
    expect(assets.Prune).toBe(false);
    expect(assets.SystemMetadata['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers revalidate index.html and config.json, and invalidates the app distribution', () => {
    const entry = deployment('EntryFiles');
    expect(entry.Exclude).toEqual(['assets/*']);
    expect(entry.Prune).toBe(true);
    expect(entry.SystemMetadata['cache-control']).toBe('no-cache');
    expect(entry.DistributionPaths).toEqual(['/*']);
    expect(entry.SourceObjectKeys).toHaveLength(2);
    const app = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', 'AppDelivery');
    expect(renderSample(entry.DistributionId)).toMatch(new RegExp(`^<import:Academy-App:ExportsOutputRef${app.logicalId}`));
  });

  it('writes a config.json the front end accepts', () => {
    const stack = built.stacks.web;
    const rendered = Object.fromEntries(
      Object.entries(built.stacks.web.runtimeConfig).map(([key, value]) => [key, renderSample(stack.resolve(value), (ref) => `ref-${ref}`)]),
    );
    const config = parseConfig(rendered);
    expect(config).toMatchObject({ mode: 'aws', region: 'eu-west-1' });
    expect(rendered.cognitoDomain).toMatch(/^https:\/\/ref-.+\.auth\.eu-west-1\.amazoncognito\.com$/);
    expect(rendered.contentOrigin).toMatch(/^https:\/\/ref-.+$/);
  });
});
