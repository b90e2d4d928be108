import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  type CorsRule,
  type IBucket,
  type LifecycleRule,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { abandonedUploadDays, buckets, uploadsPendingPrefix, type BucketRole } from '../../../functions/src/platform/store/schema';
import { stateSpillPrefix } from '../../../functions/src/scorm/attempts/store';

/** Settings every bucket shares, access-log bucket included. */
export const secureBucketDefaults = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  // Buckets hold platform content and personal uploads: never deleted together with a stack.
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

export interface RoleBucketProps {
  role: BucketRole;
  accessLogs: IBucket;
  cors?: CorsRule[];
  /**
   * Another stack owns this bucket's one bucket policy (S3 keeps a single policy per bucket), so
   * this one creates none, not even the TLS-only deny: the owner adds `denyInsecureTransport()`.
   * Names the owner for the cdk-nag acknowledgement.
   */
  policyOwnedBy?: string;
}

/**
 * A bucket for one role from functions/src/platform/store/schema.ts. Versioning and the abandoned-upload
 * expiry come from the schema, so the local runtime and AWS describe the same buckets.
 */
export function createRoleBucket(scope: Construct, props: RoleBucketProps): Bucket {
  const spec = buckets[props.role];
  const lifecycleRules: LifecycleRule[] = [
    { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
  ];
  if (props.role === 'uploads') {
    lifecycleRules.push({
      id: 'expire-abandoned-uploads',
      prefix: uploadsPendingPrefix,
      expiration: Duration.days(abandonedUploadDays),
    });
  }
  if (spec.versioned) {
    // Versions exist to undo mistakes, not to keep every edit forever.
    lifecycleRules.push({ id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(90) });
  }
  if (props.role === 'attachments') {
    // Large SCORM state spilled from DynamoDB: one object per applied commit, and the attempt row
    // names only the newest (functions/src/scorm/attempts/store.ts), whose older objects the API
    // deletes as it goes. A deleted spill is a superseded state nobody reads again: its noncurrent
    // version goes after a day instead of 90 (an autocommitting SCO writes one every few seconds),
    // and the delete markers left behind are cleaned up. Current objects never expire: they are
    // the stored state of an attempt, read on resume and by reports.
    lifecycleRules.push({
      id: 'expire-superseded-scorm-state',
      prefix: stateSpillPrefix,
      noncurrentVersionExpiration: Duration.days(1),
      expiredObjectDeleteMarker: true,
    });
  }
  const bucket = new Bucket(scope, roleBucketId(props.role), {
    ...secureBucketDefaults,
    enforceSSL: !props.policyOwnedBy,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: spec.versioned,
    lifecycleRules,
    cors: props.cors,
    serverAccessLogsBucket: props.accessLogs,
    serverAccessLogsPrefix: `s3/${props.role}/`,
  });
  if (!(props.accessLogs instanceof Bucket)) {
    acknowledge(
      bucket,
      'Annotation::@aws-cdk/aws-s3:accessLogsPolicyNotAdded',
      "The access-log bucket lives in the Data stack; its policy admits server access logs from this account's buckets.",
    );
  }
  if (props.policyOwnedBy) {
    acknowledge(
      bucket,
      'AwsSolutions-S10',
      `The bucket's policy, with the TLS-only deny, is created by ${props.policyOwnedBy}, next to the one principal it admits.`,
    );
  }
  return bucket;
}

/**
 * The TLS-only deny, as `enforceSSL` writes it, for a bucket policy created outside the bucket's
 * own stack (see `policyOwnedBy`).
 */
export function denyInsecureTransport(bucket: IBucket): PolicyStatement {
  return new PolicyStatement({
    effect: Effect.DENY,
    principals: [new AnyPrincipal()],
    actions: ['s3:*'],
    resources: [bucket.bucketArn, bucket.arnForObjects('*')],
    conditions: { Bool: { 'aws:SecureTransport': 'false' } },
  });
}

/** Construct id (and so logical id prefix) of a role's bucket: UploadsBucket, ContentBucket, ... */
export function roleBucketId(role: BucketRole): string {
  return `${role.charAt(0).toUpperCase()}${role.slice(1)}Bucket`;
}
