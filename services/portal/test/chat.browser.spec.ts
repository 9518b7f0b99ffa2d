import { conversation, messageAction, message, PIXEL_PNG, send, twoPeopleInAGroup } from './support/chat';
import { api, checkScreen, expect, test } from './support/portal';

test.describe('chat', () => {
  test('two people converse live: send, mention, reply, edit, delete, a picture and a poll', async ({ page, browser }) => {
    test.setTimeout(240_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Harbour crew',
      adminName: 'Ana Admin',
      memberName: 'Bo Member',
    });

    // The member finds the group in their list and opens it; the admin opens it by its address.
    await member.goto('/chat');
    await member
      .getByRole('navigation', { name: 'Your groups' })
      .getByRole('link', { name: /Harbour crew/ })
      .click();
    await expect(member.getByRole('heading', { name: 'Harbour crew', level: 1 })).toBeVisible();
    await admin.goto(`/chat/${groupId}`);
    await expect(admin.getByRole('textbox', { name: 'Message' })).toBeVisible();

    // A mention chosen from the members the server finds.
    const box = admin.getByRole('textbox', { name: 'Message' });
    await box.fill('Morning @Bo');
    await admin.getByRole('option', { name: 'Bo Member' }).click();
    await box.press('End');
    await box.pressSequentially('the ferry leaves at 9');
    await box.press('Enter');
    const greeting = message(member, 'the ferry leaves at 9');
    await expect(greeting).toBeVisible();
    await expect(greeting.locator('mark')).toHaveText('@Bo Member');
    await expect(greeting).toContainText('Ana Admin');

    // A reply, shown with what it answers.
    await messageAction(member, 'the ferry leaves at 9', 'Reply');
    await expect(member.getByText('Replying to Ana Admin')).toBeVisible();
    await send(member, 'On my way');
    const reply = message(admin, 'On my way');
    await expect(reply).toBeVisible();
    await expect(reply.getByRole('button', { name: /^In reply to You/ })).toContainText('the ferry leaves at 9');

    // The admin's own message: edited, then another deleted; the member sees both live.
    await messageAction(admin, 'the ferry leaves at 9', 'Edit');
    await box.fill('Morning @Bo Member the ferry leaves at 10');
    await box.press('Enter');
    await expect(message(member, 'the ferry leaves at 10')).toContainText('Edited');
    await send(admin, 'Wrong group, sorry');
    await expect(message(member, 'Wrong group, sorry')).toBeVisible();
    await messageAction(admin, 'Wrong group, sorry', 'Delete');
    await admin.getByRole('dialog', { name: 'Delete this message?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(message(admin, 'You deleted this message')).toBeVisible();
    await expect(message(member, 'This message was deleted')).toBeVisible();
    await expect(message(member, 'Wrong group, sorry')).toHaveCount(0);

    // A picture by the file picker, with its upload finished before sending; shown in the message on both sides.
    const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.getByRole('button', { name: 'Attach files' }).click()]);
    await chooser.setFiles({ name: 'dock.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await expect(admin.getByRole('list', { name: 'Files to send' })).toContainText('Ready');
    await box.fill('The dock today');
    await box.press('Enter');
    await expect(message(member, 'The dock today').getByRole('img', { name: 'dock.png' })).toBeVisible();

    // A poll, answered by the member; the admin sees the vote arrive.
    await admin.getByRole('button', { name: 'Poll' }).click();
    const pollForm = admin.getByRole('dialog', { name: 'Create a poll' });
    await pollForm.getByLabel('Question').fill('Lunch on board?');
    await pollForm.getByLabel('Choice 1').fill('Yes');
    await pollForm.getByLabel('Choice 2').fill('No');
    await pollForm.getByRole('button', { name: 'Create poll' }).click();
    await expect(pollForm).toBeHidden();
    const memberPoll = member.getByRole('group', { name: 'Poll: Lunch on board?' });
    await memberPoll.getByLabel('Yes', { exact: true }).check();
    await memberPoll.getByRole('button', { name: 'Vote' }).click();
    await expect(memberPoll.getByRole('button', { name: 'Change vote' })).toBeVisible();
    await expect(admin.getByRole('group', { name: 'Poll: Lunch on board?' }).getByLabel('1 votes for Yes')).toBeVisible();

    await checkScreen(admin, 'chat-conversation');
    await checkScreen(member, 'chat-conversation-member');
    await closeMember();
  });

  test('a dropped connection misses nothing, and the page says it is offline meanwhile', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Night desk',
      adminName: 'Dana Admin',
      memberName: 'Eli Member',
    });
    // The member's socket goes through a switch the test can open: while it is open, the connection drops and every reconnect is refused.
    let cut = false;
    const sockets: { close: () => Promise<void> }[] = [];
    await member.routeWebSocket(/\/graphql$/, (ws) => {
      if (cut) {
        void ws.close({ code: 1006, reason: 'cut' }).catch(() => undefined);
        return;
      }
      ws.connectToServer();
      sockets.push(ws);
    });
    await member.goto(`/chat/${groupId}`);
    await admin.goto(`/chat/${groupId}`);
    await send(admin, 'Before the cut');
    await expect(message(member, 'Before the cut')).toBeVisible();

    cut = true;
    await member.context().setOffline(true);
    await Promise.all(sockets.map((s) => s.close().catch(() => undefined)));
    await expect(member.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
    for (const text of ['During the cut 1', 'During the cut 2', 'During the cut 3']) await send(admin, text);
    await messageAction(admin, 'Before the cut', 'Edit');
    const box = admin.getByRole('textbox', { name: 'Message' });
    await box.fill('Before the cut (edited while you were away)');
    await box.press('Enter');

    cut = false;
    await member.context().setOffline(false);
    await expect(member.getByRole('status').filter({ hasText: 'You are offline' })).toBeHidden({ timeout: 30_000 });
    for (const text of ['During the cut 1', 'During the cut 2', 'During the cut 3']) await expect(message(member, text)).toHaveCount(1);
    await expect(message(member, 'edited while you were away')).toContainText('Edited');
    await send(admin, 'After the cut');
    await expect(message(member, 'After the cut')).toHaveCount(1);
    await closeMember();
  });

  test('unread counts in the list, the unread line on opening, read-by on the sender’s messages, and search to a message', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Depot team',
      adminName: 'Fay Admin',
      memberName: 'Gus Member',
    });
    await admin.goto(`/chat/${groupId}`);
    await send(admin, 'First shift notes');
    await member.goto(`/chat/${groupId}`);
    await expect(message(member, 'First shift notes')).toBeVisible();
    await expect(message(admin, 'First shift notes')).toContainText('Read by 1 of 1');

    // The member is elsewhere while three more arrive: the list counts them live.
    await member.goto('/chat');
    for (const text of ['Forklift 3 is out of service', 'Use bay 7 instead', 'Pallets arrive at noon']) await send(admin, text);
    const link = member.getByRole('navigation', { name: 'Your groups' }).getByRole('link', { name: /Depot team/ });
    await expect(link).toHaveAccessibleName(/^Depot team .*3 unread$/);
    await expect(link).toContainText('Fay Admin: Pallets arrive at noon');
    await checkScreen(member, 'chat-list');

    await link.click();
    await expect(member.getByText('3 unread messages')).toBeVisible();
    await expect(link).not.toHaveAccessibleName(/unread/);
    await expect(message(admin, 'Pallets arrive at noon')).toContainText('Read by 1 of 1');

    // Search across the member's groups opens the conversation at the result.
    await member.getByRole('searchbox', { name: 'Search messages' }).fill('forklift');
    await member.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
    const results = member.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(results.locator('mark')).toHaveText(/forklift/i);
    await checkScreen(member, 'chat-search');
    await results.getByRole('link').click();
    await expect(member.getByRole('heading', { name: 'Depot team', level: 1 })).toBeVisible();
    await expect(message(member, 'Forklift 3 is out of service')).toBeInViewport();
    await closeMember();
  });

  test('an announcement-only group shows members no composer, and admins post announcements', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Company news',
      announcementOnly: true,
      adminName: 'Hal Admin',
      memberName: 'Ivy Member',
    });
    await admin.goto(`/chat/${groupId}`);
    await admin.getByLabel('Announcement').check();
    await send(admin, 'The canteen reopens on Monday');
    await member.goto(`/chat/${groupId}`);
    await expect(message(member, 'The canteen reopens on Monday')).toContainText('Announcement');
    await expect(member.getByText('Only admins can send messages in this group.')).toBeVisible();
    await expect(member.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
    await expect(member.getByRole('navigation', { name: 'Your groups' }).getByRole('link', { name: /Company news/ })).toContainText('Announcements');
    await checkScreen(member, 'chat-announcements');
    await closeMember();
  });

  test('mentions and group adds reach the person: a live badge, the browser notification, the list, and the way to the message', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Quay office',
      adminName: 'Kim Admin',
      memberName: 'Lou Member',
    });
    // The browser permits notifications; what the page asks it to show is recorded.
    await member.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = () => Promise.resolve('granted');
        onclick: (() => void) | null = null;
        constructor(_title: string, options?: { body?: string }) {
          shown.push(options?.body ?? '');
        }
        close() {}
      }
      (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
    });
    await member.goto('/chat');
    const button = member.getByRole('link', { name: /^Notifications/ });
    await expect(button).toHaveAccessibleName('Notifications 1 unread');

    await admin.goto(`/chat/${groupId}`);
    const box = admin.getByRole('textbox', { name: 'Message' });
    await box.fill('Can you check the manifest @Lou');
    await admin.getByRole('option', { name: 'Lou Member' }).click();
    await box.press('Enter');
    await expect(button).toHaveAccessibleName('Notifications 2 unread');
    await expect
      .poll(() => member.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications))
      .toEqual(['Kim Admin mentioned you in Quay office: “Can you check the manifest @Lou Member”']);

    await button.click();
    const list = member.getByRole('list', { name: 'Notifications' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').first()).toContainText('Kim Admin mentioned you in Quay office');
    await expect(list.getByRole('listitem').nth(1)).toContainText('Kim Admin added you to Quay office');
    await expect(button).toHaveAccessibleName('Notifications');
    await checkScreen(member, 'chat-notifications');
    await list.getByRole('link', { name: /mentioned you/ }).click();
    await expect(member.getByRole('heading', { name: 'Quay office', level: 1 })).toBeVisible();
    await expect(message(member, 'Can you check the manifest')).toBeInViewport();
    await closeMember();
  });

  test('the history shows who joined: the group created, people added, a rename live, none of it unread or open to replies', async ({ page, browser }) => {
    test.setTimeout(150_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Pier staff',
      adminName: 'Mia Admin',
      memberName: 'Ned Member',
    });
    const line = (who: typeof admin, text: string | RegExp) => conversation(who).getByRole('paragraph').filter({ hasText: text });
    await member.goto(`/chat/${groupId}`);
    await expect(line(member, 'Mia Admin created the group “Pier staff”')).toBeVisible();
    await expect(line(member, 'Mia Admin added you')).toBeVisible();
    // A line of the history, not a message: nothing to reply to, edit or delete.
    await expect(line(member, 'Mia Admin added you').getByRole('button')).toHaveCount(0);
    await admin.goto(`/chat/${groupId}`);
    await expect(line(admin, 'You added Ned Member')).toBeVisible();

    // A rename reaches the open conversation live, and is the group's latest activity in the list, never unread.
    await api(admin, `mutation ($input: UpdateGroupInput!) { updateGroup(input: $input) { group { id } } }`, { input: { groupId, name: 'Night pier' } });
    await expect(line(member, 'Mia Admin renamed the group to “Night pier”')).toBeVisible();
    await member.goto('/chat');
    const link = member.getByRole('navigation', { name: 'Your groups' }).getByRole('link', { name: /Night pier/ });
    await expect(link).toContainText('Mia Admin renamed the group to “Night pier”');
    await expect(link).not.toHaveAccessibleName(/unread/);
    await link.click();
    await expect(line(member, 'renamed the group')).toBeVisible();
    await checkScreen(member, 'chat-system-entries');
    await closeMember();
  });
});
