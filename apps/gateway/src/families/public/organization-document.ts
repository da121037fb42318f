/**
 * The issuer organization document of BadgeKit §10.3: each key takes the
 * first non-empty value from the program, then the issuer, then the system,
 * and a key with no value anywhere is left out. Shared by the JSON documents
 * and the human pages.
 */
const KEYS = ['name', 'url', 'description', 'email'] as const;
type Key = (typeof KEYS)[number];

export type Organization = Partial<Record<Key, string>>;

/** `levels` from the deepest (program) to the system; a missing level (null) is skipped. */
export function organizationDocument(levels: readonly (Organization | null | undefined)[]): Organization {
  const document: Organization = {};
  for (const key of KEYS) {
    const value = levels.map((level) => level?.[key]).find((v) => v !== undefined && v !== '');
    if (value !== undefined) document[key] = value;
  }
  return document;
}
