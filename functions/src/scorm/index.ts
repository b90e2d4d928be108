/**
 * SCORM e-learning: a module's package (uploads, the import job, versions). Other features and the
 * entries (app.ts, scorm-import.ts) import only from here. See functions/docs/scorm.md.
 */
import { joinRouters } from '../platform/http/router';
import { moduleScormRoutes } from './routes';
import { moduleLaunchRoutes, myAttemptRoutes, runtimeRoutes } from './attempts/routes';
import { launchCookieRoutes } from './attempts/launch-cookie-route';
import { moduleReportRoutes } from './reports/routes';

/**
 * Mounted by app.ts: `modules` under `/api/modules` (joined with learning's module routes; the
 * package, launching an attempt and the module report), `me` in `/api/me` (my attempts), `runtime` at
 * `/api/scorm/runtime` (the player, with a launch token only; with the package cookie it asks for).
 */
export const routes = {
  modules: joinRouters(moduleScormRoutes, moduleLaunchRoutes, moduleReportRoutes),
  me: myAttemptRoutes,
  runtime: joinRouters(runtimeRoutes, launchCookieRoutes),
};

export { importScormPackage, type ImportDeps, type ImportJob, type ImportOutcome } from './import/job';
export { importsSettled } from './import/runner';
export { parseQueuedPackageKey, queuedPackageKey, scormUploadsPrefix, packagesPrefix, versionPrefix } from './domain/locations';
export { getPackage as getPackageRecord, getVersion as getPackageVersion, type ScormVersion as ScormPackageVersion, type ScormPackage } from './store';
export { isPackagePrefix, packageCookieAllows, packageCookieSeconds, packageSetCookie } from './player/package-cookie';
/** Personal data (functions/src/privacy): a learner's attempts for their export (by the modules they launched), and their erasure. */
export { scormDataOf, eraseScormLearner } from './attempts/personal-data';
