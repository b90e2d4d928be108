/**
 * The audiences of knowledge as plain data. Who may read which audience is the access policy's
 * (functions/src/policy); this file only knows how the audiences nest.
 */
export type Audience = 'internal' | 'partners' | 'public';
export const audiences: readonly Audience[] = ['internal', 'partners', 'public'];

/**
 * Whether everyone in a module's enrolment audience may read an article of `article` audience
 * (a reading module must not assign an article some of its learners cannot open). Both scales
 * nest: employees ⊂ partners ⊂ public.
 */
export function articleReachesAll(article: Audience, enrolAudience: 'employees' | 'partners' | 'public'): boolean {
  const enrolWidth = { employees: 0, partners: 1, public: 2 }[enrolAudience];
  return enrolWidth <= audiences.indexOf(article);
}
