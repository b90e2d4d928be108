/**
 * The learner's records: a portfolio they own (every completion on the platform plus external
 * learning, reflections, evidence), professional registers and progress per cycle, certificates
 * anyone can verify, and mandatory training. Other features import only from here.
 * See functions/docs/portfolio.md.
 */
import { joinRouters } from '../platform/http/router';
import { certificateMeRoutes, certificateRoutes } from './certificates/routes';
import { academyMandatoryRoutes, myMandatoryRoutes } from './mandatory/routes';
import { teamRoutes } from './teams/routes';
import { homeRoutes } from './home/routes';
import { registerRoutes } from './registers/routes';
import { entryRoutes } from './entries/routes';
import { registrationRoutes } from './registrations/routes';
import { exportRoutes } from './exports/routes';

/**
 * Mounted by app.ts: `me` in `/api/me` (my portfolio, registrations, certificates, mandatory
 * training), `registers` at `/api/registers`, `certificates` at `/api/certificates` (the public
 * verification and the academy's revocation), `academy` in `/api/academy` (mandatory training rules),
 * `teams` at `/api/teams` (a team's compliance).
 */
export const routes = {
  me: joinRouters(entryRoutes, registrationRoutes, exportRoutes, certificateMeRoutes, myMandatoryRoutes, homeRoutes),
  registers: registerRoutes,
  certificates: certificateRoutes,
  academy: joinRouters(academyMandatoryRoutes),
  teams: teamRoutes,
};

/** For personal-data requests (functions/src/privacy): a person's certificates, and their erasure (records deleted; their codes verify as "not found"). */
export { certificatesDataOf, eraseCertificates } from './certificates/service';

/**
 * The portfolio core for other features:
 * - `portfolioDataOf(store, userId)`: everything the portfolio core stores of a person (registrations,
 *   external learning with its evidence's file name/type/size, reflections), as plain JSON;
 * - `erasePortfolio(store, userId)`: deletes those items and every evidence object of the person
 *   (attachments bucket, prefix `portfolio/{userId}/`); idempotent; returns counts;
 * - `registerProgressOf(store, userId, now?)`: progress per registration (earned, required, missing,
 *   cycle with days left, categories) with the member's `shareWithManager`; the caller shows only
 *   what is shared (policy kind `sharedProgress`).
 * Platform completions are not copied into the portfolio: learning exports and erases them.
 */
export { portfolioDataOf, erasePortfolio } from './privacy';
export { registerProgressOf } from './registrations/progress';
export type { Register } from './domain/registers';
