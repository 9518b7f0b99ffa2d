import { failedRowsPreview, parseCsvStart } from './csv-preview';

describe('parseCsvStart', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsvStart('a,"b, c","say ""hi"""\r\n"two\nlines",x,\r\n', 10)).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['two\nlines', 'x', ''],
    ]);
  });

  it('leaves out a last line cut off before its end, and stops at the rows asked for', () => {
    expect(parseCsvStart('a,b\r\nc,d\r\ne,f', 10)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsvStart('a\r\nb\r\nc\r\n', 2)).toEqual([['a'], ['b']]);
  });
});

describe('failedRowsPreview', () => {
  it("pairs each failed row with the file's own columns and the reason", () => {
    const report = '\uFEFFRow,Phone,Name,Reason\r\n3,+1415,,The name is missing.\r\n7,abc,Ann,"Not a number, check it"\r\n';
    expect(failedRowsPreview(report, 5)).toEqual([
      {
        rowNumber: '3',
        cells: [
          { column: 'Phone', value: '+1415' },
          { column: 'Name', value: '' },
        ],
        reason: 'The name is missing.',
      },
      {
        rowNumber: '7',
        cells: [
          { column: 'Phone', value: 'abc' },
          { column: 'Name', value: 'Ann' },
        ],
        reason: 'Not a number, check it',
      },
    ]);
    expect(failedRowsPreview(report, 1)).toHaveLength(1);
    expect(failedRowsPreview('', 5)).toEqual([]);
  });
});
