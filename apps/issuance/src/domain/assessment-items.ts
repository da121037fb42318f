/**
 * How a submitted list replaces a parent's child items (evidence of an
 * application, items of a review; badgekit-api.md §2.10) with D-18 fixed: an
 * item id is honoured only when it names an item of the same parent, so a
 * client can never reach another application's or review's rows.
 */

export interface ItemPlan<T> {
  /** Existing items of this parent to overwrite in place, with their ids. */
  updates: (T & { id: string })[];
  /** New items; any id the client sent that was not the parent's is dropped. */
  inserts: T[];
  /** The parent's items that the list no longer names. */
  deletes: string[];
}

/**
 * `existingIds` are the ids the parent holds now. An id named twice updates
 * its item once; the later occurrences become new items.
 */
export function planItems<T extends { id?: string | undefined }>(
  existingIds: readonly string[],
  submitted: readonly T[],
): ItemPlan<Omit<T, 'id'>> {
  const owned = new Set(existingIds);
  const kept = new Set<string>();
  const updates: (Omit<T, 'id'> & { id: string })[] = [];
  const inserts: Omit<T, 'id'>[] = [];
  for (const { id, ...rest } of submitted) {
    if (id && owned.has(id) && !kept.has(id)) {
      kept.add(id);
      updates.push({ ...rest, id });
    } else {
      inserts.push(rest);
    }
  }
  return { updates, inserts, deletes: existingIds.filter((id) => !kept.has(id)) };
}
