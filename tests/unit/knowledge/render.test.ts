import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINK_REL, renderMarkdown } from '../../../functions/src/knowledge/domain/render';
import { xssPayloads } from './xss-corpus';

interface Element {
  name: string;
  attribs: Record<string, string>;
}

/** Every element of an HTML string, attributes entity-decoded as a browser would see them. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const parser = new Parser(
    { onopentag: (name, attribs) => found.push({ name: name.toLowerCase(), attribs }) },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

const ALLOWED: Record<string, readonly string[]> = {
  h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
  p: ['class'], a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'],
  ul: [], ol: ['start'], li: [], blockquote: [], pre: [], code: ['class'], em: [], strong: [],
  del: [], table: [], thead: [], tbody: [], tr: [], th: ['class'], td: ['class'], hr: [], br: [],
  aside: ['class', 'role'], sup: [], sub: [], span: ['class'],
};
const FORBIDDEN_TAGS = ['script', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input', 'style', 'link', 'meta', 'base'];

/** What a browser does before looking at the scheme: drop C0 controls and spaces. */
const cleanUrl = (url: string): string => url.replace(/[\x00-\x20]+/g, ''); // eslint-disable-line no-control-regex
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function assertSafe(html: string): void {
  expect(html).not.toMatch(/<\s*script/i);
  for (const el of elements(html)) {
    expect(FORBIDDEN_TAGS, `forbidden <${el.name}>`).not.toContain(el.name);
    expect(Object.keys(ALLOWED), `unexpected <${el.name}>`).toContain(el.name);
    for (const [attr, value] of Object.entries(el.attribs)) {
      expect(attr, `<${el.name} ${attr}>`).not.toMatch(/^on/i);
      expect(ALLOWED[el.name], `<${el.name} ${attr}>`).toContain(attr);
      if (attr === 'href' || attr === 'src') {
        const url = cleanUrl(value);
        expect(url, `${attr}=${value}`).not.toMatch(/^(javascript|vbscript|data):/i);
        expect(url, `${attr}=${value} is protocol-relative`).not.toMatch(/^[/\\]{2}/);
        const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
        if (scheme !== undefined) {
          // Images only from the platform itself: an image source never has a scheme.
          expect(attr === 'href' ? ['http', 'https', 'mailto'] : [], `${attr}=${value}`).toContain(scheme);
        }
      }
      if (attr === 'class' && el.name === 'aside') expect(value).toMatch(/^callout callout-(note|tip|important|warning|caution)$/);
      if (attr === 'class' && el.name === 'p') expect(value).toBe('callout-title');
      if (attr === 'class' && el.name === 'code') expect(value).toMatch(/^language-[a-z0-9_+#.-]+$/);
      if (attr === 'class' && (el.name === 'th' || el.name === 'td')) expect(value).toMatch(/^align-(left|center|right)$/);
      if (attr === 'class' && el.name === 'span') expect(value).toBe('external-image');
      if (attr === 'role') expect(value).toBe('note');
      if (attr === 'rel') expect(value).toBe(EXTERNAL_LINK_REL);
    }
  }
}

describe('renderMarkdown: XSS corpus', () => {
  it('has a substantial corpus', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    '<script>alert(1)</script>',
    '<p onclick="x">a</p>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<img src="data:image/png;base64,AA">',
    '<img src="http://x.example/a.png">',
    '<a href="//evil.example">x</a>',
    '<svg></svg>',
    '<a href="https://x.example" target="_blank">x</a>',
    '<p style="color:red">x</p>',
  ])('the checker itself rejects %s', (html) => {
    expect(() => assertSafe(html)).toThrow();
  });

  it('shows every raw-HTML payload verbatim as text, losing nothing', () => {
    const rawHtml = xssPayloads.filter(
      (p) => /^<[a-z!?]/i.test(p) && !/[\n`]/.test(p) && !/^<[a-z]+:[^<>\s]*>$/i.test(p), // not autolinks/code spans
    );
    expect(rawHtml.length).toBeGreaterThan(30);
    for (const payload of rawHtml) {
      expect(renderMarkdown(payload).plainText, payload).toBe(payload.replace(/\s+/g, ' '));
    }
  });

  it.each(xssPayloads.map((p) => [p]))('neutralises %j', (payload) => {
    const { html, plainText } = renderMarkdown(payload);
    assertSafe(html);
    // The output is stable: a second sanitising pass changes nothing (no mutation on re-parse).
    expect(renderMarkdown(payload).html).toBe(html);
    expect(typeof plainText).toBe('string');
  });

  it.each(xssPayloads.map((p) => [p]))('stays safe when embedded in a document: %j', (payload) => {
    assertSafe(renderMarkdown(`# Titel\n\nTekst ervoor ${payload} tekst erna.\n\n- ${payload}\n\n> ${payload}\n`).html);
  });

  it('stays safe with the whole corpus in one article (as the e2e test publishes it)', () => {
    const { html } = renderMarkdown(xssPayloads.join('\n\n'));
    assertSafe(html);
    expect(elements(html).filter((e) => e.name === 'h1')).toEqual([]);
  });

  it('keeps template syntax as inert text', () => {
    const payload = "{{constructor.constructor('alert(1)')()}}";
    const { html, plainText } = renderMarkdown(payload);
    expect(plainText).toBe(payload);
    expect(elements(html).map((e) => e.name)).toEqual(['p']);
  });

  it('shows raw HTML as text instead of rendering it', () => {
    const { html, plainText } = renderMarkdown('Dit is <b>vet</b> en <img src=x onerror=alert(1)>.');
    expect(elements(html).map((e) => e.name)).toEqual(['p']);
    expect(html).toContain('&lt;b&gt;vet&lt;/b&gt;');
    expect(plainText).toBe('Dit is <b>vet</b> en <img src=x onerror=alert(1)>.');
  });

  it('drops dangerous link targets but keeps the link text', () => {
    const { html } = renderMarkdown('[klik](javascript:alert(1)) en [mail](mailto:a@b.nl)');
    expect(html).toBe('<p>klik en <a href="mailto:a@b.nl">mail</a></p>\n');
  });

  it('drops images with refused sources entirely', () => {
    const { html } = renderMarkdown('![a](data:image/png;base64,AAAA) ![b](http://x.example/b.png) ![c](//x.example/c.png)');
    expect(elements(html).filter((e) => e.name === 'img')).toEqual([]);
  });
});

describe('renderMarkdown: features', () => {
  it('gives headings stable, folded, deduplicated ids and returns a table of contents', () => {
    const md = '# Cliënt & coördinatie\n\n## Aanpak\n\n## Aanpak\n\n### Aanpak 1\n\n#### `code` in *kop*\n\n## !!!';
    const { html, headings } = renderMarkdown(md);
    expect(headings).toEqual([
      { id: 'client-coordinatie', text: 'Cliënt & coördinatie', level: 1 },
      { id: 'aanpak', text: 'Aanpak', level: 2 },
      { id: 'aanpak-1', text: 'Aanpak', level: 2 },
      { id: 'aanpak-1-1', text: 'Aanpak 1', level: 3 },
      { id: 'code-in-kop', text: 'code in kop', level: 4 },
      { id: 'sectie', text: '!!!', level: 2 },
    ]);
    expect(html).toContain('<h1 id="client-coordinatie">Cliënt &amp; coördinatie</h1>');
    expect(renderMarkdown(md).headings).toEqual(headings);
  });

  it('renders GFM tables with alignment as classes', () => {
    const { html } = renderMarkdown('| Links | Midden | Rechts | Geen |\n|:--|:-:|--:|---|\n| a | b | c | d |');
    expect(html).toContain('<th class="align-left">Links</th>');
    expect(html).toContain('<th class="align-center">Midden</th>');
    expect(html).toContain('<td class="align-right">c</td>');
    expect(html).toContain('<td>d</td>');
    expect(html).not.toMatch(/align="|style=/);
  });

  it.each([
    ['NOTE', 'note', 'Let op'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Belangrijk'],
    ['WARNING', 'warning', 'Waarschuwing'],
    ['CAUTION', 'caution', 'Voorzichtig'],
  ])('renders [!%s] as a callout', (marker, kind, title) => {
    const { html, plainText } = renderMarkdown(`> [!${marker}]\n> Bel bij **acuut** gevaar 112.\n> - eerste stap`);
    expect(html).toBe(
      `<aside class="callout callout-${kind}" role="note"><p class="callout-title">${title}</p>\n` +
        '<p>Bel bij <strong>acuut</strong> gevaar 112.</p>\n<ul>\n<li>eerste stap</li>\n</ul>\n</aside>\n',
    );
    expect(plainText).toBe('Bel bij acuut gevaar 112. eerste stap');
  });

  it('accepts lower-case markers and keeps ordinary blockquotes', () => {
    expect(renderMarkdown('> [!tip]\n> x').html).toContain('callout-tip');
    expect(renderMarkdown('> gewoon citaat').html).toBe('<blockquote>\n<p>gewoon citaat</p>\n</blockquote>\n');
    // Not a callout: the marker is not alone on its line, or unknown.
    expect(renderMarkdown('> [!NOTE] met tekst\n> x').html).toContain('<blockquote>');
    expect(renderMarkdown('> [!DANGER]\n> x').html).toContain('<blockquote>');
  });

  it('renders fenced code with a language class and escapes its content', () => {
    const { html } = renderMarkdown('```TypeScript\nconst a = 1 < 2 && "x";\n```\n\n```\nplain\n```');
    expect(html).toContain('<pre><code class="language-typescript">const a = 1 &lt; 2 &amp;&amp; "x";\n</code></pre>');
    expect(html).toContain('<pre><code>plain\n</code></pre>');
  });

  it('keeps internal links plain and marks external ones', () => {
    const { html } = renderMarkdown(
      '[intern](/kennis/depressie) [anker](#aanpak) [extern](https://www.thuisarts.nl/somberheid "Thuisarts") <https://example.org> www.ggz.nl',
    );
    expect(html).toContain('<a href="/kennis/depressie">intern</a>');
    expect(html).toContain('<a href="#aanpak">anker</a>');
    expect(html).toContain(`<a href="https://www.thuisarts.nl/somberheid" title="Thuisarts" rel="${EXTERNAL_LINK_REL}">extern</a>`);
    expect(html).toContain(`<a href="https://example.org" rel="${EXTERNAL_LINK_REL}">https://example.org</a>`);
    expect(html).toContain(`<a href="http://www.ggz.nl" rel="${EXTERNAL_LINK_REL}">www.ggz.nl</a>`);
    expect(html).not.toContain('target');
  });

  it('treats configured hosts as internal', () => {
    const { html } = renderMarkdown('[x](https://academie.example.nl/kennis/a)', { internalHosts: ['academie.example.nl'] });
    expect(html).toBe('<p><a href="https://academie.example.nl/kennis/a">x</a></p>\n');
  });

  it('keeps images of the platform itself (attachments, relative paths) and shows the description of images elsewhere', () => {
    const { html } = renderMarkdown('![schema](https://cdn.example.org/a.png "Schema") ![bijlage](/api/articles/a1/attachments/b2) ![rel](img/c.png) ![](//cdn.example.org/b.png "Alleen titel")');
    expect(elements(html).filter((e) => e.name === 'img').map((e) => e.attribs)).toEqual([
      { src: '/api/articles/a1/attachments/b2', alt: 'bijlage' },
      { src: 'img/c.png', alt: 'rel' },
    ]);
    // CSP img-src 'self' would block them anyway; and a third party would learn who reads what.
    expect(html).toContain('<span class="external-image">schema</span>');
    expect(html).toContain('<span class="external-image">Alleen titel</span>');
    expect(html).not.toContain('cdn.example.org');
  });

  it('renders lists (with start), emphasis, strikethrough, hr and line breaks', () => {
    const { html } = renderMarkdown('3. drie\n4. vier\n\n- *em* **strong** ~~weg~~\n\n---\n\nregel  \nvolgende');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<li><em>em</em> <strong>strong</strong> <del>weg</del></li>');
    expect(html).toContain('<hr />');
    expect(html).toContain('regel<br />volgende');
  });

  it('renders task lists without form controls', () => {
    const { html } = renderMarkdown('- [ ] open\n- [x] klaar');
    expect(html).toContain('<li>☐ open</li>');
    expect(html).toContain('<li>☑ klaar</li>');
  });

  it('produces collapsed plain text for search', () => {
    const { plainText } = renderMarkdown('# Kop\n\nEerste   alinea\nmet [link](/x).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode  blok\n```');
    expect(plainText).toBe('Kop Eerste alinea met link. a b 1 2 code blok');
  });

  it('handles empty input', () => {
    expect(renderMarkdown('')).toEqual({ html: '', plainText: '', headings: [] });
  });
});

describe('renderMarkdown: fuzzing', () => {
  const fragments = [
    '<', '>', '"', "'", '`', '&#106;', '&#x3A;', '&colon;', 'javascript:', 'JaVaScRiPt:', 'vbscript:', 'data:',
    'alert(1)', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<a href="',
    '[x](', ')', '![y](', ' "t"', '\n', '\n\n', '> ', '> [!NOTE]\n', '# ', '| a | b |\n|---|---|\n| ', '```',
    '<!--', '-->', 'onerror=', '//evil.example', '\\', '*', '_', '~~', '- ', '1. ', '<style>', '<math>', '<mglyph>',
    '<iframe srcdoc=', '{{', '}}', 'https://ok.example/a.png', '/api/x', '\t', '&#10;', '[r]: ',
  ];
  it('never produces unsafe HTML from random combinations of hostile fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 40 }), (parts) => {
        assertSafe(renderMarkdown(parts.join('')).html);
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderMarkdown: robustness', () => {
  it('shows input too deeply nested for marked as escaped source instead of throwing', () => {
    const markdown = `${'>'.repeat(5000)} <script>alert(1)</script>`;
    const { html, plainText } = renderMarkdown(markdown);
    assertSafe(html);
    expect(html.startsWith('<pre><code>&gt;&gt;&gt;')).toBe(true);
    expect(plainText).toBe(markdown);
  });
});
