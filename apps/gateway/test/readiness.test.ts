import { describe, expect, it } from 'vitest';
import {
  CORE,
  DEPENDENCIES,
  FAMILY_DEPENDENCIES,
  familyReadiness,
  readyWith,
  type Checks,
} from '../src/ops/readiness.js';

const allUp: Checks = Object.fromEntries(DEPENDENCIES.map((d) => [d, true]));

describe('per-family readiness', () => {
  it('is ready everywhere when every dependency answers', () => {
    expect(Object.values(familyReadiness(allUp)).every((f) => f.ready && f.down.length === 0)).toBe(true);
    expect(readyWith(CORE, allUp)).toBe(true);
  });

  it('fails only the families that need what is down', () => {
    const families = familyReadiness({ ...allUp, requirements: false });
    expect(
      Object.entries(families)
        .filter(([, f]) => !f.ready)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['all', 'kickapps', 'v2']);
    expect(families.v2.down).toEqual(['requirements']);
    expect(readyWith(CORE, { ...allUp, requirements: false })).toBe(true);
  });

  it('counts a dependency nobody asked as down', () => {
    expect(readyWith(FAMILY_DEPENDENCIES.badgekit, { database: true })).toBe(false);
    expect(readyWith(CORE, { ...allUp, database: false })).toBe(false);
  });

  it('needs every dependency for "all", and every family the catalog', () => {
    expect([...FAMILY_DEPENDENCIES.all].sort()).toEqual([...DEPENDENCIES].sort());
    for (const needs of Object.values(FAMILY_DEPENDENCIES)) expect(needs).toContain('badge-catalog');
  });
});
