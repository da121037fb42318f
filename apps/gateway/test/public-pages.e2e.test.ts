/**
 * The human pages through the real system (issue #12): content negotiation
 * on the assertion, badge class and issuer URLs checked with plain fetch,
 * then headless Chromium (Debian's `chromium`, which `npm test` installs
 * when missing) driven by playwright-core: what a person sees on an earned
 * badge's page, what a shared link's card reads (OpenGraph), that the
 * strict CSP blocks nothing the page needs, axe-core's WCAG 2 A/AA rules,
 * the keyboard, and a revoked award. Screenshots land in .laurel/screenshots.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorization,
  badgekitRequest,
  bodyHash,
  startSystem,
  TEST_MASTER_SECRET,
  type TestSystem,
} from '@laurel/testkit';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '.laurel', 'screenshots');
/** What Chromium sends for a page load. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';

/** The badge's artwork, uploaded, so the page shows an image served by the gateway itself. */
const BADGE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffd55a"/><stop offset="1" stop-color="#e08a00"/></linearGradient></defs>
<path d="M70 120 L50 195 L80 180 L95 200 L100 130 Z" fill="#2f5fb3"/><path d="M130 120 L150 195 L120 180 L105 200 L100 130 Z" fill="#1f4690"/>
<circle cx="100" cy="82" r="72" fill="url(#g)" stroke="#a35f00" stroke-width="6"/>
<circle cx="100" cy="82" r="56" fill="none" stroke="#fff3c4" stroke-width="3" stroke-dasharray="6 5"/>
<path d="M62 62 Q81 54 98 64 L98 110 Q81 100 62 108 Z" fill="#fff"/><path d="M138 62 Q119 54 102 64 L102 110 Q119 100 138 108 Z" fill="#fdf6e3"/>
<path d="M70 72 H90 M70 82 H90 M70 92 H88 M110 72 H130 M110 82 H130 M110 92 H126" stroke="#a35f00" stroke-width="3" stroke-linecap="round"/>
</svg>`;

let system: TestSystem;
let browser: Browser;
const S = '/systems/riverside';
const P = `${S}/issuers/library/programs/reading`;
let assertionUrl = '';
let revokedUrl = '';
let badgeClassUrl = '';
let issuerUrl = '';

const signed = async (method: string, path: string, body?: Record<string, unknown>) => {
  const res = await badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body && { body: JSON.stringify(body) }),
  });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body as Record<string, Record<string, string>>;
};

/** Creates a badge from a multipart body with its image uploaded, signed over the exact bytes sent. */
async function createBadgeWithImage(
  path: string,
  fields: Record<string, string>,
  image: Buffer,
  mimeType: string,
): Promise<void> {
  const boundary = `----laurel${randomBytes(8).toString('hex')}`;
  const text = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const body = Buffer.concat([
    Buffer.from(
      `${text}--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge.svg"\r\nContent-Type: ${mimeType}\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await fetch(system.gatewayUrl + path, {
    method: 'POST',
    headers: {
      authorization: authorization({
        method: 'POST',
        path,
        secret: TEST_MASTER_SECRET,
        claims: { body: bodyHash(body) },
      }),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
  });
  expect(res.status, await res.text()).toBe(201);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser test needs Debian's chromium at ${CHROMIUM}. \`npm test\` installs it when it is missing; or run \`apt-get install chromium\`.`,
    );
  }
  system = await startSystem('public-pages');
  await signed('POST', '/systems', {
    slug: 'riverside',
    name: 'Riverside City',
    url: 'https://riverside.example.org',
    email: 'hello@riverside.example.org',
  });
  await signed('POST', `${S}/issuers`, {
    slug: 'library',
    name: 'Riverside Library',
    url: 'https://library.riverside.example.org',
    description: 'Books, maps and more for everyone in Riverside.',
  });
  await signed('POST', `${S}/issuers/library/programs`, {
    slug: 'reading',
    name: 'Summer Reading Challenge',
    url: 'https://read.riverside.example.org',
    description: 'Read over the summer and earn badges.',
  });
  await createBadgeWithImage(
    `${P}/badges`,
    {
      slug: 'bookworm',
      name: 'Bookworm',
      strapline: 'Read ten books in one summer',
      earnerDescription: 'You read ten books this summer!',
      consumerDescription:
        'The holder read ten books during the Riverside Summer Reading Challenge and wrote about each one.',
      criteriaUrl: 'https://read.riverside.example.org/criteria/bookworm',
      unique: '1',
      type: 'Skill',
      'criteria[0][description]': 'Read ten books between June and August',
      'criteria[0][required]': '1',
      'criteria[1][description]': 'Write a short review of each book',
      'criteria[1][required]': '1',
      'tags[0]': 'reading',
      'tags[1]': 'summer',
    },
    Buffer.from(BADGE_SVG),
    'image/svg+xml',
  );
  const award = async (email: string) => {
    const res = await signed('POST', `${P}/badges/bookworm/instances`, {
      email,
      issuedOn: '2026-08-28T10:00:00Z',
      expires: '2099-08-28T00:00:00Z',
    });
    return String(res.instance?.assertionUrl);
  };
  assertionUrl = await award('ada@example.org');
  revokedUrl = await award('bob@example.org');
  await signed('DELETE', `${P}/badges/bookworm/instances/bob@example.org`);
  badgeClassUrl = `${system.gatewayUrl}/public${P}/badges/bookworm`;
  issuerUrl = `${system.gatewayUrl}/public${P}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('content negotiation', () => {
  const get = (url: string, accept?: string) => fetch(url, accept === undefined ? {} : { headers: { accept } });

  it('answers a page to browsers on the assertion, badge class and issuer URLs', async () => {
    const db = new pg.Client({ connectionString: system.database.url });
    await db.connect();
    const { rows } = await db
      .query<{ id: string }>("select id from catalog.badges where slug = 'bookworm'")
      .finally(() => db.end());
    const byId = `${system.gatewayUrl}/public/badges/${rows[0]?.id}`;
    for (const url of [
      assertionUrl,
      badgeClassUrl,
      byId,
      issuerUrl,
      `${system.gatewayUrl}/public${S}`,
      `${system.gatewayUrl}/public${S}/issuers/library`,
    ]) {
      for (const accept of ['text/html', BROWSER_ACCEPT]) {
        const res = await get(url, accept);
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
        expect(res.headers.get('content-security-policy'), url).toMatch(/^default-src 'none'; img-src 'self'/);
        expect(res.headers.get('vary') ?? '', url).toMatch(/\baccept\b/i);
        expect(await res.text(), url).toMatch(/^<!doctype html>/);
      }
    }
  });

  it('keeps JSON for JSON and JSON-LD clients, whatever else they accept', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'application/json'],
      ['*/*', 'application/json'],
      ['application/json', 'application/json'],
      ['application/json, text/html;q=0.9', 'application/json'],
      ['text/html;q=0.5, application/json', 'application/json'],
      ['application/ld+json', 'application/ld+json'],
      ['application/ld+json, text/html;q=0.1', 'application/ld+json'],
    ];
    for (const url of [assertionUrl, badgeClassUrl, issuerUrl]) {
      for (const [accept, type] of cases) {
        const res = await get(url, accept);
        expect(res.status, `${url} ${accept}`).toBe(200);
        expect(res.headers.get('content-type'), `${url} ${accept}`).toContain(type);
        expect(await res.json()).toBeTypeOf('object');
      }
      // ?v=2_0 asks for the document explicitly: the page's own link to its JSON-LD works from a browser.
      const explicit = await get(`${url}?v=2_0`, BROWSER_ACCEPT);
      expect(explicit.headers.get('content-type')).toContain('application/ld+json');
    }
  });

  it("answers a revoked award with 410 either way, and an unknown one in BadgeKit's error format", async () => {
    const page = await get(revokedUrl, 'text/html');
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('<p class="state state-revoked">Revoked</p>');
    const json = await get(revokedUrl);
    expect(json.status).toBe(410);
    expect(await json.json()).toEqual({ revoked: true });
    const unknown = await get(`${system.gatewayUrl}/public/assertions/nope`, 'text/html');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'ResourceNotFound', message: 'Could not find badge instance' });
  });
});

describe('in a real browser', () => {
  /** Opens a URL in a fresh page, collecting what the console reports (CSP violations show there). */
  async function open(url: string): Promise<{ page: Page; status: number; console: string[] }> {
    // A context per page (axe-core needs one it can open pages in); closing the page closes it.
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    const page = await context.newPage();
    // Closing the context can race the browser's own shutdown after the last test; that is no failure.
    page.on('close', () => void context.close().catch(() => undefined));
    const console: string[] = [];
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    const response = await page.goto(url, { waitUntil: 'load' });
    return { page, status: response?.status() ?? 0, console };
  }

  const meta = (page: Page, property: string) =>
    page.locator(`meta[property="${property}"], meta[name="${property}"]`).getAttribute('content');

  it('shows an earner their badge as they would share it', async () => {
    const { page, status, console } = await open(assertionUrl);
    try {
      expect(status).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bookworm');
      await expect(page.getByText('Read ten books in one summer').isVisible()).resolves.toBe(true);
      const image = page.getByRole('img', { name: 'Bookworm badge' });
      await expect(image.isVisible()).resolves.toBe(true);
      // Loaded, from the gateway's own /public/images, under the page's CSP.
      expect(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(
        0,
      );
      expect(await image.getAttribute('src')).toMatch(new RegExp(`^${system.gatewayUrl}/public/images/[0-9a-f]+$`));
      const issuer = page.getByRole('link', { name: 'Summer Reading Challenge' });
      expect(await issuer.getAttribute('href')).toBe(issuerUrl);
      const main = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
      expect(main).toContain('Issued on August 28, 2026');
      expect(main).toContain('Expires August 28, 2099');
      expect(main).toContain('Status Valid: the issuer vouches for this award.');
      expect(main).toContain('(Riverside Library, Riverside City)');
      expect(main).toContain('Read ten books between June and August');
      expect(main).not.toContain('ada@example.org');
      await expect(page.locator('.state').innerText()).resolves.toBe('Valid');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.title()).toBe('Bookworm from Summer Reading Challenge');

      expect(await meta(page, 'og:title')).toBe('Bookworm from Summer Reading Challenge');
      expect(await meta(page, 'og:description')).toBe(
        'Awarded on August 28, 2026 by Summer Reading Challenge. The holder read ten books during the Riverside Summer Reading Challenge and wrote about each one.',
      );
      expect(await meta(page, 'og:image')).toBe(await image.getAttribute('src'));
      expect(await meta(page, 'og:url')).toBe(assertionUrl);
      expect(await meta(page, 'og:type')).toBe('website');
      expect(await meta(page, 'twitter:card')).toBe('summary');
      expect(await meta(page, 'twitter:image:alt')).toBe('Bookworm badge');
      expect(await page.getByRole('link', { name: 'Open Badges 2.0 JSON-LD of this page' }).getAttribute('href')).toBe(
        `${assertionUrl}?v=2_0`,
      );

      // The strict policy blocked nothing the page uses (its style sheet applies: the pill has its colour).
      expect(console.filter((line) => /Content Security Policy|Refused/i.test(line))).toEqual([]);
      expect(
        await page
          .locator('.state')
          .evaluate(
            (el) =>
              (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color,
          ),
      ).toBe('rgb(15, 83, 35)');

      await page.screenshot({ path: join(SCREENSHOTS, 'assertion.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(SCREENSHOTS, 'assertion-phone.png'), fullPage: true });

      // Following the link to the JSON shows the verifiable document itself.
      await page.getByRole('link', { name: 'Open Badges 2.0 JSON-LD of this page' }).click();
      await page.waitForURL(`${assertionUrl}?v=2_0`);
      expect(JSON.parse(await page.locator('body').innerText())).toMatchObject({
        type: 'Assertion',
        id: `${assertionUrl}?v=2_0`,
      });
    } finally {
      await page.close();
    }
  });

  it('meets WCAG 2 A and AA (axe-core), and its links are reached with the keyboard', async () => {
    for (const url of [assertionUrl, revokedUrl, badgeClassUrl, issuerUrl]) {
      const { page } = await open(url);
      try {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          url,
        ).toEqual([]);
        const links = await page.getByRole('link').count();
        expect(links, url).toBeGreaterThan(0);
        const reached = new Set<string>();
        for (let i = 0; i < links; i++) {
          await page.keyboard.press('Tab');
          reached.add((await page.locator(':focus').getAttribute('href')) ?? '');
        }
        expect(reached.size, url).toBe(links);
      } finally {
        await page.close();
      }
    }
  });

  it('shows a revoked award as revoked', async () => {
    const { page, status } = await open(revokedUrl);
    try {
      expect(status).toBe(410);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bookworm');
      await expect(page.locator('.state').innerText()).resolves.toBe('Revoked');
      expect((await page.getByRole('main').innerText()).replace(/\s+/g, ' ')).toMatch(
        /Status Revoked by the issuer on \w+ \d+, \d{4}\./,
      );
      expect(await meta(page, 'og:title')).toBe('Revoked: Bookworm from Summer Reading Challenge');
      await page.screenshot({ path: join(SCREENSHOTS, 'assertion-revoked.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('shows the badge class and its issuer', async () => {
    for (const [url, heading, shot] of [
      [badgeClassUrl, 'Bookworm', 'badge-class.png'],
      [issuerUrl, 'Summer Reading Challenge', 'issuer.png'],
    ] as const) {
      const { page, status, console } = await open(url);
      try {
        expect(status).toBe(200);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
        expect(await meta(page, 'og:title')).toContain(heading);
        expect(await meta(page, 'og:url')).toBe(url);
        expect(console.filter((line) => /Content Security Policy|Refused/i.test(line))).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true });
      } finally {
        await page.close();
      }
    }
    const { page } = await open(issuerUrl);
    try {
      const main = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
      expect(main).toContain('Part of Riverside Library, Riverside City');
      expect(main).toContain('Read over the summer and earn badges.');
      expect(main).toContain('hello@riverside.example.org');
    } finally {
      await page.close();
    }
  });
});
