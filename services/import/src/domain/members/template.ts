import type { AttributeColumn } from '../peers/people-directory';
import { csvLine } from '@kz/server';

export interface TemplateColumn {
  name: string;
  required: boolean;
  description: string;
}

const TYPE_HINT: Record<AttributeColumn['type'], string> = {
  STRING: 'text',
  NUMBER: 'a number, e.g. 42 or 3.5',
  BOOLEAN: 'yes or no',
  DATE: 'a date written YYYY-MM-DD',
};

/** The columns of an organisation's member CSV: the standard four, then its attributes (mandatory ones marked "*"). */
export function templateColumns(attributes: readonly AttributeColumn[]): TemplateColumn[] {
  return [
    { name: 'Phone', required: true, description: "Mobile number, international (+14155550123) or local to the import's default country." },
    { name: 'Name', required: true, description: "The person's name as the directory shows it." },
    { name: 'Network', required: false, description: 'Employee (the default) or Other, for partners and contractors.' },
    { name: 'Group role', required: false, description: 'Member (the default) or Admin, in the groups the import adds people to.' },
    ...attributes.map((a) => ({
      name: a.mandatory ? `${a.name} *` : a.name,
      required: a.mandatory,
      description: `Attribute: ${TYPE_HINT[a.type]}${a.mandatory ? '; mandatory for new people' : ''}.`,
    })),
  ];
}

export function templateCsv(attributes: readonly AttributeColumn[]): string {
  return csvLine(templateColumns(attributes).map((c) => c.name));
}
