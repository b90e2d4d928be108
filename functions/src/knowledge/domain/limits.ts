/**
 * Size limits that keep an article in one DynamoDB item (400 KB, including its other fields): a
 * draft stores its Markdown and its rendered HTML side by side, and HTML can be several times the
 * Markdown (every `<` becomes `&lt;`). Limiting characters is not enough; bytes are what count.
 */
export const maxArticleBytes = 300 * 1024;

/** Review comments travel with the draft item too. */
export const maxReviewComments = 50;

export const articleBytes = (markdown: string, html: string) => Buffer.byteLength(markdown, 'utf8') + Buffer.byteLength(html, 'utf8');

export function fitsInOneItem(markdown: string, html: string): boolean {
  return articleBytes(markdown, html) <= maxArticleBytes;
}
