import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import type { Principal } from '../../functions/src/platform/auth/principal';
import type { Role } from '../../functions/src/platform/auth/roles';
import { listNetworks } from '../../functions/src/networks';
import { seedNetworks } from './seed-networks';
import { getSlug } from '../../functions/src/knowledge/articles/store';
import { getUser } from '../../functions/src/identity/users-store';
import type { SearchIndexStore } from '../../functions/src/knowledge/search/index-store';
import * as svc from '../../functions/src/knowledge/articles/service';

const FrontMatter = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  network: z.string(),
  audience: z.enum(['internal', 'partners', 'public']),
  language: z.enum(['nl', 'en']).default('nl'),
  // YAML reads a bare `113` as a number; a tag is always text.
  tags: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  themes: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  authors: z.array(z.string()).min(1),
  publishedAt: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
  reviewedBy: z.string().optional(),
  publishedBy: z.string().optional(),
  note: z.string().optional(),
});
type FrontMatter = z.infer<typeof FrontMatter>;

export function parseArticleFile(file: string): { front: FrontMatter; markdown: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: front matter missing`);
  const parsed = FrontMatter.safeParse(parseYaml(match[1]!));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { front: parsed.data, markdown: match[2]!.trim() + '\n' };
}

async function principalOf(store: StoreClients, userId: string): Promise<Principal> {
  const u = await getUser(store, userId);
  if (!u) throw new Error(`content refers to unknown user ${userId}`);
  return { id: u.id, name: u.name, email: u.email, roles: u.roles as Role[], organisationId: u.organisationId };
}

/** Publishes one version through the same use cases the API runs, with the content's own dates. */
async function publishVersion(store: StoreClients, search: SearchIndexStore, articleId: string | undefined, networkId: string, v: { front: FrontMatter; markdown: string }, note: string) {
  const at = `${v.front.publishedAt}T09:00:00.000Z`;
  const author = await principalOf(store, v.front.authors[0]!);
  const lead = await principalOf(store, v.front.publishedBy ?? v.front.reviewedBy ?? v.front.authors[0]!);
  const ctx = (principal: Principal): svc.KnowledgeCtx => ({ store, search, principal, now: () => at });
  const input = {
    title: v.front.title,
    summary: v.front.summary,
    markdown: v.markdown,
    tags: v.front.tags,
    themes: v.front.themes,
    audience: v.front.audience,
    language: v.front.language,
    slug: v.front.slug,
    coAuthors: v.front.authors.slice(1),
  };
  let id = articleId;
  let draft;
  if (!id) {
    const created = await svc.createArticle(ctx(author), networkId, input);
    id = created.article.id;
    draft = created.draft;
  } else {
    const opened = await svc.startDraft(ctx(author), id);
    draft = await svc.saveDraft(ctx(author), id, opened.revision, input);
  }
  const submitted = await svc.submitDraft(ctx(author), id, draft.revision);
  await svc.publishDraft(ctx(lead), id, submitted.revision, note, { updateIndex: false });
  return id;
}

/**
 * Networks (./seed-networks.ts) and articles from content/. Idempotent: an article
 * whose slug exists is skipped. Articles go through the real create → submit → publish path.
 */
export async function seedKnowledge(store: StoreClients, search: SearchIndexStore, contentDir: string) {
  // Networks first (functions/src/networks): articles belong to them.
  const networks = await seedNetworks(store, contentDir);

  const dir = join(contentDir, 'articles');
  let published = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const current = parseArticleFile(join(dir, file));
    if (await getSlug(store, current.front.slug)) continue;
    const historyDir = join(dir, 'history', current.front.slug);
    const older = existsSync(historyDir)
      ? readdirSync(historyDir).filter((f) => /^v\d+\.md$/.test(f)).sort((a, b) => parseInt(a.slice(1)) - parseInt(b.slice(1))).map((f) => parseArticleFile(join(historyDir, f)))
      : [];
    let id: string | undefined;
    for (const v of [...older, current]) {
      id = await publishVersion(store, search, id, current.front.network, v, v.front.note ?? 'Eerste publicatie');
      published++;
    }
  }
  if (published > 0) await svc.rebuildSearchIndex(store, search, (await listNetworks(store)).map((n) => n.id));
  return { networks, versionsPublished: published };
}
