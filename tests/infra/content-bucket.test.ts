import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

/**
 * The content bucket (Data stack) is read by exactly one CloudFront distribution: the content
 * distribution (App stack). Its one bucket policy names that distribution's ARN, not every
 * distribution of the account, and still refuses requests without TLS.
 */
let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

type Statement = { Sid?: string; Effect: string; Principal?: any; Action: string | string[]; Resource: unknown; Condition?: Record<string, any> };

const contentBucket = () => resourceByIdPrefix(built.templates.data, 'AWS::S3::Bucket', 'ContentBucket');

/** Every bucket policy, in any stack, that applies to the content bucket (by Ref or by the Data stack's named export). */
const contentBucketPolicies = () =>
  Object.entries(built.templates).flatMap(([stack, template]) =>
    Object.entries(resourcesOfType(template!, 'AWS::S3::BucketPolicy'))
      .filter(([, p]) => {
        const bucket = p.Properties?.Bucket;
        return bucket?.Ref === contentBucket().logicalId || bucket?.['Fn::ImportValue'] === 'Academy-Data-ContentBucketName';
      })
      .map(([logicalId, p]) => ({ stack, logicalId, ...p })),
  );

const statements = () => {
  const policies = contentBucketPolicies();
  expect(policies, 'exactly one bucket policy for the content bucket').toHaveLength(1);
  return policies[0]!.Properties!.PolicyDocument.Statement as Statement[];
};

/** The content bucket's ARN as a policy in either stack spells it: GetAtt in the Data stack, the named import elsewhere. */
const bucketArn = (value: unknown) => {
  const rendered = renderSample(value);
  return rendered.replace(`<${contentBucket().logicalId}.Arn>`, '<content bucket>').replace('<import:Academy-Data-ContentBucketArn>', '<content bucket>');
};

const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const allowsGetObject = (s: Statement) => s.Effect === 'Allow' && actions(s).some((a) => ['s3:GetObject', 's3:Get*', 's3:*', '*'].includes(a));

describe('content bucket policy', () => {
  it('exists exactly once (S3 keeps one policy per bucket)', () => {
    expect(contentBucketPolicies().map((p) => `${p.stack}/${p.logicalId}`)).toHaveLength(1);
  });

  it('lets only cloudfront.amazonaws.com get objects, and only for the content distribution (AWS:SourceArn is its ARN)', () => {
    const grants = statements().filter(allowsGetObject);
    expect(grants).toHaveLength(1);
    const grant = grants[0]!;
    expect(grant.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(actions(grant)).toEqual(['s3:GetObject']);
    const contentDistribution = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', 'ContentDelivery');
    expect(Object.keys(grant.Condition ?? {})).toEqual(['StringEquals']);
    expect(Object.keys(grant.Condition!.StringEquals)).toEqual(['AWS:SourceArn']);
    expect(renderSample(grant.Condition!.StringEquals['AWS:SourceArn'])).toBe(
      `arn:aws:cloudfront::123456789012:distribution/<${contentDistribution.logicalId}>`,
    );
    // Objects only, of this bucket.
    expect(bucketArn(grant.Resource)).toBe('<content bucket>/*');
  });

  it('allows nothing else to anyone', () => {
    const allows = statements().filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual(statements().filter(allowsGetObject));
  });

  it('denies every request without TLS, on the bucket and its objects', () => {
    const deny = statements().filter(
      (s) => s.Effect === 'Deny' && s.Action === 's3:*' && s.Principal?.AWS === '*' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
    );
    expect(deny).toHaveLength(1);
    expect((deny[0]!.Resource as unknown[]).map(bucketArn)).toEqual(['<content bucket>', '<content bucket>/*']);
  });

  it('lives with the distribution it names, and the Data stack still depends on no other stack', () => {
    expect(contentBucketPolicies()[0]!.stack).toBe('app');
    expect(built.stacks.data.dependencies).toEqual([]);
    expect(JSON.stringify(built.templates.data.toJSON())).not.toContain('Fn::ImportValue');
  });
});
