import { errorReportHeader, errorReportLine } from './error-report';

describe('error report CSV', () => {
  it("has the row number, the file's columns as written and the reason; short rows are padded", () => {
    expect(errorReportHeader([' Phone ', 'Name'])).toBe('Row,Phone,Name,Reason\r\n');
    expect(errorReportLine(5, ['12'], 2, 'The name is missing.')).toBe('5,12,,The name is missing.\r\n');
  });
});
