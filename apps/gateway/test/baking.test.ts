/**
 * Baked badge images (domain/baking, issue #11 item 4): our extractor reads
 * the images 1EdTech's validator bakes (and the credentials in them still
 * verify, so the extraction is exact); what we bake extracts to the exact
 * text baked, in one chunk or element of the right version, in an image
 * that still decodes; an image already baked gets no second payload; and
 * anything that is not a PNG or SVG, or is an SVG with a DTD internal
 * subset, is refused with a reason.
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { knownKey, verifyCredentialProof } from '@laurel/testkit/ob3-verifier';
import { UnbakeableImageError } from '../src/domain/baking/errors.js';
import { OB2_BAKING, OB3_BAKING } from '../src/domain/baking/formats.js';
import { bake, prepareImage, SVG_MAX_BYTES } from '../src/domain/baking/image.js';
import { countPngTextChunks, extractPngText, itxtChunk, pngChunkTypes } from '../src/domain/baking/png.js';
import { cdata, extractSvgPayload, parseXml } from '../src/domain/baking/svg.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/ob3-baked/${name}`, import.meta.url));

/** A real 3×2 RGBA PNG, encoded by pngjs (not by us). */
function samplePng(): Buffer {
  const png = new PNG({ width: 3, height: 2 });
  png.data.fill(0x7f);
  return PNG.sync.write(png);
}

const SVG = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>a &lt; b ]]&gt;</title><circle r="4"/></svg>\n',
);

/** Credential-like JSON with the awkward parts: the CDATA end, non-ASCII, and a character XML forbids. */
const AWKWARD = JSON.stringify({ id: 'urn:x', name: 'Größe ]]> <b>&amp;</b>', odd: '\u0001\uFFFE\u2028', emoji: '🎖️' });

/** Verifies a credential against the key its own verificationMethod names (the fragment is the public key). */
async function verifiesWithNamedKey(credential: Record<string, unknown>): Promise<{ verified: boolean }> {
  const [proof] = credential.proof as Array<{ verificationMethod: string }>;
  const [controller, key] = String(proof?.verificationMethod).split('#') as [string, string];
  return verifyCredentialProof(credential, knownKey(controller, key));
}

describe("the 1EdTech validator's baked images", () => {
  it('extracts the credential from the PNG, and it verifies', async () => {
    const png = fixture('simple-json.png');
    expect(countPngTextChunks(png, OB3_BAKING.keyword)).toBe(1);
    const credential = JSON.parse(extractPngText(png, OB3_BAKING.keyword) ?? 'null') as Record<string, unknown>;
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://example.com/issuers/876543' },
    });
    expect(await verifiesWithNamedKey(credential)).toEqual({ verified: true });
    expect(extractPngText(png, OB2_BAKING.keyword)).toBeUndefined();
  });

  it('extracts the credential from the SVG (DOCTYPE and all), and it verifies', async () => {
    const payload = extractSvgPayload(fixture('simple-json.svg'), OB3_BAKING);
    expect(payload).toMatchObject({ rootDeclaresNamespace: true, count: 1 });
    expect(payload?.verify).toBeUndefined();
    const credential = JSON.parse(payload?.text ?? 'null') as Record<string, unknown>;
    expect(credential).toMatchObject({ name: 'Teamwork Badge' });
    expect(await verifiesWithNamedKey(credential)).toEqual({ verified: true });
  });

  it('notices a changed credential (the check above can fail)', async () => {
    const credential = JSON.parse(extractPngText(fixture('simple-json.png'), OB3_BAKING.keyword) ?? 'null') as Record<
      string,
      unknown
    >;
    expect((await verifiesWithNamedKey({ ...credential, validFrom: '2011-01-01T00:00:00Z' })).verified).toBe(false);
  });

  it('re-bakes them with a single payload: the old one is replaced, not repeated', () => {
    const png = bake(prepareImage(fixture('simple-json.png')), OB3_BAKING, AWKWARD);
    expect(countPngTextChunks(png, OB3_BAKING.keyword)).toBe(1);
    expect(extractPngText(png, OB3_BAKING.keyword)).toBe(AWKWARD);
    // The image's other text chunks stay.
    expect(pngChunkTypes(png).filter((t) => t === 'tEXt')).toHaveLength(2);
    const svg = bake(prepareImage(fixture('simple-json.svg')), OB3_BAKING, AWKWARD);
    expect(extractSvgPayload(svg, OB3_BAKING)).toMatchObject({
      count: 1,
      text: AWKWARD.replace('\uFFFE\u2028', '\\ufffe\\u2028'),
    });
    expect(svg.toString()).toContain('<!DOCTYPE svg PUBLIC');
  });
});

