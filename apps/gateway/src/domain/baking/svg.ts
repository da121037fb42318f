/**
 * Baking into SVG (Open Badges 2.0 baking and OB 3.0 §5.3.2): the root
 * `<svg>` binds the `openbadges` prefix to the version's namespace, and its
 * first child is the one `<openbadges:…>` element that carries the payload
 * in CDATA. Pure: text in, text out.
 *
 * The SVG is parsed by a real XML parser (@xmldom/xmldom, strict: every
 * error stops it), never searched with patterns: a pattern can be fooled by
 * comments, CDATA or attribute values that look like tags. Preparing is
 * done once per image: the DOM gets two random markers (the namespace
 * value, a comment where the element goes) and is serialized; the text is
 * cut at the markers, so each bake is a concatenation. Serializing rewrites
 * only syntax without meaning (quoting, an empty element's form).
 */
import { randomUUID } from 'node:crypto';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { UnbakeableImageError } from './errors.js';
import { BAKING_FORMATS, OPEN_BADGES_PREFIX, type BakingFormat } from './formats.js';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** An SVG ready for baking, as UTF-8: text before the namespace value, between it and the payload element, and after. */
export interface PreparedSvg {
  type: 'svg';
  beforeNamespace: Buffer;
  beforeElement: Buffer;
  afterElement: Buffer;
}

const malformed = (why: string) =>
  new UnbakeableImageError('malformed', `The badge image is not a usable SVG (${why}), so it cannot be baked`);

/** XML 1.0 line-end handling only: xmldom's default also folds U+2028 and U+0085 (XML 1.1), which would change text. */
const xml10LineEnds = (source: string): string => source.replace(/\r\n?/g, '\n');

/**
 * Parses strictly, with the namespaces as written (the SVG MIME type would
 * assume the SVG namespace for a root that declares none, which no browser
 * renders as an image). Entities: xmldom expands only the predefined ones
 * and character references; an unknown one is an error, and a DTD internal
 * subset (where entities would be declared) is refused outright. An external
 * DTD named by a DOCTYPE, as editors write (and the 1EdTech example has), is
 * never fetched.
 */
export function parseXml(text: string): Document {
  let document: Document;
  try {
    document = new DOMParser({
      locator: false,
      normalizeLineEndings: xml10LineEnds,
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw malformed(`not well-formed XML: ${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}`);
  }
  if (document.doctype?.internalSubset) throw malformed('it declares a DTD internal subset');
  return document;
}

/** Reads SVG bytes as UTF-8 (a leading BOM dropped); anything else is refused, as is XML whose root is not an SVG `<svg>`. */
export function decodeSvg(bytes: Uint8Array): { text: string; document: Document; root: Element } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw malformed('not UTF-8 text');
  }
  const document = parseXml(text);
  const root = document.documentElement;
  if (!root || root.namespaceURI !== SVG_NAMESPACE || root.localName !== 'svg') {
    throw new UnbakeableImageError(
      'unsupported-type',
      `The badge image is XML whose root is not an SVG <svg> element, so it cannot be baked`,
    );
  }
  return { text, document, root };
}

/** Elements that carry an Open Badges payload, in either version, however prefixed, or named as extractors search for them. */
function payloadElements(document: Document): Element[] {
  const found = new Set<Element>();
  for (const format of BAKING_FORMATS) {
    for (const element of Array.from(document.getElementsByTagNameNS(format.namespace, format.element)))
      found.add(element);
    for (const element of Array.from(document.getElementsByTagName(`${OPEN_BADGES_PREFIX}:${format.element}`)))
      found.add(element);
  }
  return [...found];
}

/** Splits `text` at `marker`, which must occur exactly once. */
function cut(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf(marker, at + marker.length) !== -1)
    throw new Error('baking marker not found exactly once');
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/**
 * Checks the SVG and prepares it: any Open Badges element already there
 * (2.0 or 3.0) is removed (the specs allow one and let the baker
 * overwrite), the root gets the `openbadges` namespace declaration (its
 * value is filled in per version) and the payload goes first inside it.
 */
export function prepareSvg(bytes: Uint8Array): PreparedSvg {
  const { document, root } = decodeSvg(bytes);
  for (const element of payloadElements(document)) element.parentNode?.removeChild(element);
  const token = randomUUID();
  const namespaceMarker = `urn:uuid:${token}`;
  const elementMarker = `laurel-bake-${token}`;
  root.setAttributeNS(XMLNS_NAMESPACE, `xmlns:${OPEN_BADGES_PREFIX}`, namespaceMarker);
  root.insertBefore(document.createComment(elementMarker), root.firstChild);
  const serialized = new XMLSerializer().serializeToString(document);
  const [beforeNamespace, rest] = cut(serialized, namespaceMarker);
  const [beforeElement, afterElement] = cut(rest, `<!--${elementMarker}-->`);
  return {
    type: 'svg',
    beforeNamespace: Buffer.from(beforeNamespace),
    beforeElement: Buffer.from(beforeElement),
    afterElement: Buffer.from(afterElement),
  };
}

/**
 * JSON made safe for CDATA without changing its value: characters XML 1.0
 * does not allow (and the line separators that some parsers fold) become
 * JSON escapes — outside strings valid JSON has none of them — and `]]>`,
 * which would end the section, is split across two sections.
 */
export function cdata(json: string): string {
  const safe = json.replace(
    /[^\t\n\r\u0020-\u0084\u0086-\u2027\u202a-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<![CDATA[${safe.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

const attributeValue = (value: string): string => value.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The payload element: JSON in CDATA, and for 2.0 the hosted assertion's URL in `verify`. */
export function payloadElement(format: BakingFormat, json: string, verify?: string): string {
  const name = `${OPEN_BADGES_PREFIX}:${format.element}`;
  return `<${name}${verify === undefined ? '' : ` verify="${attributeValue(verify)}"`}>${cdata(json)}</${name}>`;
}

export function bakeSvg(prepared: PreparedSvg, format: BakingFormat, json: string, verify?: string): Buffer {
  return Buffer.concat([
    prepared.beforeNamespace,
    Buffer.from(attributeValue(format.namespace)),
    prepared.beforeElement,
    Buffer.from(payloadElement(format, json, verify)),
    prepared.afterElement,
  ]);
}

export interface SvgPayload {
  /** The element's text (CDATA sections joined), trimmed; empty for a signature in `verify`. */
  text: string;
  verify?: string;
  /** Whether the root binds the `openbadges` prefix to the format's namespace, as the specs ask. */
  rootDeclaresNamespace: boolean;
  /** How many payload elements of this format the document has. */
  count: number;
}

/** The first payload element of `format` (what an extractor reads), by namespace; undefined when there is none. */
export function extractSvgPayload(bytes: Uint8Array, format: BakingFormat): SvgPayload | undefined {
  const { root, document } = decodeSvg(bytes);
  const elements = Array.from(document.getElementsByTagNameNS(format.namespace, format.element));
  const [first] = elements;
  if (!first) return undefined;
  return {
    text: (first.textContent ?? '').trim(),
    ...(first.hasAttribute('verify') && { verify: first.getAttribute('verify') ?? '' }),
    rootDeclaresNamespace: root.getAttributeNS(XMLNS_NAMESPACE, OPEN_BADGES_PREFIX) === format.namespace,
    count: elements.length,
  };
}
