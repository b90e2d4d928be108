/**
 * Every request of the portfolio core's pages (my portfolio, my registers, the academy's
 * registers), with the shapes the API's zod schemas define (functions/src/portfolio/schemas.ts),
 * imported as types only. Certificates have their own module (`certificate-api.ts`).
 */
import type { z } from 'zod';
import type {
  ExternalEntryInputSchema,
  ExternalEntryUpdateSchema,
  PortfolioEntrySchema,
  ReflectionInputSchema,
  RegisterInputSchema,
  RegisterProgressSchema,
  RegisterSchema,
  RegisterUpdateSchema,
  RegistrationInputSchema,
  RegistrationSchema,
  RegistrationUpdateSchema,
  TimelineSchema,
} from '../../../../functions/src/portfolio/schemas';
import type { PresignedPostSchema } from '../../../../functions/src/platform/uploads/schemas';
import { api } from '../../api';

export type Timeline = z.infer<typeof TimelineSchema>;
export type PortfolioEntry = z.infer<typeof PortfolioEntrySchema>;
export type ExternalEntryInput = z.input<typeof ExternalEntryInputSchema>;
export type ExternalEntryUpdate = z.input<typeof ExternalEntryUpdateSchema>;
export type ReflectionInput = z.input<typeof ReflectionInputSchema>;
export type Register = z.infer<typeof RegisterSchema>;
export type RegisterInput = z.input<typeof RegisterInputSchema>;
export type RegisterUpdate = z.input<typeof RegisterUpdateSchema>;
export type Registration = z.infer<typeof RegistrationSchema>;
export type RegistrationInput = z.input<typeof RegistrationInputSchema>;
export type RegistrationUpdate = z.input<typeof RegistrationUpdateSchema>;
export type RegisterProgress = z.infer<typeof RegisterProgressSchema>;
type UploadTicket = z.infer<typeof PresignedPostSchema>;

const enc = encodeURIComponent;
/** Entry ids (`module:x`, `external:y`) go into the path as they are: the colon is allowed in a path segment. */
const entryPath = (entryId: string) => `/api/me/portfolio/entries/${entryId.split(':').map(enc).join(':')}`;

export function timeline(filter: { register?: string; year?: number } = {}): Promise<Timeline> {
  const q = new URLSearchParams();
  if (filter.register) q.set('register', filter.register);
  if (filter.year) q.set('year', String(filter.year));
  const qs = q.toString();
  return api<Timeline>(`/api/me/portfolio${qs ? `?${qs}` : ''}`);
}
export const addExternal = (input: ExternalEntryInput) => api<PortfolioEntry>('/api/me/portfolio/entries', { method: 'POST', body: input });
export const updateExternal = (entryId: string, input: ExternalEntryUpdate) => api<PortfolioEntry>(entryPath(entryId), { method: 'PUT', body: input });
export const deleteExternal = (entryId: string, rev: number) => api<{ deleted: string }>(`${entryPath(entryId)}?rev=${rev}`, { method: 'DELETE' });
export const saveReflection = (entryId: string, input: ReflectionInput) => api<PortfolioEntry>(`${entryPath(entryId)}/reflection`, { method: 'PUT', body: input });
export const startEvidenceUpload = (entryId: string, file: { fileName: string; contentType: string; bytes: number }) => api<UploadTicket>(`${entryPath(entryId)}/evidence`, { method: 'POST', body: file });
export const completeEvidenceUpload = (entryId: string, uploadId: string) => api<PortfolioEntry>(`${entryPath(entryId)}/evidence/${enc(uploadId)}/complete`, { method: 'POST' });

export const registrations = () => api<Registration[]>('/api/me/portfolio/registrations');
export const addRegistration = (input: RegistrationInput) => api<Registration>('/api/me/portfolio/registrations', { method: 'POST', body: input });
export const updateRegistration = (registerId: string, input: RegistrationUpdate) => api<Registration>(`/api/me/portfolio/registrations/${enc(registerId)}`, { method: 'PUT', body: input });
export const deleteRegistration = (registerId: string) => api<{ deleted: string }>(`/api/me/portfolio/registrations/${enc(registerId)}`, { method: 'DELETE' });
export const progress = () => api<RegisterProgress[]>('/api/me/portfolio/registers');
export const csvUrl = '/api/me/portfolio/export.csv';
export const overviewUrl = (registerId: string) => `/api/me/portfolio/registers/${enc(registerId)}/overview.pdf`;

export const registers = () => api<Register[]>('/api/registers');
export const register = (id: string) => api<Register>(`/api/registers/${enc(id)}`);
export const createRegister = (input: RegisterInput) => api<Register>('/api/registers', { method: 'POST', body: input });
export const updateRegister = (id: string, input: RegisterUpdate) => api<Register>(`/api/registers/${enc(id)}`, { method: 'PUT', body: input });
