/**
 * Requests of mandatory training and team compliance (the team page, Mijn leren's "Verplichte
 * scholing", the academy's requirements page), typed with the API's own schemas (type-only).
 */
import type { z } from 'zod';
import type { DepartmentComplianceSchema, MyMandatorySchema, RequirementInputSchema, RequirementListSchema, RequirementSchema } from '../../../../functions/src/portfolio/mandatory/schemas';
import type { MyTeamSchema, TeamComplianceSchema } from '../../../../functions/src/portfolio/teams/schemas';
import { api } from '../../api';

export type MyMandatory = z.infer<typeof MyMandatorySchema>;
export type MandatoryItem = MyMandatory['items'][number];
export type MandatoryStatus = MandatoryItem['status'];
export type Requirement = z.infer<typeof RequirementSchema>;
export type RequirementInput = z.input<typeof RequirementInputSchema>;
export type MyTeam = z.infer<typeof MyTeamSchema>;
export type TeamCompliance = z.infer<typeof TeamComplianceSchema>;
export type DepartmentCompliance = z.infer<typeof DepartmentComplianceSchema>;

const enc = encodeURIComponent;

export const myMandatory = () => api<MyMandatory>('/api/me/mandatory');
export const requirements = () => api<z.infer<typeof RequirementListSchema>>('/api/academy/mandatory');
export const saveRequirement = (moduleId: string, body: RequirementInput) => api<Requirement>(`/api/academy/mandatory/${enc(moduleId)}`, { method: 'PUT', body });
export const deleteRequirement = (moduleId: string, expectedRev: number) => api<{ deleted: true }>(`/api/academy/mandatory/${enc(moduleId)}?expectedRev=${expectedRev}`, { method: 'DELETE' });
export const departmentCompliance = () => api<DepartmentCompliance>('/api/academy/mandatory/compliance');
export const myTeam = () => api<MyTeam>('/api/teams/mine');
export const teamCompliance = (teamId: string) => api<TeamCompliance>(`/api/teams/${enc(teamId)}/compliance`);
export const teamComplianceCsvUrl = (teamId: string) => `/api/teams/${enc(teamId)}/compliance.csv`;
