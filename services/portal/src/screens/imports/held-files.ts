import type { ExistingUsers } from '../../gql/graphql';

export interface ImportSettings {
  organizationId: string;
  groupIds: string[];
  defaultCountry: string;
  existingUsers: ExistingUsers;
}

/**
 * Files chosen for a dry run, kept in memory (by the dry run's id) so that the same file can be applied without
 * choosing it again, from the Bulk upload screen or the dry run's own screen. A reload forgets them: the browser
 * gives a page no way to reopen a file it was handed.
 */
const held = new Map<string, File>();
const MAX_HELD = 10;

export function holdFile(importId: string, file: File): void {
  held.set(importId, file);
  while (held.size > MAX_HELD) held.delete(held.keys().next().value!);
}

export function heldFile(importId: string): File | null {
  return held.get(importId) ?? null;
}

/** Dry runs applied from this page, and the import that applied each: offering to apply one twice would import it twice. */
const applied = new Map<string, string>();

export function markApplied(dryRunId: string, importId: string): void {
  applied.set(dryRunId, importId);
  held.delete(dryRunId);
}

export function appliedAs(dryRunId: string): string | null {
  return applied.get(dryRunId) ?? null;
}
