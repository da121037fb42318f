/**
 * Which of the gateway's dependencies each API family needs, and what is
 * ready given which of them answer. Read off the routers (which service
 * clients, the gateway's own schema, the Kafka producer each one's handlers
 * use), so that a down service makes unready only the routes that call it.
 */
export const DEPENDENCIES = ['database', 'kafka', 'badge-catalog', 'claim-code', 'requirements', 'issuance'] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

/** The families (and parts of families) whose routes need different services. */
export const FAMILY_DEPENDENCIES = {
  // Public badge classes, issuers and images: catalog reads only.
  public: ['badge-catalog'],
  // Public assertions are awards, kept by issuance.
  'public-assertions': ['badge-catalog', 'issuance'],
  // Systems, issuers, programs, badges, milestones; consumers' keys live in the gateway's schema.
  badgekit: ['database', 'badge-catalog'],
  // Claim codes are claim-code's; a claim awards through issuance.
  'badgekit-claim-codes': ['database', 'badge-catalog', 'claim-code', 'issuance'],
  // Badge instances are issuance's awards; awarding by claim code goes through claim-code.
  'badgekit-instances': ['database', 'badge-catalog', 'claim-code', 'issuance'],
  // Applications and reviews are issuance's.
  'badgekit-assessment': ['database', 'badge-catalog', 'issuance'],
  // Actions, requirements and progress are requirements'; awards issuance's; login tokens the gateway's.
  kickapps: ['database', 'badge-catalog', 'requirements', 'issuance'],
  // Outcomes go to Kafka (consumed by requirements); awards to issuance.
  v2: ['database', 'kafka', 'badge-catalog', 'requirements', 'issuance'],
  // Bulk awards through issuance; replayed responses in the gateway's schema.
  import: ['database', 'badge-catalog', 'issuance'],
  // Members and consumers in the gateway's schema; webhook settings and deliveries from catalog and issuance.
  admin: ['database', 'badge-catalog', 'issuance'],
  // Open Badges 3.0 API: clients, tokens and members in the gateway's schema; sites from the catalog, credentials from issuance.
  ob3: ['database', 'badge-catalog', 'issuance'],
  // Everything answers (what `npm start` waits for before it says the system is up).
  all: DEPENDENCIES,
} as const satisfies Record<string, readonly Dependency[]>;

export type Family = keyof typeof FAMILY_DEPENDENCIES;

/**
 * What plain /readyz requires: without its database no authenticated route
 * works, and every family reads the catalog. A down claim-code, requirements
 * or issuance service leaves the gateway in rotation (its other routes still
 * work, and each of its own routes answers in its family's format); taking
 * every gateway replica out of rotation for it would only turn those answers
 * into a load balancer's.
 */
export const CORE: readonly Dependency[] = ['database', 'badge-catalog'];

export const isFamily = (name: string): name is Family => Object.hasOwn(FAMILY_DEPENDENCIES, name);

export type Checks = Partial<Record<Dependency, boolean>>;

/** Ready when every dependency in `needs` answered. */
export const readyWith = (needs: readonly Dependency[], checks: Checks): boolean =>
  needs.every((d) => checks[d] === true);

/** Every family's readiness, with the dependencies it is waiting for. */
export function familyReadiness(checks: Checks): Record<Family, { ready: boolean; down: Dependency[] }> {
  return Object.fromEntries(
    Object.entries(FAMILY_DEPENDENCIES).map(([family, needs]) => {
      const down = needs.filter((d) => checks[d] !== true);
      return [family, { ready: down.length === 0, down }];
    }),
  ) as Record<Family, { ready: boolean; down: Dependency[] }>;
}
