import { authorMappingChanges, matchLabel } from './chat-mapping';

describe('the chat import’s author mapping', () => {
  it('sends only the authors the admin changed: another member by number, or a placeholder', () => {
    expect(
      authorMappingChanges({
        Ann: { phone: ' +14155550100 ', placeholder: false },
        Bo: { phone: '', placeholder: true },
        Cy: { phone: '', placeholder: false },
      }),
    ).toEqual([
      { name: 'Ann', phone: '+14155550100' },
      { name: 'Bo', phone: null },
    ]);
  });

  it('says whom an author matched and how', () => {
    expect(matchLabel({ displayName: 'Ann Lee', by: 'PHONE' })).toBe('Ann Lee (by number)');
    expect(matchLabel({ displayName: 'Ann Lee', by: 'NAME' })).toBe('Ann Lee (by name)');
    expect(matchLabel(null)).toBe('No one: a placeholder');
  });
});
