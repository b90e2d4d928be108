/**
 * SCORM e-learning: a module's package (uploads, the import job, versions). Other features and the
 * entries (app.ts, scorm-import.ts) import only from here. See functions/docs/scorm.md.
 */
import { moduleScormRoutes } from './routes';

/** Mounted by app.ts under `/api/modules` (joined with learning's module routes). */
export const routes = {
  modules: moduleScormRoutes,
};

export { importScormPackage, type ImportDeps, type ImportJob, type ImportOutcome } from './import/job';
export { importsSettled } from './import/runner';
export { parseQueuedPackageKey, queuedPackageKey, scormUploadsPrefix, packagesPrefix, versionPrefix } from './domain/locations';
export { getPackage as getPackageRecord, getVersion as getPackageVersion, type ScormVersion as ScormPackageVersion, type ScormPackage } from './store';
