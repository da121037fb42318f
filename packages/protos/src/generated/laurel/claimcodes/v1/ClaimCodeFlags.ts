// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto


/**
 * Flags a new code starts with. The gateway has already turned BadgeKit's
 * boolean-like input into real booleans (badgekit-api.md §17 D-8).
 */
export interface ClaimCodeFlags {
  /**
   * Preset claimant, shown until the first claim overwrites it.
   */
  'email'?: (string);
  /**
   * A code created already claimed is a used-up single-use code from the
   * start; BadgeKit allows it, so the contract does too.
   */
  'claimed'?: (boolean);
  'multiuse'?: (boolean);
  '_email'?: "email";
}

/**
 * Flags a new code starts with. The gateway has already turned BadgeKit's
 * boolean-like input into real booleans (badgekit-api.md §17 D-8).
 */
export interface ClaimCodeFlags__Output {
  /**
   * Preset claimant, shown until the first claim overwrites it.
   */
  'email'?: (string);
  /**
   * A code created already claimed is a used-up single-use code from the
   * start; BadgeKit allows it, so the contract does too.
   */
  'claimed': (boolean);
  'multiuse': (boolean);
  '_email'?: "email";
}
