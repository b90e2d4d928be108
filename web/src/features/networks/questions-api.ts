/** Requests of the consultation questions, typed with the API's own schemas (type-only imports). */
import type { z } from 'zod';
import { api } from '../../api';
import type { DraftFromQuestionSchema, NetworkQuestionsSchema, QuestionSchema } from '../../../../functions/src/knowledge/questions/schemas';

export type Question = z.infer<typeof QuestionSchema>;
export type NetworkQuestions = z.infer<typeof NetworkQuestionsSchema>;
export type DraftFromQuestion = z.infer<typeof DraftFromQuestionSchema>;

const enc = encodeURIComponent;
export const networkQuestions = (networkId: string) => api<NetworkQuestions>(`/api/networks/${enc(networkId)}/questions`);
export const askQuestion = (networkId: string, body: { title: string; body: string; visibility: 'network' | 'organisation' }) => api<Question>(`/api/networks/${enc(networkId)}/questions`, { method: 'POST', body });
export const answerQuestion = (networkId: string, questionId: string, answer: string) => api<Question>(`/api/networks/${enc(networkId)}/questions/${enc(questionId)}/answer`, { method: 'POST', body: { answer } });
export const draftFromQuestion = (networkId: string, questionId: string) => api<DraftFromQuestion>(`/api/networks/${enc(networkId)}/questions/${enc(questionId)}/draft-article`, { method: 'POST' });
export const myQuestions = () => api<Question[]>('/api/me/questions');
