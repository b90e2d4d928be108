import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from '../../functions/src/platform/http/errors';
import { articleBytes, fitsInOneItem, maxArticleBytes } from '../../functions/src/knowledge/domain/limits';

describe('item size', () => {
  it('counts bytes of Markdown and HTML together, not characters', () => {
    expect(articleBytes('é', '<p>é</p>')).toBe(2 + 9);
    expect(fitsInOneItem('x'.repeat(1000), '<p>' + 'x'.repeat(1000) + '</p>')).toBe(true);
    // 100,000 "<" fit the character limit, but escaped to &lt; they are four times as many bytes.
    expect(fitsInOneItem('<'.repeat(100_000), '<p>' + '&lt;'.repeat(100_000) + '</p>')).toBe(false);
    expect(maxArticleBytes).toBeLessThan(400 * 1024);
  });

  it('answers DynamoDB\'s "item size" refusal with a 413 problem, never a 500', async () => {
    const app = new Hono();
    app.get('/x', () => {
      throw Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' });
    });
    app.onError((err, c) => onError(err, c as never));
    const res = await app.request('/x');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { type: string }).type).toBe('https://academie.example/problems/payload-too-large');
  });
});
