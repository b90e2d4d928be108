/**
 * The academy's reports: activity counted per month (enrolments, completions, evaluation scores,
 * points), mandatory-training compliance per department and the attendance export for the
 * registers (PE-online). Other features import only from here. See functions/docs/reports.md.
 */
import { newRouter } from '../platform/http/router';

/** Mounted by app.ts in `/api/academy` (the dashboard and its exports). */
export const routes = {
  academy: newRouter(),
};
