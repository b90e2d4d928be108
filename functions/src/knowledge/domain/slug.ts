/** URL slugs for /kennis/{slug}: lowercase ASCII, diacritics folded, words joined by hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** Paths of the knowledge pages themselves; an article slug may never shadow them. */
export const reservedSlugs: ReadonlySet<string> = new Set(['nieuw', 'review', 'bewerken', 'geschiedenis', 'signalen', 'netwerk', 'zoeken']);

export function isUsableSlug(slug: string): boolean {
  return slugPattern.test(slug) && !reservedSlugs.has(slug);
}
