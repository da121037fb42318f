/**
 * The one place where text becomes HTML. `html` is a tagged template whose
 * interpolations are escaped unless they are already `Html` (the result of
 * another `html` template), so user content such as a badge named
 * `<script>` can only ever render as text. Escaping covers both element
 * content and double-quoted attribute values; templates quote every
 * attribute. URLs put into `href`/`src` must also pass `webUrl`, because
 * escaping does not stop a `javascript:` URL.
 */
import escapeHtml from 'escape-html';

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template accepts: markup, text to escape, lists of either, and nothing (rendered as ''). */
export type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let text = strings[0] ?? '';
  parts.forEach((part, i) => {
    text += render(part) + (strings[i + 1] ?? '');
  });
  return new Html(text);
}

/** The URL when it is an absolute http(s) URL, else null: only those become links or image sources. */
export function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
