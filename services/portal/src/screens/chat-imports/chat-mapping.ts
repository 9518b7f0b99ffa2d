/** What the admin chose for an author: another member by number, or a named placeholder; nothing chosen keeps the preview's match. */
export interface AuthorChoice {
  phone: string;
  placeholder: boolean;
}

/** The authors whose mapping the admin changed, as applyChatImport takes them (a null phone keeps a placeholder). */
export function authorMappingChanges(choices: Readonly<Record<string, AuthorChoice>>): { name: string; phone: string | null }[] {
  return Object.entries(choices)
    .filter(([, choice]) => choice.placeholder || choice.phone.trim() !== '')
    .map(([name, choice]) => ({ name, phone: choice.placeholder ? null : choice.phone.trim() }));
}

/** Whom the preview matched an author to, in words. */
export function matchLabel(match: { displayName: string; by: 'PHONE' | 'NAME' } | null | undefined): string {
  if (!match) return 'No one: a placeholder';
  return `${match.displayName} (by ${match.by === 'PHONE' ? 'number' : 'name'})`;
}
