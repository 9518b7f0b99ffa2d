import { HistoryEntryMaker, importedEntryId } from './history-entries';
import type { ChatEntry } from './whatsapp-parser';

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 9, minute));
const said = (line: number, minute: number, author: string, text: string, extra: Partial<ChatEntry> = {}): ChatEntry =>
  ({ kind: 'MESSAGE', line, sentAt: at(minute), author, authorPhone: null, text, media: null, deleted: false, edited: false, ...extra }) as ChatEntry;

describe('history entries of an imported chat', () => {
  it('gives an entry the same UUID v7 every time, carrying its time, and different entries different ones', () => {
    const id = importedEntryId(at(1).getTime(), 'group:sha', 7);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedEntryId(at(1).getTime(), 'group:sha', 7)).toBe(id);
    expect(importedEntryId(at(1).getTime(), 'group:sha', 8)).not.toBe(id);
    expect(importedEntryId(at(1).getTime(), 'other-group:sha', 7)).not.toBe(id);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at(1).getTime());
  });

  it('keeps the file’s order in the ids, even for entries of one minute or written late, with times as they were', () => {
    const maker = new HistoryEntryMaker('g:sha', {});
    const entries = [said(1, 5, 'Ann', 'a'), said(2, 5, 'Bo', 'b'), said(3, 2, 'Ann', 'late'), said(4, 6, 'Bo', 'c')].map((e) => maker.make(e));
    expect([...entries].map((e) => e.id).sort()).toEqual(entries.map((e) => e.id));
    expect(entries.map((e) => e.sentAt)).toEqual([at(5), at(5), at(2), at(6)]);
  });

  it('maps authors to people or keeps them as named placeholders, and words files, deletions, edits and notices', () => {
    const maker = new HistoryEntryMaker('g:sha', { Ann: 'user-ann', Bo: null });
    expect(maker.make(said(1, 1, 'Ann', 'hi'))).toMatchObject({ kind: 'TEXT', authorId: 'user-ann', originalAuthor: 'Ann', text: 'hi' });
    expect(maker.make(said(2, 1, 'Bo', 'yo', { edited: true }))).toMatchObject({ authorId: null, originalAuthor: 'Bo', edited: true });
    expect(maker.make(said(3, 1, 'Cy', 'x'))).toMatchObject({ authorId: null, originalAuthor: 'Cy' });
    expect(maker.make(said(4, 1, 'Ann', 'gone', { deleted: true }))).toMatchObject({ text: '', deleted: true });
    expect(maker.make(said(5, 1, 'Ann', 'the view', { media: { fileName: 'IMG-1.jpg', omitted: false } })).text).toBe(
      '[File not in the export: IMG-1.jpg]\nthe view',
    );
    const withFile = maker.make(said(9, 2, 'Ann', 'the view', { media: { fileName: 'IMG-1.jpg', omitted: false } }), (name) => name === 'IMG-1.jpg');
    expect(withFile).toMatchObject({ text: 'the view', file: { name: 'IMG-1.jpg', id: withFile.attachmentIds[0] } });
    expect(withFile.file!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(maker.make(said(6, 1, 'Ann', '', { media: { fileName: null, omitted: true } })).text).toBe('[Media was left out of the export]');
    expect(maker.make({ kind: 'SYSTEM', line: 7, sentAt: at(1), text: 'Ann added Bo', actor: 'Ann', systemKind: 'ADDED' } as ChatEntry)).toMatchObject({
      kind: 'SYSTEM',
      authorId: null,
      originalAuthor: null,
      text: 'Ann added Bo',
    });
    expect([...maker.make(said(8, 1, 'Ann', 'é'.repeat(5_000))).text]).toHaveLength(4_000);
  });
});
