import { csvLine, errorReportHeader, errorReportLine, neutralise } from './error-report';

describe('error report CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const formula of ['=1+1', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutralise(formula)).toBe(`'${formula}`);
    expect(neutralise('Asha')).toBe('Asha');
    expect(neutralise('98765')).toBe('98765');
  });

  it('quotes cells with commas, quotes or line breaks, after neutralising them', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', '=HYPERLINK("x")'])).toBe('"a,b","say ""hi""","two\nlines","\'=HYPERLINK(""x"")"\r\n');
  });

  it("has the row number, the file's columns as written and the reason; short rows are padded", () => {
    expect(errorReportHeader([' Phone ', 'Name'])).toBe('Row,Phone,Name,Reason\r\n');
    expect(errorReportLine(5, ['12'], 2, 'The name is missing.')).toBe('5,12,,The name is missing.\r\n');
  });
});
