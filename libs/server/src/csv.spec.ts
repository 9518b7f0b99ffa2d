import { csvLine, neutralise } from './csv';

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const formula of ['=1+1', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutralise(formula)).toBe(`'${formula}`);
    expect(neutralise('Asha')).toBe('Asha');
    expect(neutralise('98765')).toBe('98765');
  });

  it('quotes cells with commas, quotes or line breaks, after neutralising them', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', '=HYPERLINK("x")'])).toBe('"a,b","say ""hi""","two\nlines","\'=HYPERLINK(""x"")"\r\n');
  });
});
