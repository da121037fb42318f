/**
 * Every size the gateway refuses beyond, in one place (README "Limits").
 * A request over a limit is answered 413 (body) or 400/431 in its family's
 * format before it reaches a service, so no service ever sees it.
 */
const KiB = 1024;
const MiB = 1024 * KiB;

export const LIMITS = {
  /** All request headers together; Node answers larger ones through our clientError handler (431). */
  headerBytes: 16 * KiB,
  /** Request bodies per family, as their specs set them. */
  body: {
    badgekit: 16 * MiB,
    admin: 16 * MiB,
    kickapps: 16 * MiB,
    v2: 16 * KiB,
    import: 2 * MiB,
    importToken: 16 * KiB,
    /** The OB 3.0 API: forms, registrations, one credential or profile. */
    ob3: 1 * MiB,
  },
  /** One uploaded file (a badge or system image) in a multipart body. */
  uploadBytes: 8 * MiB,
  /** How deep arrays and objects may nest in a JSON body; real payloads need fewer than 5. */
  jsonDepth: 32,
  /** How deep urlencoded/multipart keys nest (`criteria[0][description]` is 2). */
  formDepth: 5,
  /** RFC 5321's limit on a forward path: no address is longer. */
  emailChars: 254,
  /** BadgeKit slugs and claim codes (badgekit-api.md §2.8). */
  slugChars: 255,
} as const;

/** A byte count as the answers name it: "16 MiB", "2 MiB", "16 KiB". */
export function sizeText(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`;
}
