import { messageNotices, type Concerned } from './message-notifications';

const person = (userId: string, over: Partial<Concerned> = {}): Concerned => ({ userId, admin: false, readsGroup: true, ...over });

describe('who hears of a new message', () => {
  it('tells each person mentioned once, and the author of the message replied to', () => {
    expect(messageNotices({ authorId: 'me', audience: 'ALL', mentioned: [person('ann'), person('bob'), person('ann')], quotedAuthor: person('cy') })).toEqual([
      { userId: 'ann', kind: 'MENTION' },
      { userId: 'bob', kind: 'MENTION' },
      { userId: 'cy', kind: 'REPLY' },
    ]);
  });

  it('never tells the author of their own message, and tells someone mentioned and replied to once, as a mention', () => {
    expect(messageNotices({ authorId: 'me', audience: 'ALL', mentioned: [person('me')], quotedAuthor: person('me') })).toEqual([]);
    expect(messageNotices({ authorId: 'me', audience: 'ALL', mentioned: [person('ann')], quotedAuthor: person('ann') })).toEqual([
      { userId: 'ann', kind: 'MENTION' },
    ]);
  });

  it('tells no one who may not read the message: someone who left the group, or a plain member for a reply meant for admins', () => {
    expect(messageNotices({ authorId: 'me', audience: 'ALL', mentioned: [], quotedAuthor: person('gone', { readsGroup: false }) })).toEqual([]);
    expect(
      messageNotices({
        authorId: 'subscriber',
        audience: 'ADMINS',
        mentioned: [person('member'), person('admin', { admin: true })],
        quotedAuthor: person('other member'),
      }),
    ).toEqual([{ userId: 'admin', kind: 'MENTION' }]);
  });
});
