/**
 * How recorded outcomes become count increments: pure, no I/O, so the rules
 * are testable on their own. Several outcomes of one member for one action and
 * location in a batch add up to one increment.
 */
export interface Outcome {
  siteId: string;
  memberId: string;
  action: string;
  location: string;
  quantity: string;
}

export interface Increment {
  siteId: string;
  memberId: string;
  actionKey: string;
  location: string;
  amount: bigint;
}

/** Actions match by name ignoring case (model.md, "Actions, outcomes and requirements"). */
export const actionKey = (name: string): string => name.trim().toLowerCase();

/** Quantity 0 (the proto default when a writer leaves it out) counts once; negative quantities are refused. */
export function outcomeQuantity(quantity: string): bigint | undefined {
  const value = BigInt(quantity || '0');
  if (value < 0n) return undefined;
  return value === 0n ? 1n : value;
}

export function locationOf(outcome: Pick<Outcome, 'location'>, defaultLocation: string): string {
  return outcome.location.trim() || defaultLocation;
}

/** Sums outcomes per (site, member, action, location), keeping first-seen order. */
export function aggregateIncrements(outcomes: Outcome[], defaultLocation: string): Increment[] {
  const byKey = new Map<string, Increment>();
  for (const o of outcomes) {
    const amount = outcomeQuantity(o.quantity) ?? 0n;
    const increment = {
      siteId: o.siteId,
      memberId: o.memberId,
      actionKey: actionKey(o.action),
      location: locationOf(o, defaultLocation),
      amount,
    };
    const key = JSON.stringify([increment.siteId, increment.memberId, increment.actionKey, increment.location]);
    const existing = byKey.get(key);
    if (existing) existing.amount += amount;
    else byKey.set(key, increment);
  }
  return [...byKey.values()];
}
