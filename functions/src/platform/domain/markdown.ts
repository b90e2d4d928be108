/**
 * Markdown → safe HTML: knowledge articles, network goals (one allow-list for every feature).
 *
 * Two stages, and the second never trusts the first:
 *   1. `marked` (GFM) with a renderer that escapes raw HTML, adds heading ids, renders GitHub
 *      callouts as <aside>, and expresses table alignment as classes instead of `align`/`style`.
 *   2. `sanitize-html` with an allowlist of exactly the markup stage 1 can legitimately produce.
 *      Anything else that reaches it (a marked bug, a renderer bug, a parser differential) is
 *      dropped. URL schemes are checked here, after entity decoding, not in stage 1.
 *
 * The result is stored; the browser only ever receives this sanitised HTML.
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { foldText } from './fold';

export interface RenderedArticle {
  html: string;
  plainText: string;
  headings: Array<{ id: string; text: string; level: number }>;
}

export interface RenderOptions {
  /**
   * Hosts whose absolute links count as internal (no `rel="nofollow"`), e.g. the academy's own
   * domain. Relative links and `#anchors` are always internal.
   */
  internalHosts?: readonly string[];
}

export type CalloutKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

export const CALLOUT_TITLES: Readonly<Record<CalloutKind, string>> = {
  note: 'Let op',
  tip: 'Tip',
  important: 'Belangrijk',
  warning: 'Waarschuwing',
  caution: 'Voorzichtig',
};

const CALLOUT_KINDS = Object.keys(CALLOUT_TITLES) as CalloutKind[];
/** GitHub syntax: the marker must be alone on the first line of the blockquote. */
const CALLOUT_MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

export const EXTERNAL_LINK_REL = 'noopener noreferrer nofollow';

