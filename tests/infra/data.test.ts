import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abandonedUploadDays, buckets, table, uploadsPendingPrefix, type BucketRole } from '../../functions/src/platform/store/schema';
import { roleBucketId } from '../../infra/lib/constructs/role-bucket';
import { resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

describe('DynamoDB table (from functions/src/platform/store/schema.ts)', () => {
  const theTable = () => resourceByIdPrefix(built.templates.data, 'AWS::DynamoDB::Table', 'Table');

  it('is the only table and uses the schema key names', () => {
    expect(Object.keys(resourcesOfType(built.templates.data, 'AWS::DynamoDB::Table'))).toHaveLength(1);
    expect(theTable().Properties.KeySchema).toEqual([
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ]);
  });

  it('is on-demand, with point-in-time recovery and deletion protection, and survives stack deletion', () => {
    const t = theTable();
    expect(t.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(t.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(t.Properties.DeletionProtectionEnabled).toBe(true);
    expect(t.DeletionPolicy).toBe('Retain');
  });

  it('expires items on the schema TTL attribute', () => {
    expect(theTable().Properties.TimeToLiveSpecification).toEqual({ AttributeName: table.ttlAttribute, Enabled: true });
  });

  it('has exactly the global indexes of the schema', () => {
    const indexes = theTable().Properties.GlobalSecondaryIndexes as Array<Record<string, unknown>>;
    expect(indexes).toEqual(
      table.globalIndexes.map((gsi) => ({
        IndexName: gsi.name,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });
});

describe('S3 buckets', () => {
  /** Every bucket in every stack, with the template it lives in. */
  const allBuckets = () =>
    built.allTemplates.flatMap((template) =>
      Object.entries(resourcesOfType(template, 'AWS::S3::Bucket')).map(([logicalId, bucket]) => ({ logicalId, bucket, template })),
    );

  const roleBucket = (role: BucketRole) => {
    const found = built.allTemplates.flatMap((template) =>
      Object.entries(resourcesOfType(template, 'AWS::S3::Bucket'))
        .filter(([id]) => id.startsWith(roleBucketId(role)))
        .map(([logicalId, bucket]) => ({ logicalId, props: bucket.Properties ?? {} })),
    );
    expect(found, `${role} bucket`).toHaveLength(1);
    return found[0]!;
  };

  it('exist once per schema role, plus the access-log bucket', () => {
    for (const role of Object.keys(buckets) as BucketRole[]) roleBucket(role);
    expect(allBuckets()).toHaveLength(Object.keys(buckets).length + 1);
  });

  it('all block public access, are encrypted and are retained', () => {
    for (const { logicalId, bucket } of allBuckets()) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, logicalId).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm, logicalId).toBe(
        'AES256',
      );
      expect(bucket.DeletionPolicy, logicalId).toBe('Retain');
    }
  });

  it('all have exactly one bucket policy, in any stack, that denies requests without TLS', () => {
    // The content bucket's policy lives in the App stack and names the bucket by the Data stack's export.
    const namedExports: Record<string, string> = {
      [resourceByIdPrefix(built.templates.data, 'AWS::S3::Bucket', 'ContentBucket').logicalId]: 'Academy-Data-ContentBucketName',
    };
    for (const { logicalId, template } of allBuckets()) {
      const policies = built.allTemplates.flatMap((t) =>
        Object.values(resourcesOfType(t, 'AWS::S3::BucketPolicy')).filter((p) =>
          t === template
            ? p.Properties?.Bucket?.Ref === logicalId
            : namedExports[logicalId] !== undefined && p.Properties?.Bucket?.['Fn::ImportValue'] === namedExports[logicalId],
        ),
      );
      expect(policies, `${logicalId} policy`).toHaveLength(1);
      const statements = policies[0]!.Properties!.PolicyDocument.Statement as Array<Record<string, any>>;
      expect(
        statements.some(
          (s) => s.Effect === 'Deny' && s.Action === 's3:*' && s.Principal?.AWS === '*' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
        ),
        logicalId,
      ).toBe(true);
    }
  });

  it('version exactly the roles the schema marks as versioned', () => {
    for (const role of Object.keys(buckets) as BucketRole[]) {
      const { props } = roleBucket(role);
      expect(props.VersioningConfiguration?.Status === 'Enabled', role).toBe(buckets[role].versioned);
    }
    expect(buckets.content.versioned && buckets.attachments.versioned).toBe(true);
  });

  it('expire abandoned uploads and abort incomplete multipart uploads', () => {
    const rules = roleBucket('uploads').props.LifecycleConfiguration.Rules as Array<Record<string, unknown>>;
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: uploadsPendingPrefix, ExpirationInDays: abandonedUploadDays, Status: 'Enabled' }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
    );
  });

  it('send server access logs to the access-log bucket', () => {
    const logBucket = resourceByIdPrefix(built.templates.data, 'AWS::S3::Bucket', 'AccessLogBucket');
    for (const role of Object.keys(buckets) as BucketRole[]) {
      const logging = roleBucket(role).props.LoggingConfiguration;
      expect(logging?.LogFilePrefix, role).toBe(`s3/${role}/`);
      // Same stack: a Ref to the bucket; other stacks: the Data stack's named export of its name.
      const target = logging?.DestinationBucketName;
      expect(target?.Ref === logBucket.logicalId || target?.['Fn::ImportValue'] === 'Academy-Data-AccessLogBucketName', role).toBe(true);
    }
  });

  it('let the app origin post uploads straight from the browser (CORS)', () => {
    const cors = roleBucket('uploads').props.CorsConfiguration.CorsRules;
    const appDistribution = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', 'AppDelivery');
    expect(cors).toEqual([
      expect.objectContaining({
        AllowedMethods: ['POST'],
        AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [appDistribution.logicalId, 'DomainName'] }]] }],
      }),
    ]);
  });
});
