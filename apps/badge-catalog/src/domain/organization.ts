/**
 * Systems, issuers and programs share one shape (BadgeKit §4–6: "fields as
 * for systems"). These are the invariants the catalog itself guarantees,
 * whichever API family the request came from; the edge validates each
 * family's own formats and limits.
 */
import { DomainError, type FieldProblem } from '@laurel/service-kit';

export interface OrganizationFields {
  slug?: string;
  name?: string;
  url?: string;
  description?: string | null;
  email?: string | null;
}

const LIMITS = { slug: 255, name: 255, url: 2083 } as const;

/** Checks a complete record (after a merge, for updates) and names every problem. */
export function checkOrganization(fields: OrganizationFields): void {
  const problems: FieldProblem[] = [];
  for (const field of ['slug', 'name', 'url'] as const) {
    const value = fields[field];
    if (!value) problems.push({ field, value: value ?? '' });
    else if (value.length > LIMITS[field]) problems.push({ field, value, message: 'String is not in range' });
  }
  if (problems.length > 0) throw DomainError.validation(problems);
}
