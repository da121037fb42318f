/**
 * The Open Badges 3.0 credential without a database: what it says (pure
 * assembly), and that issuance's signing produces a proof an independent
 * verifier accepts and the 1EdTech schema validates, while any changed value
 * fails. The verifier is first shown to accept the official 1EdTech test
 * vector, so a pass here means something.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { catalogV1 } from '@laurel/protos';
import { ob3IssuerId, verificationMethodId } from '@laurel/service-kit';
import {
  achievementCredentialSchemaErrors,
  knownKey,
  OB3_TEST_VECTOR,
  verifyCredentialProof,
} from '@laurel/testkit/ob3-verifier';
import {
  identityHash,
  OB3_CONTEXTS,
  unsignedCredential,
  type AwardFacts,
} from '../src/domain/open-badge-credential.js';
import { generateKeyMaterial, signCredential } from '../src/credentials/signing.js';
import { statusEntry } from '../src/domain/status-list.js';

const ORIGIN = 'https://badges.example.org';

const badge = {
  id: '7',
  slug: 'first-aid',
  name: 'First Aid',
  strapline: 'Saves lives',
  earnerDescription: 'You can give first aid',
  consumerDescription: 'Holder completed first aid training',
  unique: true,
  createdAt: '2026-01-01T00:00:00Z',
  image: { slug: 'img-1', mimeType: 'image/png' },
  archived: false,
  system: {
    id: '3',
    slug: 'red cross',
    name: 'Red Cross',
    url: 'https://redcross.example.org',
    email: 'badges@redcross.example.org',
  },
  issuer: { id: '4', slug: 'north', name: 'North', url: 'https://north.example.org', programs: [] },
  criteriaUrl: 'https://redcross.example.org/criteria',
  criteria: [{ id: '1', description: 'Pass the exam', required: true, note: '' }],
  alignments: [
    { id: '1', name: 'ESCO first aid', url: 'https://esco.example.org/first-aid', description: 'Give first aid' },
    { id: '2', name: 'No URL', url: 'not a url', description: '' },
  ],
  categories: [],
  tags: [
    { id: '1', value: 'health' },
    { id: '2', value: 'safety' },
  ],
  published: true,
  origin: 'badgekit',
} as unknown as catalogV1.Badge__Output;

const award: AwardFacts = {
  uid: 'abc123',
  email: 'Learner@Example.org',
  userId: null,
  issuedOn: new Date('2026-03-04T05:06:07.890Z'),
  expires: new Date('2028-03-04T00:00:00Z'),
  evidenceUrl: 'https://example.org/work',
};

describe('unsignedCredential', () => {
  const credential = unsignedCredential(award, badge, ORIGIN, 'salt-1');
  const subject = credential.credentialSubject as Record<string, unknown>;
  const achievement = subject.achievement as Record<string, unknown>;

  it('names the contexts in the required order, its own URL, the site as issuer and the badge class as achievement', () => {
    expect(credential['@context']).toEqual([...OB3_CONTEXTS]);
    expect(OB3_CONTEXTS[0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(credential.id).toBe(`${ORIGIN}/public/credentials/abc123`);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).toEqual({
      id: `${ORIGIN}/public/systems/red%20cross?v=3_0`,
      type: ['Profile'],
      name: 'Red Cross',
      url: 'https://redcross.example.org',
      email: 'badges@redcross.example.org',
    });
    expect(credential.validFrom).toBe('2026-03-04T05:06:07Z');
    expect(credential.validUntil).toBe('2028-03-04T00:00:00Z');
    expect(achievement).toMatchObject({
      id: `${ORIGIN}/public/systems/red%20cross/issuers/north/badges/first-aid`,
      type: ['Achievement'],
      name: 'First Aid',
      description: 'Holder completed first aid training',
      criteria: { id: 'https://redcross.example.org/criteria', narrative: '- Pass the exam' },
      image: { id: `${ORIGIN}/public/images/img-1`, type: 'Image' },
      tag: ['health', 'safety'],
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'ESCO first aid',
          targetUrl: 'https://esco.example.org/first-aid',
          targetDescription: 'Give first aid',
        },
      ],
    });
    expect(credential.evidence).toEqual([{ id: 'https://example.org/work', type: ['Evidence'] }]);
    expect(credential.credentialSchema).toEqual([
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ]);
  });

  it('identifies the learner by a salted hash of the lowercased email, never the email itself', () => {
    expect(subject.identifier).toEqual([
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed: true,
        salt: 'salt-1',
        identityHash: identityHash('learner@example.org', 'salt-1'),
      },
    ]);
    // sha256("a@b.c" + "s"), computed independently.
    expect(identityHash('a@b.c', 's')).toBe(`sha256$${createHash('sha256').update('a@b.cs').digest('hex')}`);
    expect(identityHash('a@b.c', 's')).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(identityHash('a@b.c', 's')).not.toBe(identityHash('a@b.c', 't'));
    expect(JSON.stringify(credential).toLowerCase()).not.toContain('learner@example.org');
  });

  it('conforms to the 1EdTech AchievementCredential schema once it carries a proof array, with its one status entry', () => {
    expect(achievementCredentialSchemaErrors({ ...credential, proof: [{ type: 'DataIntegrityProof' }] })).toEqual([]);
    const withStatus = unsignedCredential(
      award,
      badge,
      ORIGIN,
      'salt-1',
      statusEntry(`${ORIGIN}/public/status-lists/3/1`, 5),
    );
    expect(withStatus.credentialStatus).toEqual(statusEntry(`${ORIGIN}/public/status-lists/3/1`, 5));
    expect(achievementCredentialSchemaErrors({ ...withStatus, proof: [{ type: 'DataIntegrityProof' }] })).toEqual([]);
  });
});

describe('signing', () => {
  it('the independent verifier accepts the official 1EdTech test vector and refuses it changed', async () => {
    const { credential, publicKeyMultibase } = OB3_TEST_VECTOR;
    const controller = (credential.issuer as { id: string }).id;
    expect(await verifyCredentialProof(credential, knownKey(controller, publicKeyMultibase))).toEqual({
      verified: true,
    });
    expect(
      (await verifyCredentialProof({ ...credential, name: 'Another badge' }, knownKey(controller, publicKeyMultibase)))
        .verified,
    ).toBe(false);
  });

  it('signs with eddsa-rdfc-2022 so that the verifier accepts it, and any changed value fails', async () => {
    const key = await generateKeyMaterial();
    const issuer = ob3IssuerId(ORIGIN, 'red cross');
    const signed = await signCredential(
      unsignedCredential(award, badge, ORIGIN, 'salt-2'),
      key,
      verificationMethodId(issuer, key.publicKeyMultibase),
      issuer,
      new Date('2026-05-01T00:00:00Z'),
    );
    const proofs = signed.proof as Array<Record<string, unknown>>;
    expect(proofs).toHaveLength(1);
    expect(proofs[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: `${issuer}#${key.publicKeyMultibase}`,
    });
    expect(achievementCredentialSchemaErrors(signed)).toEqual([]);
    const fetchKey = knownKey(issuer, key.publicKeyMultibase);
    expect(await verifyCredentialProof(signed, fetchKey)).toEqual({ verified: true });

    const tampered = structuredClone(signed);
    (
      (tampered.credentialSubject as Record<string, Record<string, unknown>>).achievement as Record<string, unknown>
    ).name = 'Brain Surgery';
    expect((await verifyCredentialProof(tampered, fetchKey)).verified).toBe(false);
    const otherKey = await generateKeyMaterial();
    expect((await verifyCredentialProof(signed, knownKey(issuer, otherKey.publicKeyMultibase))).verified).toBe(false);
  });
});
