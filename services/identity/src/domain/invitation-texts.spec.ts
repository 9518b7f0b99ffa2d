import { invitationText } from './invitation-texts';

const groupId = '0192a0c0-0000-7000-8000-000000000001';

describe('the text a number invited before sign-up receives', () => {
  it('says who added them to which group, and links to sign-in and on to the group', () => {
    expect(invitationText({ inviterName: 'Ines Inviter', groupName: 'Night shift', groupId, appUrl: 'https://chat.example.com' })).toBe(
      `Ines Inviter added you to Night shift on Work chat. Sign in with this number to join: https://chat.example.com/sign-in?next=/chat/${groupId}`,
    );
  });

  it('says "Someone" when the inviter is unknown or has no name, and joins the app address without a double slash', () => {
    const text = invitationText({ inviterName: null, groupName: 'Night shift', groupId, appUrl: 'http://127.0.0.1:4000/' });
    expect(text).toMatch(/^Someone added you to Night shift on Work chat\./);
    expect(text).toContain(`http://127.0.0.1:4000/sign-in?next=/chat/${groupId}`);
    expect(invitationText({ inviterName: '   ', groupName: 'G', groupId, appUrl: 'http://x' })).toMatch(/^Someone added you/);
  });

  it('shortens long names and folds their white space, so the link always fits', () => {
    const text = invitationText({
      inviterName: 'A'.repeat(100),
      groupName: `Contoso –\n${'Sales '.repeat(30)}`,
      groupId,
      appUrl: 'https://chat.example.com',
    });
    expect(text).toContain(`${'A'.repeat(39)}… added you to Contoso – Sales Sales`);
    expect(text).not.toContain('\n');
    expect(text.split(' on Work chat.')[0]!.length).toBeLessThanOrEqual(40 + ' added you to '.length + 60);
    expect(text).toMatch(new RegExp(`/sign-in\\?next=/chat/${groupId}$`));
  });
});
