/**
 * Where SCORM packages live in S3; the API, the import job and the CDK construct
 * (infra/lib/constructs/scorm-import.ts) read these, so permissions and the event filter match
 * the keys the code writes.
 */

/**
 * In the uploads bucket: a checked package waiting for (or in) its import, one object per
 * import. It lies under the uploads bucket's pending prefix, so the lifecycle rule that expires
 * abandoned uploads also removes a queued package whose import never ran.
 */
export const scormUploadsPrefix = 'pending/scorm/';

/** In the content bucket: the extracted packages, one prefix per import. */
export const packagesPrefix = 'packages/';

export const queuedPackageKey = (moduleId: string, importId: string) => `${scormUploadsPrefix}${moduleId}/${importId}.zip`;

/** The module and import a queued package's key names; undefined for any other key. */
export function parseQueuedPackageKey(key: string): { moduleId: string; importId: string } | undefined {
  const m = new RegExp(`^${scormUploadsPrefix}([A-Za-z0-9_-]{1,80})/([A-Za-z0-9_-]{1,80})\\.zip$`).exec(key);
  return m ? { moduleId: m[1]!, importId: m[2]! } : undefined;
}

/** The prefix one import extracts to: `packages/{moduleId}/{importId}/`. A failed import removes only this. */
export const versionPrefix = (moduleId: string, importId: string) => `${packagesPrefix}${moduleId}/${importId}/`;
