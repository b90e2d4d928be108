import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { manifestErrors, type ManifestError } from './errors';

/**
 * A small namespace-aware element tree over fast-xml-parser. Manifests use whatever prefixes
 * they like (`adlcp:`, `ADLCP:`, `cp:`, a default namespace or none), so every element and
 * attribute is identified by its namespace URI and local name, never by its prefix.
 *
 * Hardening: a DOCTYPE with an internal subset (where ENTITY declarations live) is refused
 * before parsing, fast-xml-parser's own entity processing is off, and only the five predefined
 * XML entities and character references are decoded here, in one pass (so nothing expands twice).
 */

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  imscp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  imscp12Global: 'http://www.imsglobal.org/xsd/imscp_rootv1p1p2',
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
} as const;

/** Namespace groups an element or attribute may belong to ('' = no namespace, tolerated for the content package itself). */
export type NsGroup = readonly string[];
export const NSG: Record<'cp' | 'adlcp' | 'imsss' | 'adlseq' | 'adlnav' | 'xml', NsGroup> = {
  cp: ['', NS.imscp12, NS.imscp12Global, NS.imscp],
  adlcp: [NS.adlcp12, NS.adlcp, 'undeclared:adlcp'],
  imsss: [NS.imsss, 'undeclared:imsss'],
  adlseq: [NS.adlseq, 'undeclared:adlseq'],
  adlnav: [NS.adlnav, 'undeclared:adlnav'],
  xml: [NS.xml],
};

export interface XmlAttribute {
  ns: string;
  name: string;
  value: string;
}

export interface XmlElement {
  /** Namespace URI ('' when the element is in no namespace). */
  ns: string;
  /** Local name, without prefix. */
  name: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own text and CDATA, entity-decoded, untrimmed. */
  text: string;
  /** Text and child elements in document order (for mixed content). */
  content: Array<string | XmlElement>;
  /** Prefix → namespace bindings in scope (for diagnostics). */
  namespaces: Record<string, string>;
}

const entityPattern = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the predefined XML entities and character references; anything else stays as written. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(entityPattern, (whole, body: string) => {
    if (body[0] !== '#') return named[body] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** Well-known prefixes, used only when a manifest uses a prefix without declaring it (sloppy exporters do). */
const undeclaredFallback: Record<string, string> = { adlcp: 'undeclared:adlcp', imsss: 'undeclared:imsss', adlseq: 'undeclared:adlseq', adlnav: 'undeclared:adlnav', xml: NS.xml };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ':@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  allowBooleanAttributes: false,
  maxNestedTags: 200,
});

type FxpNode = Record<string, unknown>;

const splitName = (qname: string): [prefix: string, local: string] => {
  const i = qname.indexOf(':');
  return i < 0 ? ['', qname] : [qname.slice(0, i), qname.slice(i + 1)];
};

function build(tag: string, node: FxpNode, scope: Record<string, string>): XmlElement {
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  const namespaces = { ...scope };
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns') namespaces[''] = decodeEntities(String(value)).trim();
    else if (key.startsWith('xmlns:')) namespaces[key.slice(6)] = decodeEntities(String(value)).trim();
  }
  const resolve = (prefix: string, isAttribute: boolean) => {
    if (prefix === '') return isAttribute ? '' : (namespaces[''] ?? '');
    if (prefix === 'xml') return NS.xml;
    return namespaces[prefix] ?? undeclaredFallback[prefix.toLowerCase()] ?? `undeclared:${prefix}`;
  };
  const [prefix, name] = splitName(tag);
  const attributes: XmlAttribute[] = [];
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const [p, local] = splitName(key);
    attributes.push({ ns: resolve(p, true), name: local, value: decodeEntities(String(value)) });
  }
  const children: XmlElement[] = [];
  const content: Array<string | XmlElement> = [];
  let text = '';
  for (const child of (node[tag] ?? []) as FxpNode[]) {
    const childTag = Object.keys(child).find((k) => k !== ':@');
    if (!childTag) continue;
    if (childTag === '#text' || childTag === '#cdata') {
      const part = childTag === '#text' ? decodeEntities(String(child['#text'])) : ((child['#cdata'] ?? []) as FxpNode[]).map((c) => String(c['#text'] ?? '')).join('');
      text += part;
      content.push(part);
    } else {
      const element = build(childTag, child, namespaces);
      children.push(element);
      content.push(element);
    }
  }
  return { ns: resolve(prefix, false), name, attributes, children, text, content, namespaces };
}

/** Parse XML text into the root element, or a bilingual error (with the line when known). */
export function parseXml(source: string): { ok: true; root: XmlElement } | { ok: false; error: ManifestError } {
  const xml = source.replace(/^\uFEFF/, '');
  if (xml.trim() === '') return { ok: false, error: manifestErrors.empty() };
  // An internal DTD subset is where entity declarations (billion laughs, external entities) live.
  if (/<!DOCTYPE[^>[]*\[/i.test(xml) || /<!ENTITY/i.test(xml)) return { ok: false, error: manifestErrors.xmlDtd() };
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) return { ok: false, error: manifestErrors.xmlInvalid(valid.err.line, valid.err.msg) };
  let nodes: FxpNode[];
  try {
    nodes = parser.parse(xml) as FxpNode[];
  } catch (e) {
    return { ok: false, error: manifestErrors.xmlInvalid(undefined, e instanceof Error ? e.message : undefined) };
  }
  const roots = nodes.filter((n) => Object.keys(n).some((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?')));
  if (roots.length !== 1) return { ok: false, error: manifestErrors.xmlInvalid(undefined, roots.length === 0 ? 'no root element' : 'more than one root element') };
  const root = roots[0]!;
  const tag = Object.keys(root).find((k) => k !== ':@')!;
  return { ok: true, root: build(tag, root, {}) };
}

// ---------- queries ----------

export const inNs = (el: XmlElement, namespaces: NsGroup) => namespaces.includes(el.ns);

/** Child elements with this local name in one of these namespaces. */
export const childrenNamed = (el: XmlElement, namespaces: NsGroup, name: string) => el.children.filter((c) => c.name === name && inNs(c, namespaces));
export const childNamed = (el: XmlElement, namespaces: NsGroup, name: string): XmlElement | undefined => childrenNamed(el, namespaces, name)[0];

/** An attribute value; names compare case-insensitively when `anyCase` (adlcp:scormtype vs scormType). */
export function attr(el: XmlElement, namespaces: NsGroup, name: string, anyCase = false): string | undefined {
  const lower = name.toLowerCase();
  return el.attributes.find((a) => namespaces.includes(a.ns) && (anyCase ? a.name.toLowerCase() === lower : a.name === name))?.value;
}

/** All text below an element (text of nested elements included), as a manifest author meant it. */
export function textContent(el: XmlElement): string {
  return el.content.map((part) => (typeof part === 'string' ? part : textContent(part))).join('');
}
