import type { AttributeType } from '../../gql/graphql';

export const TYPE_LABELS: Record<AttributeType, string> = {
  STRING: 'Text',
  NUMBER: 'Number',
  BOOLEAN: 'Yes or no',
  DATE: 'Date',
};

export const TYPE_DESCRIPTIONS: Record<AttributeType, string> = {
  STRING: 'Any text, up to 500 characters',
  NUMBER: 'A number, e.g. 42 or 3.5',
  BOOLEAN: 'Yes or no',
  DATE: 'A date, written YYYY-MM-DD in files',
};

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['STRING', 'NUMBER', 'BOOLEAN', 'DATE'];

/** "  Job   Title " and "job title" name one attribute, as the server counts them. */
export function attributeKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
