/**
 * The academy's reports: activity counted per month (enrolments, completions, evaluation scores,
 * points), mandatory-training compliance per department and the attendance export for the
 * registers (PE-online). Other features import only from here. See functions/docs/reports.md.
 */
import { joinRouters } from '../platform/http/router';
import { academyReportRoutes } from './routes';
import { attendanceRoutes } from './pe-online/routes';
import { academyNetworkActivityRoutes, networkActivityRoutes } from './activity/routes';

/** Mounted by app.ts in `/api/academy` (the dashboard and its exports). */
export const routes = {
  academy: joinRouters(academyReportRoutes, attendanceRoutes, academyNetworkActivityRoutes),
  /** Mounted in `/api/networks`: a network's activity per quarter. */
  networks: networkActivityRoutes,
};
