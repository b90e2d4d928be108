import { describe, expect, it } from 'vitest';
import { httpsLink } from '../../../web/src/ui/links';

describe('links from users', () => {
  it('become links only when they are https', () => {
    expect(httpsLink('https://meet.example.org/abc')).toBe('https://meet.example.org/abc');
    for (const url of ['http://meet.example.org', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'JavaScript:alert(1)', 'niet een link', '', undefined]) expect(httpsLink(url), String(url)).toBeUndefined();
  });
});
