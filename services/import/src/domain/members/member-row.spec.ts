import { mapHeader } from '../csv/header';
import { ImportFileError } from '../csv/import-file-error';
import { phoneKey, planColumns, readMemberRow } from './member-row';

const plan = (header: string[], attributes: string[] = ['Employee ID', 'Start date']) => planColumns(mapHeader(header), attributes);

describe('planColumns', () => {
  it("finds the standard columns and the organisation's attributes, mandatory marks and spelling aside", () => {
    expect(plan(['Mobile Number', 'Full Name', 'network', 'Group Role', 'employee  id *', 'Start Date'])).toEqual({
      phone: 0,
      name: 1,
      network: 2,
      role: 3,
      attributes: [
        { name: 'Employee ID', index: 4 },
        { name: 'Start date', index: 5 },
      ],
    });
  });

  it('refuses a file without a name column, or with a column it does not know, naming the columns it takes', () => {
    expect(() => plan(['Phone'])).toThrow(ImportFileError);
    expect(() => plan(['Phone'])).toThrow(/no name column/);
    expect(() => plan(['Phone', 'Name', 'Shoe size', 'Hat'])).toThrow(
      /Columns "Shoe size", "Hat" are not known; the columns of this organisation are "Phone", "Name", "Network", "Group role", "Employee ID", "Start date"/,
    );
  });
});

describe('readMemberRow', () => {
  const columns = plan(['Phone', 'Name', 'Network', 'Group role', 'Employee ID']);

  it('normalises the number in the default country, defaults network and role, and leaves empty attributes out', () => {
    expect(readMemberRow(7, ['98765 43210', ' Asha ', '', '', ''], columns, 'IN')).toEqual({
      row: {
        rowNumber: 7,
        phone: '+919876543210',
        name: 'Asha',
        network: 'EMPLOYEE',
        role: 'MEMBER',
        attributes: [],
        values: ['98765 43210', ' Asha ', '', '', ''],
      },
    });
    expect(readMemberRow(8, ['+14155550123', 'Bo', 'others', 'ADMIN', 'E-7'], columns, 'IN')).toMatchObject({
      row: { phone: '+14155550123', network: 'OTHER', role: 'ADMIN', attributes: [{ name: 'Employee ID', value: 'E-7' }] },
    });
  });

  it('gives a reason a person can act on for each kind of bad row', () => {
    expect(readMemberRow(2, ['', 'Asha'], columns, 'IN')).toEqual({ reason: 'The phone number is missing.' });
    expect(readMemberRow(2, ['12', 'Asha'], columns, 'IN')).toEqual({ reason: expect.stringMatching(/"12" is not a valid phone number/) });
    expect(readMemberRow(2, ['9876543210', ''], columns, 'IN')).toEqual({ reason: 'The name is missing.' });
    expect(readMemberRow(2, ['9876543210', 'x'.repeat(101)], columns, 'IN')).toEqual({ reason: 'The name is longer than 100 characters.' });
    expect(readMemberRow(2, ['9876543210', 'Asha', 'Vendor'], columns, 'IN')).toEqual({ reason: 'Network "Vendor" is not known; use Employee or Other.' });
    expect(readMemberRow(2, ['9876543210', 'Asha', '', 'Owner'], columns, 'IN')).toEqual({ reason: 'Group role "Owner" is not known; use Member or Admin.' });
  });

  it('keys numbers as numbers, one per E.164 number', () => {
    expect(phoneKey('+919876543210')).toBe(919876543210);
    expect(phoneKey('+14155550123')).not.toBe(phoneKey('+14155550124'));
  });
});