describe('baking a PNG', () => {
  it('adds one uncompressed iTXt chunk before the image data, and the image still decodes', () => {
    const source = samplePng();
    const baked = bake(prepareImage(source), OB3_BAKING, AWKWARD);
    expect(extractPngText(baked, OB3_BAKING.keyword)).toBe(AWKWARD);
    const types = pngChunkTypes(baked);
    expect(types.indexOf('iTXt')).toBeLessThan(types.indexOf('IDAT'));
    expect(types.filter((t) => t === 'iTXt')).toHaveLength(1);
    const decoded = PNG.sync.read(baked);
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    expect(decoded.data.equals(PNG.sync.read(source).data)).toBe(true);
  });

  it('writes the chunk exactly as the specs show: keyword, NUL, flag 0, method 0, empty tag and translation, UTF-8 text, CRC', () => {
    const chunk = itxtChunk('openbadgecredential', 'é');
    const data = Buffer.concat([Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1'), Buffer.from('é')]);
    expect(chunk.readUInt32BE(0)).toBe(data.length);
    expect(chunk.subarray(4, 8).toString('latin1')).toBe('iTXt');
    expect(chunk.subarray(8, 8 + data.length).equals(data)).toBe(true);
    expect(chunk.readUInt32BE(8 + data.length)).toBe(crc32(Buffer.concat([Buffer.from('iTXt'), data])));
  });

  it('bakes each version under its own keyword, and one version replaces the other', () => {
    const prepared = prepareImage(samplePng());
    const v2 = bake(prepared, OB2_BAKING, '{"v":2}');
    expect(extractPngText(v2, OB2_BAKING.keyword)).toBe('{"v":2}');
    expect(extractPngText(v2, OB3_BAKING.keyword)).toBeUndefined();
    const v3 = bake(prepareImage(v2), OB3_BAKING, '{"v":3}');
    expect(extractPngText(v3, OB3_BAKING.keyword)).toBe('{"v":3}');
    expect(countPngTextChunks(v3, OB2_BAKING.keyword)).toBe(0);
  });

  it('refuses a damaged PNG', () => {
    const broken = samplePng();
    broken.writeUInt8(broken.readUInt8(broken.length - 20) ^ 0xff, broken.length - 20);
    expect(() => prepareImage(broken)).toThrow(/not a valid PNG \(bad CRC/);
    expect(() => prepareImage(samplePng().subarray(0, 40))).toThrow(/not a valid PNG/);
  });
});

describe('baking an SVG', () => {
  it('refuses an SVG larger than it will prepare on the event loop, and prepares one just under the limit', () => {
    const svgOf = (size: number) => {
      const head = '<svg xmlns="http://www.w3.org/2000/svg"><desc>';
      const tail = '</desc></svg>';
      return Buffer.from(head + 'x'.repeat(size - head.length - tail.length) + tail);
    };
    expect(prepareImage(svgOf(SVG_MAX_BYTES)).type).toBe('svg');
    const tooLarge = (() => {
      try {
        prepareImage(svgOf(SVG_MAX_BYTES + 1));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(tooLarge).toBeInstanceOf(UnbakeableImageError);
    expect((tooLarge as UnbakeableImageError).reason).toBe('too-large');
  });

  it('declares the namespace on the root and puts the payload first inside it, the rest unchanged in meaning', () => {
    const baked = bake(prepareImage(SVG), OB3_BAKING, AWKWARD);
    const document = parseXml(baked.toString('utf8'));
    const root = document.documentElement;
    expect(root?.getAttribute('xmlns:openbadges')).toBe('https://purl.imsglobal.org/ob/v3p0');
    const first = root?.firstChild as unknown as { namespaceURI: string; localName: string; nodeName: string } | null;
    expect(first).toMatchObject({
      namespaceURI: OB3_BAKING.namespace,
      localName: 'credential',
      nodeName: 'openbadges:credential',
    });
    expect(document.getElementsByTagName('title')[0]?.textContent).toBe('a < b ]]>');
    expect(document.getElementsByTagName('circle')).toHaveLength(1);
    // The payload is the JSON with the same value: only characters XML forbids became JSON escapes.
    expect(JSON.parse(extractSvgPayload(baked, OB3_BAKING)?.text ?? 'null')).toEqual(JSON.parse(AWKWARD));
    expect(baked.toString()).toContain('<?xml version="1.0" encoding="UTF-8"?>');
  });

  it('bakes 2.0 with `verify` and the assertion in CDATA, and 3.0 replaces it', () => {
    const v2 = bake(prepareImage(SVG), OB2_BAKING, '{"a":"]]>"}', 'https://example.org/a?x=1&y="2"');
    expect(extractSvgPayload(v2, OB2_BAKING)).toEqual({
      text: '{"a":"]]>"}',
      verify: 'https://example.org/a?x=1&y="2"',
      rootDeclaresNamespace: true,
      count: 1,
    });
    const v3 = bake(prepareImage(v2), OB3_BAKING, '{"v":3}');
    expect(extractSvgPayload(v3, OB2_BAKING)).toBeUndefined();
    expect(extractSvgPayload(v3, OB3_BAKING)).toMatchObject({ text: '{"v":3}', rootDeclaresNamespace: true, count: 1 });
    expect(v3.toString()).not.toContain('openbadges:assertion');
  });

  it('bakes an empty `<svg/>` and one whose payload element sits deeper', () => {
    const empty = bake(prepareImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), OB3_BAKING, '{}');
    expect(extractSvgPayload(empty, OB3_BAKING)).toMatchObject({ text: '{}', count: 1 });
    const nested = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><g><ob:credential>{"old":1}</ob:credential></g></svg>',
    );
    expect(extractSvgPayload(bake(prepareImage(nested), OB3_BAKING, '{"new":1}'), OB3_BAKING)).toMatchObject({
      text: '{"new":1}',
      count: 1,
    });
  });

  it('escapes CDATA ends and characters XML forbids', () => {
    expect(cdata('"]]>"')).toBe('<![CDATA["]]]]><![CDATA[>"]]>');
    expect(cdata('"\u0000\uFFFF"')).toBe('<![CDATA["\\u0000\\uffff"]]>');
  });
});

describe('refusing what cannot be baked', () => {
  const reasonOf = (bytes: Buffer): string => {
    try {
      prepareImage(bytes);
      return 'accepted';
    } catch (error) {
      if (error instanceof UnbakeableImageError) return `${error.reason}: ${error.message}`;
      throw error;
    }
  };

  it('names the kind of what it refuses', () => {
    expect(reasonOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(/^unsupported-type: .*JPEG/);
    expect(reasonOf(Buffer.from('GIF89a...'))).toMatch(/^unsupported-type: .*GIF/);
    expect(reasonOf(Buffer.from('<!DOCTYPE html><html><body>Not found</body></html>'))).toMatch(
      /^unsupported-type: .*HTML/,
    );
    expect(reasonOf(Buffer.from('<html><body>hi</body></html>'))).toMatch(/^unsupported-type: .*not an SVG/);
    expect(reasonOf(Buffer.from('<svg>no namespace</svg>'))).toMatch(/^unsupported-type: .*not an SVG/);
    expect(reasonOf(Buffer.from('{"json":true}'))).toMatch(/^unsupported-type: /);
    expect(reasonOf(Buffer.from(''))).toMatch(/^unsupported-type: /);
  });

  it('refuses SVGs that declare entities or are not well-formed XML or UTF-8', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>';
    expect(reasonOf(Buffer.from(bomb))).toMatch(/^malformed: /);
    const internalSubset = '<!DOCTYPE svg [<!ATTLIST svg x CDATA "1">]><svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(reasonOf(Buffer.from(internalSubset))).toMatch(/^malformed: .*internal subset/);
    expect(reasonOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toMatch(
      /^malformed: .*well-formed/,
    );
    expect(reasonOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">&nbsp;</svg>'))).toMatch(/^malformed: /);
    expect(
      reasonOf(
        Buffer.concat([
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>'),
          Buffer.from([0xe9]),
          Buffer.from('</text></svg>'),
        ]),
      ),
    ).toMatch(/^malformed: .*UTF-8/);
  });
});
