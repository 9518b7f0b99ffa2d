import { localTime, parseAuthorMapping, previewText, type ChatPreview } from './import-chat-command';

describe('kz import-chat', () => {
  it('reads --map as "Author Name=+number", the name itself free to hold = signs', () => {
    expect(parseAuthorMapping('Carol=+14155550100')).toEqual({ name: 'Carol', phone: '+14155550100' });
    expect(parseAuthorMapping(' Mary = Jane = +44 7911 123456 ')).toEqual({ name: 'Mary = Jane', phone: '+44 7911 123456' });
    expect(parseAuthorMapping('Carol')).toBeNull();
    expect(parseAuthorMapping('=+1415')).toBeNull();
    expect(parseAuthorMapping('Carol=')).toBeNull();
  });

  it('prints the preview a person checks before applying: format, counts, authors and whom they match, first messages at the phone’s times', () => {
    const preview: ChatPreview = {
      fileKind: 'TEXT',
      format: { platform: 'ANDROID', dateOrder: 'DAY_FIRST', clock: 'H24', dateOrderFrom: 'FILE' },
      messages: 1200,
      systemEvents: 3,
      skippedLines: 1,
      media: { referenced: 2, inArchive: 0, missing: 2 },
      firstAt: '2023-03-26T00:15:00.000Z',
      lastAt: '2023-12-31T20:00:00.000Z',
      authors: [
        { name: 'Alice', phone: null, messages: 1000, match: { displayName: 'Alice Smith', by: 'NAME' } },
        { name: '+44 7911 123456', phone: '+447911123456', messages: 150, match: { displayName: 'Nia Newcomer', by: 'PHONE' } },
        { name: 'Carol', phone: null, messages: 50, match: null },
      ],
      samples: [{ line: 4, sentAt: '2023-03-26T00:59:00.000Z', author: 'Alice', text: 'Welcome!\nsecond line' }],
    };
    expect(previewText(preview, 'a new group, Hikers', 'Asia/Kolkata')).toBe(
      [
        '.txt export from Android, dates day-first (file), 24-hour clock',
        '1,200 messages and 3 WhatsApp notices, 2023-03-26 to 2024-01-01; 1 lines skipped',
        'files: 0 of 2 in the export',
        'into: a new group, Hikers',
        'authors:',
        '  Alice (1,000): Alice Smith, by name',
        '  +44 7911 123456 (150): Nia Newcomer, by phone',
        '  Carol (50): unmatched, kept as a placeholder',
        'first messages (times in Asia/Kolkata):',
        '  [2023-03-26 06:29] Alice: Welcome!',
        '',
      ].join('\n'),
    );
  });

  it('shows an instant as the exporting phone’s clock did, summer time and all', () => {
    expect(localTime('2023-03-26T00:59:00.000Z', 'Europe/London')).toBe('2023-03-26 00:59');
    expect(localTime('2023-03-26T01:00:00.000Z', 'Europe/London')).toBe('2023-03-26 02:00');
    expect(localTime('2023-12-31T20:00:00.000Z', 'Asia/Kolkata')).toBe('2024-01-01 01:30');
    expect(localTime('2024-01-01T00:30:00.000Z', 'America/Los_Angeles')).toBe('2023-12-31 16:30');
  });
});
