import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthApp, type BuiltApp } from './support';

/**
 * Stateful resources are pinned: a refactor that renames a construct, moves it to another stack
 * or another scope changes its CloudFormation logical id, and CloudFormation then creates a new
 * table or bucket and orphans (or deletes) the one holding the data. This list changes only on
 * purpose, together with a migration plan.
 */
const pinned = [
  { stack: 'data', logicalId: 'TableCD117FA1', type: 'AWS::DynamoDB::Table' },
  { stack: 'data', logicalId: 'ContentBucket52D4B12C', type: 'AWS::S3::Bucket' },
  { stack: 'data', logicalId: 'AttachmentsBucket8E14A36F', type: 'AWS::S3::Bucket' },
  { stack: 'data', logicalId: 'AccessLogBucketDA470295', type: 'AWS::S3::Bucket' },
  { stack: 'identity', logicalId: 'UserPool6BA7E5F2', type: 'AWS::Cognito::UserPool' },
  { stack: 'app', logicalId: 'UploadsBucket5E5E9B64', type: 'AWS::S3::Bucket' },
  { stack: 'app', logicalId: 'WebBucket12880F5B', type: 'AWS::S3::Bucket' },
] as const;

const statefulTypes = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket', 'AWS::Cognito::UserPool'];

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const stateful = () =>
  Object.entries(built.templates).flatMap(([stack, template]) =>
    Object.entries(template.toJSON().Resources as Record<string, { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string }>)
      .filter(([, r]) => statefulTypes.includes(r.Type))
      .map(([logicalId, r]) => ({ stack, logicalId, type: r.Type, deletionPolicy: r.DeletionPolicy, updateReplacePolicy: r.UpdateReplacePolicy })),
  );

describe('stateful resources keep their logical ids and are retained', () => {
  it('has exactly the pinned tables, buckets and user pool, each in its pinned stack', () => {
    const found = stateful().map(({ stack, logicalId, type }) => ({ stack, logicalId, type }));
    const key = (r: { stack: string; logicalId: string }) => `${r.stack}/${r.logicalId}`;
    expect(found.map(key).sort()).toEqual(pinned.map(key).sort());
    for (const p of pinned) expect(found.find((r) => key(r) === key(p))?.type, key(p)).toBe(p.type);
  });

  it('retains every one of them on stack deletion and on replacement', () => {
    for (const r of stateful()) {
      expect({ id: `${r.stack}/${r.logicalId}`, deletion: r.deletionPolicy, replace: r.updateReplacePolicy }).toEqual({ id: `${r.stack}/${r.logicalId}`, deletion: 'Retain', replace: 'Retain' });
    }
  });
});
