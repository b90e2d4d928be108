/**
 * Search highlights without innerHTML. The API sends `snippet` and `highlights.title` as
 * HTML-escaped text in which the only markup is `<mark>`/`</mark>`. We split on exactly those two
 * tags, decode the entities of the text in between, and build text nodes and <mark> elements.
 * Anything else that looks like a tag stays visible text, so it can never become markup.
 */
export interface Segment {
  text: string;
  mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&apos;': "'",
};

/** One pass, so `&amp;lt;` becomes the text `&lt;`, not `<`. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity);
}

export function parseHighlighted(escaped: string): Segment[] {
  const segments: Segment[] = [];
  let mark = false;
  for (const part of escaped.split(/(<mark>|<\/mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else if (part !== '') segments.push({ text: unescapeHtml(part), mark });
  }
  return segments;
}

export function highlighted(escaped: string): Node[] {
  return parseHighlighted(escaped).map((s) => {
    if (!s.mark) return document.createTextNode(s.text);
    const mark = document.createElement('mark');
    mark.textContent = s.text;
    return mark;
  });
}
