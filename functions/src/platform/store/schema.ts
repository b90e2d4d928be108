/**
 * The one definition of the storage schema. The CDK stack (infra/) and the local
 * provisioning (scripts/local/provision.ts) both read it, so key names, indexes and
 * the TTL attribute can never drift between AWS and the local runtime.
 * Access patterns are listed in functions/docs/data-model.md.
 */
export const table = {
  /** Local table name; in AWS CloudFormation names the table and passes it via TABLE_NAME. */
  localName: 'academy',
  partitionKey: 'PK',
  sortKey: 'SK',
  ttlAttribute: 'expiresAt',
  globalIndexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export type BucketRole = 'web' | 'uploads' | 'content' | 'attachments';

/** Buckets by role. Local names are fixed; in AWS CloudFormation names them. */
export const buckets: Record<BucketRole, { localName: string; versioned: boolean; purpose: string }> = {
  web: { localName: 'academy-web', versioned: false, purpose: 'Built static front end (app origin)' },
  uploads: { localName: 'academy-uploads', versioned: false, purpose: 'Browser uploads via presigned POST; abandoned ones expire' },
  content: { localName: 'academy-content', versioned: true, purpose: 'Extracted SCORM packages (content origin)' },
  attachments: { localName: 'academy-attachments', versioned: true, purpose: 'Article attachments, certificates, search index snapshots' },
};

/** Prefix under which browser uploads land; the lifecycle rule expires what is left there. */
export const uploadsPendingPrefix = 'pending/';
export const abandonedUploadDays = 2;
