/**
 * What each Open Badges version bakes, and under which names: OB 3.0
 * (§5.3) renamed everything 2.0 used.
 */
export interface BakingFormat {
  /** Keyword of the PNG iTXt chunk. */
  keyword: string;
  /** Namespace bound to the `openbadges` prefix on the SVG root. */
  namespace: string;
  /** Local name of the SVG element that carries the payload. */
  element: string;
}

/** Open Badges 3.0: the signed OpenBadgeCredential. */
export const OB3_BAKING: BakingFormat = {
  keyword: 'openbadgecredential',
  namespace: 'https://purl.imsglobal.org/ob/v3p0',
  element: 'credential',
};

/** Open Badges 2.0: the hosted assertion. */
export const OB2_BAKING: BakingFormat = {
  keyword: 'openbadges',
  namespace: 'http://openbadges.org',
  element: 'assertion',
};

export const BAKING_FORMATS: readonly BakingFormat[] = [OB3_BAKING, OB2_BAKING];

export const OPEN_BADGES_KEYWORDS: ReadonlySet<string> = new Set(BAKING_FORMATS.map((f) => f.keyword));

/** The prefix both specs name; extractors look for `openbadges:assertion` / `openbadges:credential` literally. */
export const OPEN_BADGES_PREFIX = 'openbadges';
