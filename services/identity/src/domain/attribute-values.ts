import { badInput } from '@kz/errors';
import type { AttributeType } from '../entities/attribute-definition.entity';

export interface AttributeDefinition {
  key: string;
  name: string;
  type: AttributeType;
  mandatory: boolean;
}

export type AttributeValue = string | number | boolean;

export const SUGGESTED_ATTRIBUTES: readonly { name: string; type: AttributeType }[] = [
  { name: 'Employee ID', type: 'STRING' },
  { name: 'Job title', type: 'STRING' },
  { name: 'Manager', type: 'STRING' },
  { name: 'Department', type: 'STRING' },
  { name: 'Location', type: 'STRING' },
];

const MAX_TEXT = 500;

/** "  Job   Title " and "job title" name one attribute. */
export function attributeKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function validateAttributeName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean.length === 0 || clean.length > 60) throw badInput('name', 'An attribute name needs 1 to 60 characters.');
  return clean;
}

function parseValue(def: AttributeDefinition, raw: string): AttributeValue {
  const field = `attributes.${def.name}`;
  const value = raw.trim();
  switch (def.type) {
    case 'STRING':
      if (value.length > MAX_TEXT) throw badInput(field, `${def.name} can be at most ${MAX_TEXT} characters.`);
      return value;
    case 'NUMBER': {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) throw badInput(field, `${def.name} must be a number, e.g. 42 or 3.5; got "${raw}".`);
      return n;
    }
    case 'BOOLEAN': {
      const v = value.toLowerCase();
      if (['true', 'yes', '1'].includes(v)) return true;
      if (['false', 'no', '0'].includes(v)) return false;
      throw badInput(field, `${def.name} must be yes or no; got "${raw}".`);
    }
    case 'DATE': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      if (!date || date.toISOString().slice(0, 10) !== value) throw badInput(field, `${def.name} must be a date written YYYY-MM-DD; got "${raw}".`);
      return value;
    }
  }
}

/**
 * Applies `changes` (name → text, or null to clear) to `current` values and
 * checks the result against the organisation's definitions: every name known,
 * every value of its type, every mandatory attribute present.
 */
export function applyAttributeValues(
  definitions: readonly AttributeDefinition[],
  current: Readonly<Record<string, AttributeValue>>,
  changes: readonly { name: string; value: string | null }[],
): Record<string, AttributeValue> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const next: Record<string, AttributeValue> = { ...current };
  for (const change of changes) {
    const def = byKey.get(attributeKey(change.name));
    if (!def) {
      throw badInput(`attributes.${change.name}`, `"${change.name}" is not an attribute of this organisation; define it first or check the spelling.`);
    }
    if (change.value === null || change.value.trim() === '') delete next[def.key];
    else next[def.key] = parseValue(def, change.value);
  }
  for (const def of definitions) {
    if (def.mandatory && next[def.key] === undefined) throw badInput(`attributes.${def.name}`, `${def.name} is mandatory in this organisation.`);
  }
  return next;
}
