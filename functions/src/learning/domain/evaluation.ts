/**
 * Evaluations learners give after completing a module or path: the "study" in the academy's
 * plan-do-study-act cycle. Trainers and the academy see them aggregated: a rating summary and
 * the most recent free-text answers to act on.
 */

export type Rating = 1 | 2 | 3 | 4 | 5;
export const ratings: readonly Rating[] = [1, 2, 3, 4, 5];

/** The three reflection questions, in the order the form asks them. */
export const evaluationQuestions = ['learned', 'apply', 'improve'] as const;
export type EvaluationQuestion = (typeof evaluationQuestions)[number];

export interface Evaluation {
  targetType: 'module' | 'path';
  targetId: string;
  rating: Rating;
  answers: { learned?: string; apply?: string; improve?: string };
  createdAt: string;
}

export interface EvaluationComment {
  question: EvaluationQuestion;
  text: string;
  createdAt: string;
}

export interface EvaluationSummary {
  count: number;
  /** Mean rating to one decimal; null without evaluations. */
  average: number | null;
  distribution: Record<Rating, number>;
  /** Non-empty answers, newest first, at most `maxComments`. */
  comments: EvaluationComment[];
}

/** Enough to spot themes on one screen; older answers remain in the store. */
export const maxComments = 50;

/**
 * Evaluations arrive from the store as stored; one with a rating outside 1..5 (an old or
 * hand-edited record) is left out entirely rather than skewing the average.
 */
export function aggregateEvaluations(evals: Evaluation[]): EvaluationSummary {
  const valid = evals.filter((e) => ratings.includes(e.rating));
  const distribution: Record<Rating, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let sum = 0;
  for (const e of valid) {
    distribution[e.rating] += 1;
    sum += e.rating;
  }

  const comments: Array<EvaluationComment & { at: number }> = [];
  for (const e of valid) {
    for (const question of evaluationQuestions) {
      const text = e.answers?.[question]?.trim();
      if (text) comments.push({ question, text, createdAt: e.createdAt, at: instant(e.createdAt) });
    }
  }
  // Stable sort: answers of one evaluation keep the form's question order.
  comments.sort((a, b) => b.at - a.at || 0);

  return {
    count: valid.length,
    // Rounded from 10·sum/count: 1.15 × 10 is 11.499… in floating point, 230 / 20 is exactly 11.5.
    average: valid.length === 0 ? null : Math.round((10 * sum) / valid.length) / 10,
    distribution,
    comments: comments.slice(0, maxComments).map(({ question, text, createdAt }) => ({ question, text, createdAt })),
  };
}

/** Unparsable timestamps sort as oldest, so they cannot push real recent answers off the list. */
function instant(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}
