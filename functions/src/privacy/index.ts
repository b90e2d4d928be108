/**
 * Personal data (AVG/GDPR): a person's download of everything the platform holds about them, the
 * academy's erasure of a person everywhere, and the audit log of both. Other features import only
 * from here; the audit log's writer, used by every feature, is `platform/audit`. See functions/docs/privacy.md.
 */
import { academyPrivacyRoutes, mePrivacyRoutes } from './routes';

/** Mounted by app.ts: `me` in `/api/me` (my personal data), `academy` in `/api/academy` (erasure requests, the audit log). */
export const routes = {
  me: mePrivacyRoutes,
  academy: academyPrivacyRoutes,
};

export type { PersonalData, Erasure, AuditEntryView, AuditList } from './schemas';
