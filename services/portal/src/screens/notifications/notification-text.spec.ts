import { notificationLink, notificationText, type NotificationFacts } from './notification-text';

const base: NotificationFacts = {
  kind: 'MENTION',
  actorName: 'Ana Admin',
  group: { id: 'g1', name: 'Harbour crew', organizationId: 'o1' },
  message: { id: 'm1', text: 'Morning @Bo Member,\nthe ferry leaves at 9' },
  importJob: null,
};

describe('notificationText', () => {
  it('says who mentioned or replied, where, with the start of the message on one line', () => {
    expect(notificationText(base)).toBe('Ana Admin mentioned you in Harbour crew: “Morning @Bo Member, the ferry leaves at 9”');
    expect(notificationText({ ...base, kind: 'REPLY', message: { id: 'm1', text: 'x'.repeat(200) } })).toMatch(
      /^Ana Admin replied to you in Harbour crew: “x{79}…”$/,
    );
    expect(notificationText({ ...base, message: null })).toBe('Ana Admin mentioned you in Harbour crew');
  });

  it('words group adds, join requests and finished uploads', () => {
    expect(notificationText({ ...base, kind: 'GROUP_ADDED', message: null })).toBe('Ana Admin added you to Harbour crew');
    expect(notificationText({ ...base, kind: 'GROUP_ADDED', actorName: null, message: null })).toBe('You were added to Harbour crew');
    expect(notificationText({ ...base, kind: 'JOIN_REQUEST', actorName: 'Cy', message: null })).toBe('Cy asked to join Harbour crew');
    expect(
      notificationText({
        ...base,
        kind: 'IMPORT_FINISHED',
        group: null,
        message: null,
        importJob: { id: 'i1', organizationId: 'o1', fileName: 'people.csv', status: 'COMPLETED_WITH_ERRORS' },
      }),
    ).toBe('Your upload people.csv finished with errors');
  });
});

describe('a disabled webhook endpoint', () => {
  it('names the endpoint and leads to its delivery log', () => {
    const disabled: NotificationFacts = {
      ...base,
      kind: 'WEBHOOK_DISABLED',
      actorName: null,
      group: null,
      message: null,
      webhookEndpoint: { id: 'w1', organizationId: 'o1', url: 'https://hooks.example.com/in' },
    };
    expect(notificationText(disabled)).toBe('The webhook endpoint https://hooks.example.com/in was disabled');
    expect(notificationLink(disabled)).toBe('/orgs/o1/webhooks/w1');
    expect(notificationText({ ...disabled, webhookEndpoint: null })).toBe('A webhook endpoint was disabled');
  });
});

describe('an ended export', () => {
  it('says how it ended and leads to the organisation’s exports', () => {
    const ended: NotificationFacts = {
      ...base,
      kind: 'EXPORT_FINISHED',
      actorName: null,
      group: null,
      message: null,
      exportJob: { id: 'e1', organizationId: 'o1', status: 'COMPLETED' },
    };
    expect(notificationText(ended)).toBe('Your export is ready to download');
    expect(notificationText({ ...ended, exportJob: { id: 'e1', organizationId: 'o1', status: 'FAILED' } })).toBe('Your export failed');
    expect(notificationText({ ...ended, exportJob: null })).toBe('Your export has ended');
    expect(notificationLink(ended)).toBe('/orgs/o1/exports');
  });
});

describe('notificationLink', () => {
  it('leads to the message, the group, the requests to decide, or the import', () => {
    expect(notificationLink(base)).toBe('/chat/g1?message=m1');
    expect(notificationLink({ ...base, kind: 'GROUP_ADDED', message: null })).toBe('/chat/g1');
    expect(notificationLink({ ...base, kind: 'JOIN_REQUEST', message: null })).toBe('/orgs/o1/groups/g1/requests');
    expect(
      notificationLink({
        ...base,
        kind: 'IMPORT_FINISHED',
        group: null,
        message: null,
        importJob: { id: 'i1', organizationId: 'o1', fileName: null, status: 'FAILED' },
      }),
    ).toBe('/orgs/o1/imports/i1');
  });
});
