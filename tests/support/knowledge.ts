import { expect } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients } from '../../functions/src/platform/store/clients';
import { keys } from '../../functions/src/platform/store/keys';
import { get, put } from '../../functions/src/platform/store/table';
import { api, demo, stack, tokenFor } from './api';

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

/**
 * Demo users come from content/people/users.json, their networks from content/networks/networks.json.
 * Only Fatima and Joost carry the `author` role; a network lead publishes whatever roles they carry.
 *
 * - Fatima (author): lead of suicidepreventie; member of herstel-en-ervaringsdeskundigheid,
 *   angst-en-depressie, psychose, verslaving-en-dubbele-diagnose, familie-en-naasten,
 *   ketensamenwerking, ouderenpsychiatrie. Not in trauma-en-ptss or persoonlijkheidsproblematiek.
 * - Joost (author): lead of herstel-en-ervaringsdeskundigheid; member of suicidepreventie,
 *   angst-en-depressie, psychose, verslaving-en-dubbele-diagnose, familie-en-naasten,
 *   ketensamenwerking. Not in trauma-en-ptss, persoonlijkheidsproblematiek or ouderenpsychiatrie.
 * - Noor (employee only): member of suicidepreventie and others without the author role (no
 *   editorial rights there); lead of familie-en-naasten and ouderenpsychiatrie.
 * - Daan (employee only): lead of psychose, verslaving-en-dubbele-diagnose and
 *   persoonlijkheidsproblematiek; not a member of ouderenpsychiatrie.
 * - Sanne (academy-admin): member of no network; writes and publishes everywhere.
 */
export const tokens = {
  /** Joost: author, member of Suïcidepreventie, not its lead. */
  author: () => tokenFor(demo.author2),
  /** Fatima: author and lead expert of Suïcidepreventie. */
  lead: () => tokenFor(demo.author),
  /** Noor: employee; in Suïcidepreventie a member without the author role. */
  employee: () => tokenFor(demo.employee),
  /** Daan: employee; not a member of Ouderenpsychiatrie. */
  employee2: () => tokenFor(demo.employee2),
  partner: () => tokenFor(demo.partner),
  admin: () => tokenFor(demo.admin),
};

/**
 * A fresh author of a network (the `author` role and a membership, written as the seed writes
 * one), with a token from the dev issuer: their rate-limit allowances (uploads, signals) are spent
 * by nobody else, so a test that needs many does not depend on what other tests did.
 */
export async function syntheticAuthor(networkId = 'suicidepreventie', prefix = 'u-author') {
  const store = createStoreClients(loadConfig(stack().env));
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  const id = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  const name = `Auteur ${id.slice(-6)}`;
  const network = await get(store, keys.network(networkId));
  if (!network) throw new Error(`No network ${networkId}`);
  await put(store, { ...keys.member(networkId, id), ...keys.memberIndex(id, networkId), type: 'membership', networkId, networkName: network.name, userId: id, name, role: 'member' });
  return { id, name, token: await issuer.mint({ id, name, roles: ['author', 'employee'] }) };
}

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

/** Create → submit (author); the draft waits in review. Returns the article id, its slug and the draft revision. */
export async function submitArticle(input: ArticleInput, who: { author?: string } = {}) {
  const author = who.author ?? (await tokens.author());
  const created = await createArticle(author, input);
  expect(created.status, JSON.stringify(created.data)).toBe(201);
  const id = created.data.article.id as string;
  const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: created.data.draft.revision } });
  expect(submitted.status, JSON.stringify(submitted.data)).toBe(200);
  return { id, slug: created.data.article.slug as string, revision: submitted.data.revision as number };
}

/** Create → submit (author) → publish (lead); returns the article id and slug. */
export async function publishArticle(input: ArticleInput, who: { author?: string; lead?: string } = {}) {
  const author = who.author ?? (await tokens.author());
  const lead = who.lead ?? (await tokens.lead());
  const { id, revision } = await submitArticle(input, { author });
  const published = await api(`/api/articles/${id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: revision, note: 'Eerste versie' } });
  expect(published.status, JSON.stringify(published.data)).toBe(200);
  return { id, slug: published.data.slug as string };
}

/** What a next version changes; everything else is taken over from the published version. */
export interface VersionChange {
  slug?: string;
  markdown?: string;
  title?: string;
  audience?: ArticleInput['audience'];
  note?: string;
}

/** A next version handed in, not published: open a draft, save the changes, submit. Returns the draft revision to publish. */
export async function handInNextVersion(id: string, change: Omit<VersionChange, 'note'>, who: { author?: string } = {}) {
  const author = who.author ?? (await tokens.author());
  const draft = await api(`/api/articles/${id}/draft`, { method: 'POST', token: author });
  expect(draft.status, JSON.stringify(draft.data)).toBe(200);
  const d = draft.data;
  const saved = await api(`/api/articles/${id}/draft`, {
    method: 'PUT',
    token: author,
    json: {
      expectedRevision: d.revision,
      title: change.title ?? d.title,
      summary: d.summary,
      markdown: change.markdown ?? d.markdown,
      audience: change.audience ?? d.audience,
      tags: d.tags,
      themes: d.themes,
      language: d.language,
      slug: change.slug ?? d.slug,
    },
  });
  expect(saved.status, JSON.stringify(saved.data)).toBe(200);
  const submitted = await api(`/api/articles/${id}/submit`, { method: 'POST', token: author, json: { expectedRevision: saved.data.revision } });
  expect(submitted.status, JSON.stringify(submitted.data)).toBe(200);
  return submitted.data.revision as number;
}

/** A next version of a published article: hand it in (`handInNextVersion`), then publish. Returns the (new) slug and version. */
export async function publishNextVersion(id: string, change: VersionChange, who: { author?: string; lead?: string } = {}) {
  const lead = who.lead ?? (await tokens.lead());
  const revision = await handInNextVersion(id, change, who);
  const published = await api(`/api/articles/${id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: revision, note: change.note ?? 'Volgende versie' } });
  expect(published.status, JSON.stringify(published.data)).toBe(200);
  return { slug: published.data.slug as string, version: published.data.version as number };
}

/** A real 1×1 PNG. */
export const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082', 'hex');

/** Start → POST the bytes straight to S3 (as the browser does: the API never carries them) → complete. */
export async function upload(token: string, articleId: string, file: { name: string; type: string; body: Buffer; declared?: number }) {
  const start = await api(`/api/articles/${articleId}/attachments`, { method: 'POST', token, json: { fileName: file.name, contentType: file.type, bytes: file.declared ?? file.body.length } });
  if (start.status !== 201) return { start };
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.body)], { type: file.type }), file.name);
  const s3 = await fetch(start.data.url, { method: 'POST', body: form });
  const complete = await api(`/api/articles/${articleId}/attachments/${start.data.uploadId}/complete`, { method: 'POST', token });
  return { start, s3Status: s3.status, complete };
}

/** Fetches an attachment URL as served by the API (raw response: bytes, not JSON). */
export const fetchAttachment = (url: string, token?: string) =>
  fetch(`${stack().appUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
