/** A file name safe for a URL path segment and a Content-Disposition header, ending in `extension`. */
export function safeFileName(name: string, extension: string, fallback = 'bijlage'): string {
  const base = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || fallback}.${extension}`;
}
