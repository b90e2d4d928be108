/**
 * The learner's records: a portfolio they own (every completion on the platform plus external
 * learning, reflections, evidence), professional registers and progress per cycle, certificates
 * anyone can verify, and mandatory training. Other features import only from here.
 * See functions/docs/portfolio.md.
 */
import { newRouter } from '../platform/http/router';

/**
 * Mounted by app.ts: `me` in `/api/me` (my portfolio, registrations, certificates, mandatory
 * training), `registers` at `/api/registers`, `certificates` at `/api/certificates` (the public
 * verification and the academy's revocation), `academy` in `/api/academy` (mandatory training rules),
 * `teams` at `/api/teams` (a team's compliance).
 */
export const routes = {
  me: newRouter(),
  registers: newRouter(),
  certificates: newRouter(),
  academy: newRouter(),
  teams: newRouter(),
};
