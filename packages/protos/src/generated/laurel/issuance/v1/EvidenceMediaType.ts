// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

/**
 * BadgeKit evidence mediaType; UNSPECIFIED is its null.
 */
export const EvidenceMediaType = {
  EVIDENCE_MEDIA_TYPE_UNSPECIFIED: 'EVIDENCE_MEDIA_TYPE_UNSPECIFIED',
  EVIDENCE_MEDIA_TYPE_IMAGE: 'EVIDENCE_MEDIA_TYPE_IMAGE',
  EVIDENCE_MEDIA_TYPE_LINK: 'EVIDENCE_MEDIA_TYPE_LINK',
} as const;

/**
 * BadgeKit evidence mediaType; UNSPECIFIED is its null.
 */
export type EvidenceMediaType =
  | 'EVIDENCE_MEDIA_TYPE_UNSPECIFIED'
  | 0
  | 'EVIDENCE_MEDIA_TYPE_IMAGE'
  | 1
  | 'EVIDENCE_MEDIA_TYPE_LINK'
  | 2

/**
 * BadgeKit evidence mediaType; UNSPECIFIED is its null.
 */
export type EvidenceMediaType__Output = typeof EvidenceMediaType[keyof typeof EvidenceMediaType]
