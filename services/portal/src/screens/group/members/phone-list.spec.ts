import { parsePhoneList } from './phone-list';

describe('parsePhoneList', () => {
  it('splits on lines, commas and semicolons, keeping spaces inside a number', () => {
    expect(parsePhoneList('+1 415 555 0101\n+14155550102, +14155550103;+14155550104\r\n\n')).toEqual({
      numbers: ['+1 415 555 0101', '+14155550102', '+14155550103', '+14155550104'],
      repeats: 0,
    });
  });

  it('leaves out a number written again, however it is formatted', () => {
    expect(parsePhoneList('+14155550101\n+1 (415) 555-0101\n0014155550101\n+14155550102')).toEqual({
      numbers: ['+14155550101', '+14155550102'],
      repeats: 2,
    });
  });

  it('keeps what does not look like a number, for the server to judge', () => {
    expect(parsePhoneList('not a number; 12')).toEqual({ numbers: ['not a number', '12'], repeats: 0 });
    expect(parsePhoneList('  \n ,; ')).toEqual({ numbers: [], repeats: 0 });
  });
});