/**
 * Total for every string: input marked cannot parse (thousands of nested blockquotes overflow its
 * recursive parser) is shown as escaped preformatted source instead of throwing, so saving or
 * previewing never fails on content and the author can see what to fix.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedArticle {
  let rawHtml: string;
  try {
    rawHtml = createMarked().parse(markdown, { async: false });
  } catch (error) {
    if (!(error instanceof RangeError) && !/call stack/i.test(String(error))) throw error;
    rawHtml = `<pre><code>${escapeHtml(markdown)}</code></pre>\n`;
  }
  const html = sanitizeHtml(rawHtml, sanitizeOptions(options));
  return { html, ...extractText(html) };
}

// ---------------------------------------------------------------------------------------------
// Stage 1: marked
// ---------------------------------------------------------------------------------------------

/** A fresh instance per render: the heading slugger is per-document state. */
function createMarked(): Marked {
  const slugger = new Slugger();
  return new Marked({
    gfm: true,
    breaks: false,
    pedantic: false,
    async: false,
    renderer: {
      // Raw HTML in Markdown is shown as text, never rendered: authors see what they typed and
      // nothing executable can ride along. (Sanitising would also remove it, silently.)
      html({ text, block }: Tokens.HTML | Tokens.Tag): string {
        return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
      },

      // marked passes text between inline <script>/<style>/<pre> tags through unescaped (as a
      // browser would treat it as raw text). Since those tags are shown as text here, their
      // content must be escaped like any other text.
      text(token: Tokens.Text | Tokens.Escape): string {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        return escapeHtmlKeepEntities(token.text);
      },

      // Images come only from the platform itself (attachments; CSP img-src 'self'): an image
      // elsewhere would tell a third party who reads what. Readers see its description instead.
      // (Stage 2 drops any absolute image source that still gets through.)
      image({ href, title, text }: Tokens.Image): string | false {
        if (!ABSOLUTE_URL.test(href)) return false;
        return `<span class="external-image">${escapeHtmlKeepEntities(text.trim() || title?.trim() || '')}</span>`;
      },

      heading({ tokens, depth }: Tokens.Heading): string {
        const inner = this.parser.parseInline(tokens);
        const text = decodeEntities(this.parser.parseInline(tokens, this.parser.textRenderer));
        return `<h${depth} id="${slugger.slug(text)}">${inner}</h${depth}>\n`;
      },

      code({ text, lang, escaped }: Tokens.Code): string {
        const language = /^\S*/.exec(lang ?? '')?.[0] ?? '';
        const classAttr = /^[a-z0-9][a-z0-9_+#.-]*$/i.test(language) ? ` class="language-${language.toLowerCase()}"` : '';
        const body = text.replace(/\n$/, '') + '\n';
        return `<pre><code${classAttr}>${escaped ? body : escapeHtml(body)}</code></pre>\n`;
      },

      blockquote(token: Tokens.Blockquote): string {
        const kind = takeCalloutMarker(token);
        const body = this.parser.parse(token.tokens);
        if (!kind) return `<blockquote>\n${body}</blockquote>\n`;
        return (
          `<aside class="callout callout-${kind}" role="note">` +
          `<p class="callout-title">${CALLOUT_TITLES[kind]}</p>\n${body}</aside>\n`
        );
      },

      tablecell(token: Tokens.TableCell): string {
        const tag = token.header ? 'th' : 'td';
        // Alignment as a class: the sanitiser allows neither `align` nor `style`.
        const classAttr = token.align ? ` class="align-${token.align}"` : '';
        return `<${tag}${classAttr}>${this.parser.parseInline(token.tokens)}</${tag}>\n`;
      },

      // Task lists would otherwise render <input>, which the allowlist (rightly) refuses.
      checkbox({ checked }: Tokens.Checkbox): string {
        return checked ? '☑ ' : '☐ ';
      },
    },
  });
}

/**
 * If the blockquote starts with a callout marker, remove the marker from the tokens and return
 * the kind. Works on tokens (not the source) so the rest of the quote keeps its normal parsing.
 */
function takeCalloutMarker(token: Tokens.Blockquote): CalloutKind | null {
  const first = token.tokens[0];
  if (first?.type !== 'paragraph') return null;
  const paragraph = first as Tokens.Paragraph;
  const match = CALLOUT_MARKER.exec(paragraph.text);
  const firstInline = paragraph.tokens[0];
  if (!match || firstInline?.type !== 'text' || !CALLOUT_MARKER.test(firstInline.raw)) return null;
  const kind = match[1]!.toLowerCase() as CalloutKind;
  if (!CALLOUT_KINDS.includes(kind)) return null;

  const strip = (s: string): string => s.replace(CALLOUT_MARKER, '');
  const text = firstInline as Tokens.Text;
  text.raw = strip(text.raw);
  text.text = strip(text.text);
  paragraph.raw = strip(paragraph.raw);
  paragraph.text = strip(paragraph.text);
  if (paragraph.text.trim() === '') token.tokens.shift();
  return kind;
}

/** GitHub-style heading slugs, deduplicated within one document (`a`, `a-1`, `a-2`). */
class Slugger {
  private readonly seen = new Set<string>();

  slug(text: string): string {
    const base =
      foldText(text)
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80)
        .replace(/-+$/, '') || 'sectie';
    let candidate = base;
    for (let n = 1; this.seen.has(candidate); n++) candidate = `${base}-${n}`;
    this.seen.add(candidate);
    return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Stage 2: sanitize-html
// ---------------------------------------------------------------------------------------------

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right'];
const SAFE_ID = /^[\p{L}\p{N}-]{1,100}$/u;
const DIGITS = /^\d{1,5}$/;
/** A URL with a scheme (or protocol-relative): not an image of this platform. */
const ABSOLUTE_URL = /^\s*([a-z][a-z0-9+.-]*:|[\\/]{2})/i;

function sanitizeOptions({ internalHosts = [] }: RenderOptions): sanitizeHtml.IOptions {
  const internal = new Set(internalHosts.map((h) => h.toLowerCase()));
  return {
    allowedTags: [
      ...HEADINGS, 'p', 'a', 'img', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong',
      'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br', 'aside', 'sup', 'sub', 'span',
    ],
    allowedAttributes: {
      ...Object.fromEntries(HEADINGS.map((h) => [h, ['id']])),
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      ol: ['start'],
      code: ['class'],
      th: ['class'],
      td: ['class'],
      aside: ['class', { name: 'role', values: ['note'] }],
      p: ['class'],
      span: ['class'],
    },
    allowedClasses: {
      code: ['language-*'],
      th: ALIGN_CLASSES,
      td: ALIGN_CLASSES,
      aside: ['callout', ...CALLOUT_KINDS.map((k) => `callout-${k}`)],
      p: ['callout-title'],
      span: ['external-image'],
    },
    // Only `a` and `img` carry URLs (images only relative ones: see the image renderer); everything else gets no scheme at all.
    allowedSchemes: [],
    allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: [] },
    // `//host/x` (and `/\host`) silently switches host: treat like any other absolute URL we
    // cannot check, and drop it.
    allowProtocolRelative: false,
    // Nothing disallowed is expected here (raw HTML was escaped in stage 1), so whatever arrives
    // is a bypass attempt or a bug: drop the tag and keep its text, and drop the content of
    // elements whose content is code or foreign markup, not prose. 'discard' over 'escape'
    // because escaped fragments of unexpected markup would only be noise in an article.
    disallowedTagsMode: 'discard',
    nonTextTags: [
      'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'noembed', 'noframes', 'template',
      'iframe', 'object', 'svg', 'math', 'title', 'plaintext',
    ],
    allowVulnerableTags: false,
    parseStyleAttributes: false,
    enforceHtmlBoundary: false,
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href;
        const out: sanitizeHtml.Attributes = {};
        if (href !== undefined) out.href = href;
        if (attribs.title !== undefined) out.title = attribs.title;
        if (href !== undefined && isExternalHref(href, internal)) out.rel = EXTERNAL_LINK_REL;
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const out: sanitizeHtml.Attributes = {};
        for (const name of ['src', 'alt', 'title'] as const) {
          if (attribs[name] !== undefined) out[name] = attribs[name];
        }
        for (const name of ['width', 'height'] as const) {
          if (attribs[name] !== undefined && DIGITS.test(attribs[name])) out[name] = attribs[name];
        }
        return { tagName, attribs: out };
      },
      ol: (tagName, attribs) => {
        const out: sanitizeHtml.Attributes = {};
        if (attribs.start !== undefined && DIGITS.test(attribs.start)) out.start = attribs.start;
        return { tagName, attribs: out };
      },
      ...Object.fromEntries(
        HEADINGS.map((h) => [
          h,
          (tagName: string, attribs: sanitizeHtml.Attributes) => ({
            tagName,
            attribs: attribs.id !== undefined && SAFE_ID.test(attribs.id) ? { id: attribs.id } : {},
          }),
        ]),
      ),
    },
    exclusiveFilter: (frame) => {
      // An image whose src was refused is an empty box; a link whose href was refused is text;
      // a paragraph that held only refused images is an empty gap.
      if (frame.tag === 'img' && !frame.attribs.src) return true;
      if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
      if (frame.tag === 'p' && frame.text.trim() === '' && frame.mediaChildren.length === 0) return true;
      return false;
    },
  };
}

