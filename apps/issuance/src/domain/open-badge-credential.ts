/**
 * The unsigned Open Badges 3.0 OpenBadgeCredential of an award
 * (open-badges-3.md §1): pure, so that what a credential says is decided in
 * one place and tested without keys or a database. Signing (credentials/)
 * adds the proof.
 */
import { createHash } from 'node:crypto';
import type { catalogV1 } from '@laurel/protos';
import { badgeClassPath, credentialPath, imageUrlOf, ob3IssuerId } from '@laurel/service-kit';

export const OB3_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  // Required because credentialSchema uses a 1EdTech type: without it JSON-LD safe mode refuses to sign.
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
] as const;

export const OB3_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** `sha256$` + hex(sha256(identity + salt)), as OB 3.0's IdentityObject says. */
export const identityHash = (identity: string, salt: string): string =>
  `sha256$${createHash('sha256')
    .update(identity + salt, 'utf8')
    .digest('hex')}`;

export interface AwardFacts {
  uid: string;
  email: string | null;
  userId: string | null;
  issuedOn: Date;
  expires: Date | null;
  evidenceUrl: string | null;
}

const iso = (time: Date): string => time.toISOString().replace(/\.\d{3}Z$/, 'Z');

function criteria(badge: catalogV1.Badge__Output): Record<string, string> {
  const items = badge.criteria.map((c) => c.description).filter((d) => d !== '');
  if (items.length > 0)
    return { ...(badge.criteriaUrl && { id: badge.criteriaUrl }), narrative: items.map((d) => `- ${d}`).join('\n') };
  if (badge.criteriaUrl) return { id: badge.criteriaUrl };
  return { narrative: badge.earnerDescription || badge.strapline || badge.name };
}

/** The recipient as an IdentityObject: the email when the award has one, else the member's id within the site. */
function identifier(award: AwardFacts, salt: string): Record<string, unknown> {
  const [identityType, identity] = award.email
    ? ['emailAddress', award.email.toLowerCase()]
    : ['sourcedId', award.userId ?? ''];
  return { type: 'IdentityObject', identityType, hashed: true, identityHash: identityHash(identity, salt), salt };
}

const absoluteUrl = (value: string | null | undefined): string | undefined =>
  value && URL.canParse(value) ? value : undefined;

/** `status`: the award's BitstringStatusListEntry (domain/status-list.ts); ONE object, as the 1EdTech schema wants. */
export function unsignedCredential(
  award: AwardFacts,
  badge: catalogV1.Badge__Output,
  origin: string,
  salt: string,
  status?: Record<string, string>,
): Record<string, unknown> {
  if (!badge.system) throw new Error(`badge ${badge.id} came without its system`);
  const system = badge.system;
  const issuer = ob3IssuerId(origin, system.slug);
  const image = imageUrlOf(badge.image, origin);
  const description = badge.consumerDescription || badge.earnerDescription || badge.strapline || badge.name;
  const evidence = absoluteUrl(award.evidenceUrl);
  const alignments = badge.alignments.filter((a) => absoluteUrl(a.url));
  return {
    '@context': [...OB3_CONTEXTS],
    id: `${origin}${credentialPath(award.uid)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: badge.name,
    issuer: {
      id: issuer,
      type: ['Profile'],
      name: system.name,
      ...(absoluteUrl(system.url) && { url: system.url }),
      ...(system.email && { email: system.email }),
    },
    validFrom: iso(award.issuedOn),
    ...(award.expires && { validUntil: iso(award.expires) }),
    awardedDate: iso(award.issuedOn),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [identifier(award, salt)],
      achievement: {
        id: `${origin}${badgeClassPath(badge)}`,
        type: ['Achievement'],
        name: badge.name,
        description,
        criteria: criteria(badge),
        ...(image !== null && absoluteUrl(image) && { image: { id: image, type: 'Image' } }),
        ...(badge.tags.length > 0 && { tag: badge.tags.map((t) => t.value) }),
        // The schema wants a URI as targetUrl; an alignment without one cannot be stated.
        ...(alignments.length > 0 && {
          alignment: alignments.map((a) => ({
            type: ['Alignment'],
            targetName: a.name,
            targetUrl: a.url,
            ...(a.description && { targetDescription: a.description }),
          })),
        }),
      },
    },
    ...(evidence && { evidence: [{ id: evidence, type: ['Evidence'] }] }),
    ...(status && { credentialStatus: status }),
    credentialSchema: [{ id: OB3_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}
