/**
 * The human pages as pure functions (issue #12): user content is escaped
 * everywhere it lands, only http(s) URLs become links or images, the award
 * state is computed as the model says, and the Content-Security-Policy
 * allows exactly the page's own style sheet and image. The browser test
 * (public-pages.e2e.test.ts) shows the same pages through the real system.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { html, webUrl } from '../src/families/public/html.js';
import { assertionView, awardState, badgeClassView, issuerView } from '../src/families/public/page-models.js';
import { assertionPage, badgeClassPage, issuerPage } from '../src/families/public/pages.js';
import type { PresentContext } from '../src/badgekit-format/present-context.js';

const ORIGIN = 'https://badges.example.org';
const ctx: PresentContext = {
  origin: ORIGIN,
  absolute: (path) => `${ORIGIN}${path}`,
  imageUrl: (image) => (image ? (image.url ?? `${ORIGIN}/public/images/${image.slug}`) : null),
};

const HOSTILE = '<script>alert("x")</script> & \'quotes\'';

function badge(overrides: Partial<catalogV1.Badge__Output> = {}): catalogV1.Badge__Output {
  return {
    id: '7',
    slug: 'reader',
    name: 'Reader',
    strapline: 'Reads a lot',
    consumerDescription: 'They read three books.',
    unique: true,
    createdAt: '2024-01-01T00:00:00Z',
    image: { slug: 'abc', url: 'https://img.example.net/reader.png' },
    archived: false,
    system: { id: '1', slug: 'city', name: 'Verify City', url: 'https://city.example.org' },
    issuer: { id: '2', slug: 'library', name: 'Library', url: 'https://library.example.org', programs: [] },
    program: {
      id: '3',
      slug: 'reading',
      name: 'Reading',
      url: 'https://reading.example.org',
      description: 'Summer reading',
    },
    criteriaUrl: 'https://example.org/criteria',
    criteria: [{ id: '1', description: 'Read three books', required: true, note: '' }],
    alignments: [],
    categories: [],
    tags: [{ id: '1', value: 'books' }],
    published: true,
    origin: 'badgekit',
    ...overrides,
  };
}

function earned(overrides: Partial<issuanceV1.EarnedBadge__Output> = {}): issuanceV1.EarnedBadge__Output {
  return {
    id: 'e1',
    uid: 'abc123',
    badgeId: '7',
    recipient: { siteId: '1', userId: '0', email: 'reader@example.org' },
    channel: 'AWARD_CHANNEL_UNSPECIFIED',
    issuedOn: '2024-05-14T19:11:52Z',
    recipientSalt: 'salt',
    ...overrides,
  };
}

const NOW = new Date('2025-01-01T00:00:00Z');
const meta = (body: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`).exec(body)?.[1];

describe('html', () => {
  it('escapes every interpolated value, but not nested templates', () => {
    expect(html`<p title="${HOSTILE}">${HOSTILE}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>',
    );
    expect(html`<ul>${['a<b', html`<li>${'c&d'}</li>`]}</ul>`.text).toBe('<ul>a&lt;b<li>c&amp;d</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.text).toBe('0');
  });

  it('lets only absolute http(s) URLs through as links', () => {
    expect(webUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(webUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', '//evil.example', '/relative', '', null, undefined])
      expect(webUrl(bad)).toBeNull();
  });
});

describe('awardState', () => {
  it('is valid, expired from its expiry on, and revoked whatever the expiry', () => {
    expect(awardState(earned(), NOW)).toEqual({ kind: 'valid' });
    expect(awardState(earned({ expires: '2030-01-01T00:00:00Z' }), NOW)).toEqual({ kind: 'valid' });
    expect(awardState(earned({ expires: NOW.toISOString() }), NOW)).toEqual({ kind: 'expired', on: NOW.toISOString() });
    expect(awardState(earned({ expires: '2024-06-01T00:00:00Z', revokedAt: '2024-07-01T00:00:00Z' }), NOW)).toEqual({
      kind: 'revoked',
      on: '2024-07-01T00:00:00Z',
      reason: null,
    });
    expect(awardState(earned({ revokedAt: '2024-07-01T00:00:00Z', revocationReason: 'Mistake' }), NOW)).toMatchObject({
      reason: 'Mistake',
    });
  });
});

describe('the assertion page', () => {
  const page = assertionPage(
    assertionView(earned({ expires: '2030-05-14T00:00:00Z' }), badge(), ctx, '/public/assertions/abc123', NOW),
  );

  it('shows the badge, issuer, dates and state, with OpenGraph and Twitter card tags', () => {
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.body).toContain('<h1>Reader</h1>');
    expect(page.body).toContain('<img src="https://img.example.net/reader.png" alt="Reader badge"');
    expect(page.body).toContain(
      '<a href="https://badges.example.org/public/systems/city/issuers/library/programs/reading">Reading</a> <span class="muted">(Library, Verify City)</span>',
    );
    expect(page.body).toContain('<time datetime="2024-05-14T19:11:52.000Z">May 14, 2024</time>');
    expect(page.body).toContain('<time datetime="2030-05-14T00:00:00.000Z">May 14, 2030</time>');
    expect(page.body).toContain('<p class="state state-valid">Valid</p>');
    expect(page.body).toContain('<li>Read three books</li>');
    expect(page.body).toMatch(/<main>[\s\S]*<\/main>/);
    expect(meta(page.body, 'og:title')).toBe('Reader from Reading');
    expect(meta(page.body, 'og:description')).toBe('Awarded on May 14, 2024 by Reading. They read three books.');
    expect(meta(page.body, 'og:image')).toBe('https://img.example.net/reader.png');
    expect(meta(page.body, 'og:url')).toBe(`${ORIGIN}/public/assertions/abc123`);
    expect(meta(page.body, 'og:type')).toBe('website');
    expect(meta(page.body, 'twitter:card')).toBe('summary');
    expect(page.body).toContain(`<a href="${ORIGIN}/public/assertions/abc123?v=2_0">`);
    // The earner's email is not published: the JSON only carries its hash.
    expect(page.body).not.toContain('reader@example.org');
  });

  it('allows its own style sheet and image origin, and nothing else', () => {
    const style = /<style>([\s\S]*)<\/style>/.exec(page.body)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page.csp).toBe(
      `default-src 'none'; img-src 'self' https://img.example.net; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(page.body).not.toMatch(/<script|<link rel="stylesheet"|@import|url\(/i);
  });

  it('says expired and revoked in words, and answers 410 when revoked', () => {
    const expired = assertionPage(
      assertionView(earned({ expires: '2024-06-01T00:00:00Z' }), badge(), ctx, '/public/assertions/abc123', NOW),
    );
    expect(expired.body).toContain('<p class="state state-expired">Expired</p>');
    expect(expired.body).toContain('Expired on <time datetime="2024-06-01T00:00:00.000Z">June 1, 2024</time>.');
    const revoked = assertionPage(
      assertionView(
        earned({ revokedAt: '2024-07-01T00:00:00Z', revocationReason: 'Issued by mistake' }),
        badge(),
        ctx,
        '/public/assertions/abc123',
        NOW,
      ),
    );
    expect(revoked.status).toBe(410);
    expect(revoked.body).toContain('<p class="state state-revoked">Revoked</p>');
    expect(revoked.body).toContain('Reason: Issued by mistake');
    expect(meta(revoked.body, 'og:title')).toBe('Revoked: Reader from Reading');
    const orphan = assertionPage(
      assertionView(earned({ revokedAt: '2024-07-01T00:00:00Z' }), null, ctx, '/public/assertions/abc123', NOW),
    );
    expect(orphan.status).toBe(410);
    expect(orphan.body).toContain('<p class="state state-revoked">Revoked</p>');
    expect(orphan.csp).toContain("img-src 'self';");
  });

  it('renders user content as text wherever it lands', () => {
    const hostile = badge({
      name: HOSTILE,
      strapline: HOSTILE,
      consumerDescription: HOSTILE,
      criteria: [{ id: '1', description: HOSTILE, required: true, note: '' }],
      tags: [{ id: '1', value: HOSTILE }],
      alignments: [{ id: '1', name: HOSTILE, url: 'javascript:alert(1)', description: HOSTILE }],
      image: { slug: 'x', url: 'javascript:alert(1)' },
      criteriaUrl: 'javascript:alert(1)',
      program: { id: '3', slug: 'reading', name: HOSTILE, url: 'javascript:alert(1)', description: HOSTILE },
    });
    for (const page of [
      assertionPage(
        assertionView(
          earned({ revokedAt: '2024-07-01T00:00:00Z', revocationReason: HOSTILE, evidenceUrl: 'javascript:alert(1)' }),
          hostile,
          ctx,
          '/public/assertions/abc123',
          NOW,
        ),
      ),
      badgeClassPage(badgeClassView(hostile, ctx, '/public/badges/7')),
      issuerPage(issuerView([hostile.program, hostile.issuer, hostile.system], ctx, '/public/systems/city')),
    ]) {
      expect(page.body).not.toContain('<script>');
      expect(page.body).not.toContain('javascript:');
      expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
      expect(page.body).not.toContain('<img');
    }
  });
});

describe('the badge class and issuer pages', () => {
  it('show the badge with its criteria, issuer and tags', () => {
    const page = badgeClassPage(badgeClassView(badge(), ctx, '/public/badges/7'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Reader</h1>');
    expect(page.body).toContain('<a href="https://example.org/criteria">Full criteria for Reader</a>');
    expect(page.body).toContain('<ul class="tags"><li>books</li></ul>');
    expect(meta(page.body, 'og:title')).toBe('Reader: a badge from Reading');
    expect(meta(page.body, 'og:url')).toBe(`${ORIGIN}/public/badges/7`);
  });

  it('show the issuer completed from the levels above it', () => {
    const b = badge();
    const page = issuerPage(
      issuerView(
        [
          b.program,
          b.issuer,
          {
            id: '1',
            slug: 'city',
            name: 'Verify City',
            url: 'https://city.example.org',
            email: 'mayor@city.example.org',
          },
        ],
        ctx,
        '/public/systems/city/issuers/library/programs/reading',
      ),
    );
    expect(page.body).toContain('<h1>Reading</h1>');
    expect(page.body).toContain('<p class="strapline">Part of Library, Verify City</p>');
    expect(page.body).toContain('<p class="lead">Summer reading</p>');
    expect(page.body).toContain('<dd>mayor@city.example.org</dd>');
    expect(page.body).toContain('<a href="https://reading.example.org/">reading.example.org</a>');
    expect(meta(page.body, 'og:title')).toBe('Reading: badge issuer');
    expect(meta(page.body, 'og:image')).toBeUndefined();
  });
});
