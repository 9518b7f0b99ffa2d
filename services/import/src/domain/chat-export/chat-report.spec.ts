import { Readable } from 'node:stream';
import { ChatOutcomes, numberedLines } from './chat-report';
import type { ChatEntry } from './whatsapp-parser';

const lines = async (text: string | Buffer[]) => {
  const out: [number, string][] = [];
  for await (const line of numberedLines(Readable.from(typeof text === 'string' ? [Buffer.from(text)] : text))) out.push(line);
  return out;
};

describe('the per-line report of a chat import', () => {
  it('numbers lines as the parser does: LF, CRLF and CR, a BOM dropped, a CRLF split across chunks one break, a last line without a break', async () => {
    expect(await lines('\uFEFFa\r\nb\rc\nd')).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
    expect(await lines([Buffer.from('a\r'), Buffer.from('\nb\n')])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('says of each line whether it starts a message (and whose), a notice, continues the entry above, or was skipped and why', async () => {
    const outcomes = new ChatOutcomes();
    const at = new Date(0);
    outcomes.add([
      { kind: 'SYSTEM', line: 2, sentAt: at, text: 'Ann created group', actor: 'Ann', systemKind: 'CREATED' } as ChatEntry,
      { kind: 'MESSAGE', line: 3, sentAt: at, author: 'Ann', authorPhone: null, text: 'hi\nthere', media: null, deleted: false, edited: false },
    ]);
    outcomes.skip([{ line: 1, text: 'junk', reason: 'It comes before the first message.' }]);
    const report: string[] = [];
    for await (const row of outcomes.report(
      (async function* (): AsyncGenerator<[number, string]> {
        yield* [
          [1, 'junk'],
          [2, '1/1/24, 9:00 - Ann created group'],
          [3, '1/1/24, 9:01 - Ann: hi'],
          [4, 'there'],
        ] as [number, string][];
      })(),
    ))
      report.push(row);
    expect(report).toEqual([
      'line,text,became,detail\r\n',
      '1,junk,SKIPPED,It comes before the first message.\r\n',
      '2,"1/1/24, 9:00 - Ann created group",SYSTEM_EVENT,\r\n',
      '3,"1/1/24, 9:01 - Ann: hi",MESSAGE,by Ann\r\n',
      '4,there,CONTINUATION,part of the entry on line 3\r\n',
    ]);
  });

  it('reports every line of a long chat, its arrays grown as entries come', async () => {
    const outcomes = new ChatOutcomes();
    const message = (line: number) =>
      ({
        kind: 'MESSAGE',
        line,
        sentAt: new Date(0),
        author: `P${line % 3}`,
        authorPhone: null,
        text: '',
        media: null,
        deleted: false,
        edited: false,
      }) as ChatEntry;
    for (let line = 1; line <= 5_000; line += 500) outcomes.add(Array.from({ length: 500 }, (_, i) => message(line + i)));
    let rows = 0;
    for await (const row of outcomes.report(
      (async function* (): AsyncGenerator<[number, string]> {
        for (let line = 1; line <= 5_000; line++) yield [line, `m${line}`];
      })(),
    ))
      if (row.endsWith(`by P${(rows + 1) % 3}\r\n`)) rows++;
    expect(rows).toBe(5_000);
  });
});
