/**
 * A system (site) and the invariants the catalog itself guarantees, whichever
 * API family the request came from. The edge validates each family's own
 * formats and limits; the catalog only refuses what no family may store.
 */
import { DomainError, type FieldProblem } from '@laurel/service-kit';

export interface SystemRecord {
  id: string;
  slug: string;
  name: string;
  url: string;
  description: string | null;
  email: string | null;
  imageUrl: string | null;
  createdAt: Date;
}

export interface SystemFields {
  slug?: string;
  name?: string;
  url?: string;
  description?: string | null;
  email?: string | null;
  imageUrl?: string | null;
}

const LIMITS = { slug: 255, name: 255, url: 2083 } as const;

/** Checks a complete system (after a merge, for updates) and names every problem. */
export function checkSystem(fields: SystemFields): void {
  const problems: FieldProblem[] = [];
  for (const field of ['slug', 'name', 'url'] as const) {
    const value = fields[field];
    if (!value) problems.push({ field, value: value ?? '' });
    else if (value.length > LIMITS[field]) problems.push({ field, value, message: 'String is not in range' });
  }
  if (problems.length > 0) throw DomainError.validation(problems);
}
