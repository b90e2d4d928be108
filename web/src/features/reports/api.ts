/**
 * The requests of the academy reports page, with the API's own shapes (imported as types only:
 * no backend code reaches the bundle, a changed field fails `npm run typecheck`). Compliance per
 * department is the mandatory-training feature's endpoint (functions/src/portfolio/mandatory).
 */
import type { z } from 'zod';
import { api } from '../../api';
import type { ReportsSchema } from '../../../../functions/src/reports/schemas';
import type { DepartmentComplianceSchema } from '../../../../functions/src/portfolio/mandatory/schemas';

export type AcademyReports = z.infer<typeof ReportsSchema>;
export type DepartmentCompliance = z.infer<typeof DepartmentComplianceSchema>;
export type ReportTable = 'months' | 'modules' | 'paths' | 'networks' | 'registers';

export interface ReportQuery {
  from?: string;
  to?: string;
  moduleId?: string;
  pathId?: string;
  networkId?: string;
}

/** The query string of a report request: only what is set, in a fixed order. */
export function reportQueryString(q: ReportQuery): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'moduleId', 'pathId', 'networkId'] as const) if (q[key]) params.set(key, q[key]!);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const academyReports = (q: ReportQuery) => api<AcademyReports>(`/api/academy/reports${reportQueryString(q)}`);
export const reportCsvUrl = (table: ReportTable, q: ReportQuery) => `/api/academy/reports/${table}.csv${reportQueryString(q)}`;
export const departmentCompliance = () => api<DepartmentCompliance>('/api/academy/mandatory/compliance');
