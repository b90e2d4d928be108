import { expect } from 'vitest';
import { api, demo, tokenFor } from './api';

/** Test articles carry a unique marker word, so tests never depend on (or disturb) the seeded content. */
export const uniqueWord = (prefix = 'zebravink') => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

export interface ArticleInput {
  networkId?: string;
  title: string;
  summary?: string;
  markdown?: string;
  audience: 'internal' | 'partners' | 'public';
  tags?: string[];
  themes?: string[];
  slug?: string;
  language?: 'nl' | 'en';
}

export const tokens = {
  /** Joost: author, member of Suïcidepreventie, not its lead. */
  author: () => tokenFor(demo.author2),
  /** Fatima: author and lead expert of Suïcidepreventie. */
  lead: () => tokenFor(demo.author),
  employee: () => tokenFor(demo.employee),
  partner: () => tokenFor(demo.partner),
  admin: () => tokenFor(demo.admin),
};

export async function createArticle(token: string, input: ArticleInput) {
  const res = await api('/api/articles', {
    method: 'POST',
    token,
    json: {
      networkId: input.networkId ?? 'suicidepreventie',
      summary: input.summary ?? 'Een korte samenvatting voor de test.',
      markdown: input.markdown ?? `# ${input.title}\n\nTekst van het artikel.`,
      tags: input.tags ?? [],
      themes: input.themes ?? [],
      language: input.language ?? 'nl',
      ...input,
    },
  });
  return res;
}

/** Create → submit (author) → publish (lead); returns the article id and slug. */
export async function publishArticle(input: ArticleInput, who: { author?: string; lead?: string } = {}) {
  const author = who.author ?? (await tokens.author());
  const lead = who.lead ?? (await tokens.lead());
  const created = await createArticle(author, input);
  expect(created.status, JSON.stringify(created.data)).toBe(201);
  const id = created.data.article.id as string;
  const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: created.data.draft.revision } });
  expect(submitted.status, JSON.stringify(submitted.data)).toBe(200);
  const published = await api(`/api/articles/${id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: submitted.data.revision, note: 'Eerste versie' } });
  expect(published.status, JSON.stringify(published.data)).toBe(200);
  return { id, slug: published.data.slug as string };
}
