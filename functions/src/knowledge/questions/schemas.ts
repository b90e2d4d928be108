import { z } from '@hono/zod-openapi';
import { say } from '../../platform/http/language';
import { ArticleMetaSchema } from '../schemas';

/**
 * Request and response shapes of the consultation questions (OpenAPI components; the web imports
 * their types: web/src/features/networks/questions-api.ts).
 */
const Person = z.object({ id: z.string(), name: z.string() });

export const QuestionVisibilitySchema = z.enum(['network', 'organisation']).openapi({ description: 'network = alleen leden van het netwerk (en de academie); organisation = alle medewerkers. De vrager ziet de vraag altijd.' });

export const AskQuestionSchema = z
  .object({
    title: z.string().trim().min(5, say('Minstens 5 tekens', 'At least 5 characters')).max(160, say('Maximaal 160 tekens', 'At most 160 characters')),
    body: z.string().trim().min(20, say('Minstens 20 tekens: beschrijf de situatie algemeen', 'At least 20 characters: describe the situation in general terms')).max(4000, say('Maximaal 4000 tekens', 'At most 4000 characters')),
    visibility: QuestionVisibilitySchema.default('network'),
  })
  .openapi('AskQuestion');

export const AnswerQuestionSchema = z
  .object({
    answer: z.string().trim().min(20, say('Minstens 20 tekens', 'At least 20 characters')).max(8000, say('Maximaal 8000 tekens', 'At most 8000 characters')),
  })
  .openapi('AnswerQuestion');

export const QuestionSchema = z
  .object({
    id: z.string(),
    networkId: z.string(),
    networkName: z.string(),
    title: z.string(),
    body: z.string(),
    visibility: QuestionVisibilitySchema,
    asker: Person,
    askedAt: z.string(),
    status: z.enum(['open', 'answered']),
    answer: z.object({ text: z.string(), by: Person, at: z.string() }).optional(),
    answeredAt: z.string().optional(),
    articleId: z.string().optional().openapi({ description: 'Het concept-artikel dat van deze vraag gemaakt is' }),
    articleDraftedAt: z.string().optional(),
    mayAnswer: z.boolean().openapi({ description: 'De aanvrager mag deze (open) vraag beantwoorden' }),
    mayDraftArticle: z.boolean().openapi({ description: 'De aanvrager mag van deze beantwoorde vraag een concept-artikel maken' }),
  })
  .openapi('Question');

export const NetworkQuestionsSchema = z.object({ mayAsk: z.boolean(), questions: z.array(QuestionSchema) }).openapi('NetworkQuestions');

export const DraftFromQuestionSchema = z.object({ question: QuestionSchema, article: ArticleMetaSchema }).openapi('DraftFromQuestion');
