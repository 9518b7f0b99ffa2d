import { chatTextEntry } from './chat-file';
import { groupNameFromFileName } from './chat-imports.service';
import { ChatPreviewTally, phoneOfDoubleZero } from './chat-preview';
import type { ChatEntry, ChatFormat } from './whatsapp-parser';

const FORMAT: ChatFormat = { platform: 'ANDROID', dateOrder: 'DAY_FIRST', clock: '24H', decided: 'FROM_FILE' };
const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 9, minute));
const said = (line: number, minute: number, author: string, text: string, extra: Partial<ChatEntry> = {}): ChatEntry =>
  ({ kind: 'MESSAGE', line, sentAt: at(minute), author, authorPhone: null, text, media: null, deleted: false, edited: false, ...extra }) as ChatEntry;

describe('the preview of a chat', () => {
  it('counts messages, notices and media, keeps the first and last times whatever the order, and lists authors busiest first', () => {
    const tally = new ChatPreviewTally((name) => name === 'IMG-1.jpg');
    tally.add([
      { kind: 'SYSTEM', line: 1, sentAt: at(5), text: 'Ann created group', actor: 'Ann', systemKind: 'CREATED' } as ChatEntry,
      said(2, 6, 'Ann', 'hello'),
      said(3, 1, 'Bo', '', { media: { fileName: 'IMG-1.jpg', omitted: false } }),
    ]);
    tally.add([said(4, 9, 'Bo', 'gone', { deleted: true }), said(5, 8, 'Bo', '', { media: { fileName: null, omitted: true } })]);
    const preview = tally.preview('ZIP', FORMAT, 2);
    expect(preview).toMatchObject({
      messages: 4,
      systemEvents: 1,
      skippedLines: 2,
      media: { referenced: 2, inArchive: 1, missing: 1 },
      firstAt: at(1).toISOString(),
      lastAt: at(9).toISOString(),
    });
    expect(preview.authors.map((a) => [a.name, a.messages])).toEqual([
      ['Bo', 3],
      ['Ann', 1],
    ]);
    // Samples are messages with words, not files or deletions.
    expect(preview.samples).toEqual([{ line: 2, sentAt: at(6).toISOString(), author: 'Ann', text: 'hello' }]);
  });

  it('reads a number written with the 00 international prefix', () => {
    expect(phoneOfDoubleZero('0044 7911 123456')).toBe('+447911123456');
    expect(phoneOfDoubleZero('00 1 (415) 555-0100')).toBe('+14155550100');
    expect(phoneOfDoubleZero('007')).toBeNull();
    expect(phoneOfDoubleZero('Bond 007')).toBeNull();
  });

  it('names a new group after the chat the export was made of', () => {
    expect(groupNameFromFileName('WhatsApp Chat with Hiking Club.txt')).toBe('Hiking Club');
    expect(groupNameFromFileName('WhatsApp Chat - Family.zip')).toBe('Family');
    expect(groupNameFromFileName('C:\\Downloads\\Team notes.txt')).toBe('Team notes');
    expect(groupNameFromFileName('_chat.txt')).toBeNull();
    expect(groupNameFromFileName(null)).toBeNull();
  });

  it('finds the chat text of a zipped export as iOS and Android name it', () => {
    expect(chatTextEntry(['IMG-1.jpg', '_chat.txt', 'notes.txt'])).toBe('_chat.txt');
    expect(chatTextEntry(['WhatsApp Chat with Team.txt', 'PTT-1.opus', 'readme.txt'])).toBe('WhatsApp Chat with Team.txt');
    expect(chatTextEntry(['export/chat.txt', 'export/'])).toBe('export/chat.txt');
    expect(chatTextEntry(['__MACOSX/._chat.txt', 'IMG-1.jpg'])).toBeNull();
    expect(chatTextEntry(['a.txt', 'b.txt'])).toBeNull();
  });
});
