/**
 * The human pages of the public documents (issue #12): an earned badge, a
 * badge class, an issuer. Pure functions from a view model to a `Page`;
 * every value goes through `html`, which escapes it.
 */
import { html, type Html } from './html.js';
import { layout, type Page } from './page-layout.js';
import type {
  AssertionView,
  AwardState,
  BadgeClassView,
  BadgeView,
  ImageView,
  IssuerView,
  OrganizationView,
} from './page-models.js';

/** Dates as people read them; awards are dated in UTC, so the page is too (the same day for every reader). */
const DAY = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

const date = (iso: string): Html =>
  html`<time datetime="${new Date(iso).toISOString()}">${DAY.format(new Date(iso))}</time>`;
const dayText = (iso: string): string => DAY.format(new Date(iso));

/** Link previews show about this much; longer descriptions are cut at a word. */
const PREVIEW_CHARS = 200;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= PREVIEW_CHARS) return flat;
  const cut = flat.slice(0, PREVIEW_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PREVIEW_CHARS / 2))}…`;
}

const STATE_LABEL: Record<AwardState['kind'], string> = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked' };

function stateDetail(state: AwardState): Html {
  switch (state.kind) {
    case 'valid':
      return html`Valid: the issuer vouches for this award.`;
    case 'expired':
      return html`Expired on ${date(state.on)}.`;
    case 'revoked':
      return html`Revoked by the issuer on ${date(state.on)}.${state.reason && html` Reason: ${state.reason}`}`;
  }
}

/** The image, or (when there is none) the name's initial: decoration only, the name is the heading next to it. */
function picture(image: ImageView | null, name: string): Html {
  return image
    ? html`<img src="${image.src}" alt="${image.alt}" width="144" height="144">`
    : html`<div class="placeholder" aria-hidden="true">${[...name.trim()][0]?.toUpperCase() ?? ''}</div>`;
}

function top(kicker: string, name: string, image: ImageView | null, rest: Html | null = null, modifier = ''): Html {
  return html`<div class="top${modifier && ` top-${modifier}`}">
${picture(image, name)}
<div>
<p class="kicker">${kicker}</p>
<h1>${name}</h1>
${rest}
</div>
</div>`;
}

function issuerFacts(issuer: OrganizationView): Html {
  return html`<dt>Issuer</dt><dd><a href="${issuer.pageUrl}">${issuer.name}</a>${issuer.partOf.length > 0 && html` <span class="muted">(${issuer.partOf.join(', ')})</span>`}</dd>
${issuer.website && html`<dt>Issuer web site</dt><dd><a href="${issuer.website}">${new URL(issuer.website).host}</a></dd>`}`;
}

function criteria(badge: BadgeView): Html {
  if (badge.criteria.length === 0 && !badge.criteriaUrl) return html``;
  return html`<h2>Criteria</h2>
${badge.criteria.length > 0 && html`<ul>${badge.criteria.map((c) => html`<li>${c}</li>`)}</ul>`}
${badge.criteriaUrl && html`<p><a href="${badge.criteriaUrl}">Full criteria for ${badge.name}</a></p>`}`;
}

const lead = (text: string | null): Html => html`${text && html`<p class="lead">${text}</p>`}`;

function badgeDetails(badge: BadgeView): Html {
  return html`${criteria(badge)}
${badge.alignments.length > 0 && html`<h2>Aligned with</h2><ul>${badge.alignments.map((a) => html`<li>${a.url ? html`<a href="${a.url}">${a.name}</a>` : a.name}${a.description && html`: ${a.description}`}</li>`)}</ul>`}
${badge.tags.length > 0 && html`<h2>Tags</h2><ul class="tags">${badge.tags.map((t) => html`<li>${t}</li>`)}</ul>`}`;
}

export function assertionPage(view: AssertionView): Page {
  const { badge, state } = view;
  const label = STATE_LABEL[state.kind];
  const name = badge?.name ?? 'Badge';
  const issuerName = badge?.issuer.name;
  const title = `${state.kind === 'valid' ? '' : `${label}: `}${name}${issuerName ? ` from ${issuerName}` : ''}`;
  const description = preview(
    `${state.kind === 'revoked' ? 'Revoked award' : 'Awarded'} on ${dayText(view.issuedOn)}${issuerName ? ` by ${issuerName}` : ''}. ${badge?.description ?? ''}`,
  );
  const kicker = state.kind === 'revoked' ? 'Badge award, revoked' : 'Badge awarded';
  const main = html`${top(
    kicker,
    name,
    badge?.image ?? null,
    html`${badge?.strapline && html`<p class="strapline">${badge.strapline}</p>`}
<p class="state state-${state.kind}">${label}</p>`,
    state.kind,
  )}
<div class="body">
${lead(badge?.description ?? null)}
<dl class="facts">
${badge && issuerFacts(badge.issuer)}
<dt>Issued on</dt><dd>${date(view.issuedOn)}</dd>
<dt>Expires</dt><dd>${view.expires ? date(view.expires) : 'Never'}</dd>
<dt>Status</dt><dd>${stateDetail(state)}</dd>
${view.evidenceUrl && html`<dt>Evidence</dt><dd><a href="${view.evidenceUrl}">The earner’s evidence</a></dd>`}
</dl>
${
  badge &&
  html`${badgeDetails(badge)}
<p class="more"><a href="${badge.pageUrl}">More about the ${badge.name} badge</a></p>`
}
</div>`;
  const meta = {
    title,
    description,
    url: view.url,
    jsonUrl: view.jsonUrl,
    image: badge?.image ?? null,
    type: 'website' as const,
  };
  // A revoked award keeps answering 410, as its JSON does, but with a page that says so.
  return layout(meta, main, state.kind === 'revoked' ? 410 : 200);
}

export function badgeClassPage(view: BadgeClassView): Page {
  const { badge } = view;
  const main = html`${top('Badge', badge.name, badge.image, badge.strapline ? html`<p class="strapline">${badge.strapline}</p>` : null)}
<div class="body">
${lead(badge.description)}
<dl class="facts">
${issuerFacts(badge.issuer)}
</dl>
${badgeDetails(badge)}
</div>`;
  const title = `${badge.name}: a badge from ${badge.issuer.name}`;
  return layout(
    {
      title,
      description: preview(badge.description || title),
      url: view.url,
      jsonUrl: view.jsonUrl,
      image: badge.image,
      type: 'website',
    },
    main,
  );
}

export function issuerPage(view: IssuerView): Page {
  const o = view.organization;
  const main = html`${top('Badge issuer', o.name, view.image, o.partOf.length > 0 ? html`<p class="strapline">Part of ${o.partOf.join(', ')}</p>` : null)}
<div class="body">
${lead(o.description)}
<dl class="facts">
${o.website && html`<dt>Web site</dt><dd><a href="${o.website}">${new URL(o.website).host}</a></dd>`}
${o.email && html`<dt>Contact</dt><dd>${o.email}</dd>`}
</dl>
</div>`;
  return layout(
    {
      title: `${o.name}: badge issuer`,
      description: preview(o.description || `${o.name} issues badges.`),
      url: view.url,
      jsonUrl: view.jsonUrl,
      image: view.image,
      type: 'website',
    },
    main,
  );
}