function isExternalHref(href: string, internalHosts: ReadonlySet<string>): boolean {
  // Browsers ignore control characters and spaces in a scheme; so must we when classifying.
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\x00-\x20]+/g, '');
  if (!/^https?:/i.test(cleaned)) return false;
  try {
    return !internalHosts.has(new URL(cleaned).hostname.toLowerCase());
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Text extraction (from the sanitised HTML: index exactly what readers see)
// ---------------------------------------------------------------------------------------------

const BLOCK_TAGS = new Set([
  ...HEADINGS, 'p', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'th',
  'td', 'hr', 'br', 'aside', 'img',
]);

function extractText(html: string): Omit<RenderedArticle, 'html'> {
  const pieces: string[] = [];
  const headings: RenderedArticle['headings'] = [];
  let heading: { id: string; level: number; text: string } | null = null;
  let calloutTitleDepth = 0;
  const stack: string[] = [];

  // sanitize-html doubles as the HTML walker, so no parser beyond the declared dependencies.
  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    onOpenTag(name, attribs) {
      stack.push(name);
      if (BLOCK_TAGS.has(name)) pieces.push(' ');
      if (name === 'p' && attribs.class === 'callout-title') calloutTitleDepth = stack.length;
      const level = HEADINGS.indexOf(name as (typeof HEADINGS)[number]) + 1;
      if (level > 0) heading = { id: attribs.id ?? '', level, text: '' };
    },
    onCloseTag(name) {
      if (calloutTitleDepth === stack.length) calloutTitleDepth = 0;
      stack.pop();
      if (BLOCK_TAGS.has(name)) pieces.push(' ');
      if (heading && name === `h${heading.level}`) {
        headings.push({ id: heading.id, level: heading.level, text: collapse(heading.text) });
        heading = null;
      }
    },
    textFilter(escaped) {
      const text = decodeEntities(escaped);
      // The callout title is a translated label, not the author's words.
      if (calloutTitleDepth === 0) pieces.push(text);
      if (heading) heading.text += text;
      return '';
    },
  });
  return { plainText: collapse(pieces.join('')), headings };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** marked's own "no-encode" escaping: character references the author typed stay intact. */
function escapeHtmlKeepEntities(text: string): string {
  return text.replace(/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, (ch) => ESCAPES[ch] ?? ch);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes the entities that marked and sanitize-html emit (plus numeric references). Only used
 * to derive plain text, never to produce HTML.
 */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}
