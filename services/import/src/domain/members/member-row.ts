import { InvalidPhoneNumberError, possiblePhoneToE164 } from '@kz/phone';
import { headerKey, type HeaderMap } from '../csv/header';
import { ImportFileError } from '../csv/import-file-error';

export type Network = 'EMPLOYEE' | 'OTHER';
export type MemberRole = 'MEMBER' | 'ADMIN';

/** A row that passed the file-level checks; identity and groups still judge attributes and rights. */
export interface MemberRow {
  /** 1-based, the header being row 1, as a spreadsheet shows it. */
  rowNumber: number;
  phone: string;
  name: string;
  network: Network;
  role: MemberRole;
  attributes: { name: string; value: string }[];
  /** The cells as written, for the error report. */
  values: string[];
}

/** Which column holds what, for one organisation's attributes. */
export interface ColumnPlan {
  phone: number;
  name: number;
  network: number | null;
  role: number | null;
  attributes: { name: string; index: number }[];
}

/** The template marks mandatory attributes with a trailing "*"; it is not part of the name. */
const stripMandatoryMark = (key: string) => key.replace(/\s*\*$/, '');

export function planColumns(header: HeaderMap, attributeNames: readonly string[]): ColumnPlan {
  if (header.fields.name === undefined) {
    throw new ImportFileError('NO_NAME_COLUMN', 'The header has no name column; name one column "Name" (the template has it).');
  }
  const byKey = new Map(attributeNames.map((name) => [headerKey(name), name]));
  const attributes: ColumnPlan['attributes'] = [];
  const unknown: string[] = [];
  for (const [key, index] of header.extra) {
    const name = byKey.get(stripMandatoryMark(key));
    if (name) attributes.push({ name, index });
    else unknown.push(header.original[index]!.trim());
  }
  if (unknown.length > 0) {
    const known = ['Phone', 'Name', 'Network', 'Group role', ...attributeNames].map((n) => `"${n}"`).join(', ');
    throw new ImportFileError(
      'UNKNOWN_COLUMN',
      `Column${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 5)
        .map((u) => `"${u}"`)
        .join(
          ', ',
        )} ${unknown.length > 1 ? 'are' : 'is'} not known; the columns of this organisation are ${known}. Rename or remove ${unknown.length > 1 ? 'them' : 'it'}.`,
    );
  }
  return { phone: header.fields.phone!, name: header.fields.name, network: header.fields.network ?? null, role: header.fields.role ?? null, attributes };
}

const NETWORKS: Record<string, Network> = { employee: 'EMPLOYEE', employees: 'EMPLOYEE', other: 'OTHER', others: 'OTHER' };
const ROLES: Record<string, MemberRole> = { member: 'MEMBER', admin: 'ADMIN' };

/** One row's cells checked and read; a reason a person can act on when it cannot be imported. */
export function readMemberRow(rowNumber: number, values: string[], plan: ColumnPlan, region: string): { row: MemberRow } | { reason: string } {
  const cell = (index: number | null) => (index === null ? '' : (values[index] ?? '').trim());
  const rawPhone = cell(plan.phone);
  if (rawPhone === '') return { reason: 'The phone number is missing.' };
  let phone: string;
  try {
    // Identity checks each number in full when it stores it; here the shape is enough to find repeats and typos.
    phone = possiblePhoneToE164(rawPhone, region);
  } catch (err) {
    if (err instanceof InvalidPhoneNumberError) return { reason: err.message };
    throw err;
  }
  const name = cell(plan.name);
  if (name === '') return { reason: 'The name is missing.' };
  if (name.length > 100) return { reason: 'The name is longer than 100 characters.' };
  const rawNetwork = cell(plan.network).toLowerCase();
  const network = rawNetwork === '' ? 'EMPLOYEE' : NETWORKS[rawNetwork];
  if (!network) return { reason: `Network "${cell(plan.network)}" is not known; use Employee or Other.` };
  const rawRole = cell(plan.role).toLowerCase();
  const role = rawRole === '' ? 'MEMBER' : ROLES[rawRole];
  if (!role) return { reason: `Group role "${cell(plan.role)}" is not known; use Member or Admin.` };
  // An empty cell leaves an existing value alone rather than clearing it.
  const attributes = plan.attributes.filter(({ index }) => cell(index) !== '').map(({ name: attribute, index }) => ({ name: attribute, value: cell(index) }));
  return { row: { rowNumber, phone, name, network, role, attributes, values } };
}

/** E.164 numbers as numbers: a million of them fit in a Set at a fraction of the memory of strings. */
export function phoneKey(e164: string): number {
  return Number(e164.slice(1));
}
