/**
 * Article HTML: THE ONE PLACE in the web app where a string is parsed as markup.
 *
 * Everywhere else the UI builds DOM with `h()` (text nodes and attributes only). Article bodies
 * are the planned exception (web/README.md, DESIGN.md "Knowledge articles"): the API renders the
 * author's Markdown with `marked` and sanitises the result with `sanitize-html` against a strict
 * allowlist (functions/src/knowledge/domain/render.ts) BEFORE it is stored or returned. So the `html`
 * field of an article, a draft, a version and of POST /api/articles/preview is sanitised
 * server-side; nothing else may ever be passed here.
 *
 * Defence in depth, not a second sanitiser: the string is parsed into an inert <template>
 * (no scripts run, no images load there), anything that could execute or navigate is removed if
 * it ever got through, and only then is the fragment moved into the page.
 */

/** Elements that never belong in an article body, whatever the server allowed. */
const FORBIDDEN = new Set([
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', 'template', 'noscript',
  'video', 'audio', 'source', 'track', 'portal', 'dialog', 'slot',
]);
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite'];
/** Relative URLs, fragments and these schemes only. */
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i;

export interface ArticleHtmlOptions {
  /**
   * Level the article's own top headings should get, so the page keeps one h1 and a correct
   * outline: 2 under a page h1, 3 inside a panel that has its own h2.
   */
  topLevel?: number;
}

export function renderTrustedArticleHtml(container: HTMLElement, html: string, options: ArticleHtmlOptions = {}): void {
  const template = document.createElement('template');
  // The sanctioned innerHTML: `html` was sanitised server-side (sanitize-html) before storage.
  template.innerHTML = html;
  const fragment = template.content;
  stripExecutable(fragment);
  shiftHeadings(fragment, options.topLevel ?? 2);
  holdAttachmentImages(fragment);
  container.replaceChildren(fragment);
}

/** Where the API serves article attachments (same origin, the article's visibility). */
const ATTACHMENT_PATH = '/api/attachments/';
let attachmentAuth: Promise<void> | null = null;
let attachmentAuthDone = false;

/**
 * Images of drafts and non-public articles need the bearer token, which only the service worker
 * from `attachment-auth.ts` can add to an <img> request. Until it is in place (first time per
 * tab), such images wait without `src`, so they load once, authorised, instead of failing first.
 */
function holdAttachmentImages(root: DocumentFragment): void {
  if (attachmentAuthDone) return;
  const images = Array.from(root.querySelectorAll('img')).filter((img) => img.getAttribute('src')?.startsWith(ATTACHMENT_PATH));
  if (images.length === 0) return;
  for (const img of images) {
    img.dataset.attachmentSrc = img.getAttribute('src')!;
    img.removeAttribute('src');
  }
  attachmentAuth ??= import('./attachment-auth')
    .then((m) => m.authorizeAttachments())
    .catch(() => undefined)
    .then(() => {
      attachmentAuthDone = true;
    });
  void attachmentAuth.then(() => {
    for (const img of images) {
      const src = img.dataset.attachmentSrc;
      delete img.dataset.attachmentSrc;
      if (src) img.setAttribute('src', src);
    }
  });
}

function stripExecutable(root: DocumentFragment): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (FORBIDDEN.has(el.localName)) {
      el.remove();
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // eslint-disable-next-line no-control-regex
      const value = attr.value.replace(/[\x00-\x20]+/g, '');
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || (URL_ATTRIBUTES.includes(name) && !SAFE_URL.test(value))) {
        el.removeAttribute(attr.name);
      }
    }
  }
}

function shiftHeadings(root: DocumentFragment, topLevel: number): void {
  const headings = Array.from(root.querySelectorAll<HTMLHeadingElement>('h1, h2, h3, h4, h5, h6'));
  if (headings.length === 0) return;
  const levelOf = (el: Element) => Number(el.localName.slice(1));
  const shift = topLevel - Math.min(...headings.map(levelOf));
  if (shift <= 0) return;
  for (const heading of headings) {
    const replacement = document.createElement(`h${Math.min(6, levelOf(heading) + shift)}`);
    for (const attr of Array.from(heading.attributes)) replacement.setAttribute(attr.name, attr.value);
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
}
