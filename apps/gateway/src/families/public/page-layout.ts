/**
 * The document around every human page: head with OpenGraph and Twitter
 * card tags, one inline style sheet, and the Content-Security-Policy that
 * goes with it. Nothing is loaded from elsewhere except the page's own
 * images, and no script runs: the policy allows exactly this style sheet
 * (by hash) and images from our origin and the image's own origin.
 */
import { createHash } from 'node:crypto';
import { Html, html } from './html.js';
import type { ImageView } from './page-models.js';

/**
 * Colours meet WCAG AA against their backgrounds (4.5:1 for text): body
 * #1f2328 on #fff (15.8:1), muted #57606a (6.1:1; 5.7:1 on the #f6f8fa
 * panel), links #0550ae (7.6:1; 7.1:1 on the panel), the initial's white
 * on #2f5fb3 (6.5:1), and each state pill's text on its own background
 * (> 7:1). Focus is shown
 * with a thick outline, so the links are usable from the keyboard.
 */
const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:#1f2328;background:#eef1f5}
body{margin:0;padding:2rem 1rem}
main{max-width:42rem;margin:0 auto;background:#fff;border-radius:16px;box-shadow:0 1px 3px rgba(31,35,40,.12),0 8px 24px rgba(31,35,40,.08);overflow:hidden}
.top{display:flex;gap:1.5rem;align-items:center;padding:2rem;background:linear-gradient(135deg,#f6f8fa,#e7eefc);border-bottom:1px solid #d0d7de}
.top img{width:9rem;height:9rem;object-fit:contain;flex:none;border-radius:12px;background:#fff}
.top .placeholder{width:9rem;height:9rem;flex:none;border-radius:50%;background:#2f5fb3;color:#fff;font-size:4rem;font-weight:700;display:flex;align-items:center;justify-content:center}
.top-revoked img,.top-expired img{filter:grayscale(1);opacity:.55}
.kicker{margin:0;font-size:.8rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:#57606a}
h1{margin:.25rem 0;font-size:1.9rem;line-height:1.2;overflow-wrap:anywhere}
.strapline{margin:0;color:#57606a;font-size:1.05rem}
.body{padding:1.5rem 2rem 2rem}
h2{font-size:1rem;margin:1.5rem 0 .5rem;color:#1f2328}
p,ul,dl{margin:.5rem 0}
.lead{font-size:1.1rem;margin:0 0 1.25rem}
.more{margin-top:1.5rem}
.state{display:inline-block;margin:.5rem 0 0;padding:.3rem .8rem;border-radius:999px;font-weight:700;font-size:.95rem}
.state-valid{background:#dafbe1;color:#0f5323;border:1px solid #4ac26b}
.state-expired{background:#fff1c2;color:#5c3b00;border:1px solid #d4a72c}
.state-revoked{background:#ffe3e6;color:#82071e;border:1px solid #ff8182}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1.25rem;margin:1rem 0;padding:1rem 1.25rem;background:#f6f8fa;border:1px solid #d0d7de;border-radius:12px}
dl.facts dt{font-weight:600;color:#57606a}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.muted{color:#57606a}
.tags{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0}
.tags li{background:#eef1f5;border-radius:999px;padding:.1rem .7rem;font-size:.9rem}
a{color:#0550ae;text-underline-offset:2px}
a:focus-visible{outline:3px solid #0550ae;outline-offset:2px;border-radius:2px}
footer{max-width:42rem;margin:1rem auto 0;font-size:.9rem;color:#57606a;text-align:center}
footer a{color:#0550ae}
@media (max-width:32rem){body{padding:1rem .5rem}.top{flex-direction:column;align-items:flex-start}.body,.top{padding:1.25rem}dl.facts{grid-template-columns:1fr;gap:0 1rem}dl.facts dd{margin-bottom:.6rem}}
`;

/** A constant of ours, so it goes in as it is (style text is not HTML: escaping would break its quotes). */
const STYLE_SHEET = new Html(STYLE);
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export interface PageMeta {
  title: string;
  description: string;
  /** The canonical URL of the page (og:url). */
  url: string;
  /** The Open Badges 2.0 JSON-LD document of the same resource. */
  jsonUrl: string;
  image: ImageView | null;
  /** OpenGraph type: what a shared link is. */
  type: 'website';
}

export interface Page {
  status: number;
  body: string;
  /** The Content-Security-Policy this page needs: its style sheet, its images, nothing else. */
  csp: string;
}

function contentSecurityPolicy(image: ImageView | null): string {
  const imageOrigin = image ? new URL(image.src).origin : null;
  return [
    "default-src 'none'",
    `img-src 'self'${imageOrigin ? ` ${imageOrigin}` : ''}`,
    `style-src ${STYLE_HASH}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A complete page: `main` is the page's content, the rest is the same everywhere. */
export function layout(meta: PageMeta, main: Html, status = 200): Page {
  const body = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${meta.url}">
<link rel="alternate" type="application/ld+json" href="${meta.jsonUrl}">
<meta property="og:type" content="${meta.type}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${meta.url}">
${
  meta.image &&
  html`<meta property="og:image" content="${meta.image.src}">
<meta property="og:image:alt" content="${meta.image.alt}">
`
}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${
  meta.image &&
  html`<meta name="twitter:image" content="${meta.image.src}">
<meta name="twitter:image:alt" content="${meta.image.alt}">
`
}<style>${STYLE_SHEET}</style>
</head>
<body>
<main>
${main}
</main>
<footer><p><a href="${meta.jsonUrl}">Open Badges 2.0 JSON-LD of this page</a></p></footer>
</body>
</html>
`;
  return { status, body: body.text, csp: contentSecurityPolicy(meta.image) };
}
