import type { Page } from '@playwright/test';
import { message, PIXEL_PNG, send, twoPeopleInAGroup } from './support/chat';
import { api, checkScreen, expect, test } from './support/portal';

/** Sends through the API, for history a test needs but is not about. */
async function sendMany(page: Page, groupId: string, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const sent = await api<{ sendMessage: { message: { id: string } } }>(
      page,
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
      { input: { groupId, text } },
    );
    ids.push(sent.sendMessage.message.id);
  }
  return ids;
}

test.describe('chat history and writing', () => {
  test('scrolls back page by page to the first message, jumps to a replied message far back, and returns to the latest', async ({ page, browser }) => {
    test.setTimeout(240_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Long thread',
      adminName: 'Ola Admin',
      memberName: 'Pat Member',
    });
    const texts = Array.from({ length: 160 }, (_, i) => `Log entry ${String(i + 1).padStart(3, '0')}`);
    const [firstId] = await sendMany(admin, groupId, texts);
    await api(admin, `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`, {
      input: { groupId, text: 'About the very first entry', replyToId: firstId },
    });

    // The reply quotes the first entry: that quote is not the entry itself.
    const entry = (n: string) => message(member, `Log entry ${n}`).filter({ hasNotText: 'About the very first entry' });
    await member.goto(`/chat/${groupId}`);
    await expect(message(member, 'About the very first entry')).toBeVisible();
    // Only the newest page is loaded at first.
    await expect(entry('001')).toHaveCount(0);

    // The reply leads to its message, loaded with the page around it; the way back to the latest shows meanwhile.
    await message(member, 'About the very first entry')
      .getByRole('button', { name: /^In reply to Ola Admin/ })
      .click();
    await expect(entry('001')).toBeInViewport();
    await expect(entry('020')).toHaveCount(1);
    await member.getByRole('button', { name: /Jump to latest/ }).click();
    await expect(message(member, 'About the very first entry')).toBeInViewport();

    // Scrolling back loads the older pages, in order, up to the start.
    const scroller = member.getByRole('region', { name: 'Messages' });
    await scroller.hover();
    await expect(async () => {
      await member.mouse.wheel(0, -4000);
      await expect(member.getByText('This is the start of the conversation.')).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 60_000 });
    const entries = message(member, /Log entry \d{3}/).filter({ hasNotText: 'About the very first entry' });
    await expect(entries).toHaveCount(160);
    const order = await entries.evaluateAll((els) => els.map((el) => /Log entry (\d{3})/.exec(el.textContent ?? '')?.[1]));
    expect(order).toEqual(texts.map((t) => t.slice(-3)));
    await checkScreen(member, 'chat-history-start');
    await closeMember();
  });

  test('a long history keeps a bounded window as the reader goes back and forth, without losing their place', async ({ page, browser }) => {
    test.setTimeout(300_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Busy channel',
      adminName: 'Uma Admin',
      memberName: 'Vic Member',
    });
    const total = 420;
    await sendMany(
      admin,
      groupId,
      Array.from({ length: total }, (_, i) => `Entry ${String(i + 1).padStart(3, '0')}`),
    );
    await member.goto(`/chat/${groupId}`);
    await expect(message(member, 'Entry 420')).toBeVisible();
    const scroller = member.getByRole('region', { name: 'Messages' });
    await scroller.hover();
    const entries = message(member, /Entry \d{3}/);
    const numbers = () => entries.evaluateAll((els) => els.map((el) => Number(/Entry (\d{3})/.exec(el.textContent ?? '')?.[1])));
    // The entry at the top of the view, as the reader sees it.
    const topEntry = () =>
      scroller.evaluate((root) => {
        const box = root.getBoundingClientRect();
        const row = document.elementFromPoint(box.left + box.width / 2, box.top + 8)?.closest('[data-message-id]');
        const n = /Entry (\d{3})/.exec(row?.textContent ?? '')?.[1];
        return n === undefined ? null : Number(n);
      });

    // Back to the start, a wheel turn at a time: the view moves back steadily, never leaping when newer rows go.
    let previous = 420;
    const steps: number[] = [];
    for (let turn = 0; turn < 400 && !(await member.getByText('This is the start of the conversation.').isVisible()); turn++) {
      await member.mouse.wheel(0, -1200);
      await member.waitForTimeout(120);
      const top = await topEntry();
      if (top === null) continue;
      steps.push(previous - top);
      previous = top;
    }
    await expect(member.getByText('This is the start of the conversation.')).toBeVisible();
    expect(Math.max(...steps)).toBeLessThan(45);
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(-3);
    // Only a window of the history is on the page; the newest part comes back on the way down.
    const back = await numbers();
    expect(back[0]).toBe(1);
    expect(back.length).toBeLessThanOrEqual(350);
    expect(back).toEqual(Array.from({ length: back.length }, (_, i) => i + 1));
    await expect(member.getByRole('button', { name: /Jump to latest/ })).toBeVisible();

    // Forward again to the newest, which loads back in, the oldest letting go.
    await expect(async () => {
      await member.mouse.wheel(0, 4000);
      await expect(message(member, 'Entry 420')).toBeInViewport({ timeout: 500 });
    }).toPass({ timeout: 90_000 });
    const forward = await numbers();
    expect(forward.at(-1)).toBe(total);
    expect(forward.length).toBeLessThanOrEqual(350);
    expect(forward).toEqual(Array.from({ length: forward.length }, (_, i) => total - forward.length + 1 + i));
    await closeMember();
  });

  test('a send whose answer was lost shows as not sent, and its retry is stored once', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Flaky line',
      adminName: 'Quinn Admin',
      memberName: 'Ray Member',
    });
    await member.goto(`/chat/${groupId}`);
    await admin.goto(`/chat/${groupId}`);
    await send(admin, 'Before the drop');

    // The server stores the next send, but its answer never reaches the page.
    let dropped = false;
    await admin.route('**/graphql', async (route) => {
      if (!dropped && (route.request().postData() ?? '').includes('"operationName":"SendMessage"')) {
        dropped = true;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.fallback();
    });
    const box = admin.getByRole('textbox', { name: 'Message' });
    await box.fill('Sent once, whatever happens');
    await box.press('Enter');
    const failed = admin.getByLabel('Message not sent');
    await expect(failed).toContainText('Not sent:');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(failed).toHaveCount(0);
    await expect(message(admin, 'Sent once, whatever happens')).toHaveCount(1);
    await expect(message(member, 'Sent once, whatever happens')).toHaveCount(1);
    const history = await api<{ group: { messages: { edges: { node: { text: string; author: { id: string } } }[] } } }>(
      admin,
      `query ($id: ID!) { group(id: $id) { messages(last: 10) { edges { node { text author { id } } } } } }`,
      { id: groupId },
    );
    const texts = history.group.messages.edges.map((e) => e.node.text);
    expect(texts.filter((t) => t === 'Sent once, whatever happens')).toHaveLength(1);
    expect(texts.slice(-2)).toEqual(['Before the drop', 'Sent once, whatever happens']);
    await closeMember();
  });

  test('files come by pasting and by dropping, a refused type is explained beside it, and the length limit shows as one types', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const { admin, member, groupId, closeMember } = await twoPeopleInAGroup(page, browser, {
      name: 'Site photos',
      adminName: 'Sam Admin',
      memberName: 'Tia Member',
    });
    await admin.goto(`/chat/${groupId}`);
    const box = admin.getByRole('textbox', { name: 'Message' });

    // A picture pasted from the clipboard.
    await box.evaluate((el, base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PIXEL_PNG.toString('base64'));
    const files = admin.getByRole('list', { name: 'Files to send' });
    await expect(files.getByRole('listitem').filter({ hasText: 'pasted.png' })).toContainText('Ready');

    // A text file and a program dropped on the composer: the program is refused, in words, beside its name.
    const dropped = await admin.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Crane inspection passed.\n'], 'inspection.txt', { type: 'text/plain' }));
      data.items.add(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'setup.exe', { type: 'application/x-msdownload' }));
      return data;
    });
    await box.dispatchEvent('dragover', { dataTransfer: dropped });
    await box.dispatchEvent('drop', { dataTransfer: dropped });
    await expect(files.getByRole('listitem').filter({ hasText: 'inspection.txt' })).toContainText('Ready');
    await expect(files.getByRole('listitem').filter({ hasText: 'setup.exe' }).getByRole('alert')).toContainText('cannot be attached');
    await files.getByRole('button', { name: 'Remove setup.exe' }).click();
    await box.fill('Today on site');
    await box.press('Enter');
    // A picture needs no caption.
    const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.getByRole('button', { name: 'Attach files' }).click()]);
    await chooser.setFiles({ name: 'crane.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await expect(files.getByRole('listitem').filter({ hasText: 'crane.png' })).toContainText('Ready');
    await admin.getByRole('button', { name: 'Send' }).click();
    await expect(admin.getByRole('log').getByRole('img', { name: 'crane.png' })).toBeVisible();

    await member.goto(`/chat/${groupId}`);
    const sent = message(member, 'Today on site');
    await expect(sent.getByRole('img', { name: 'pasted.png' })).toBeVisible();
    const [download] = await Promise.all([member.waitForEvent('download'), sent.getByRole('button', { name: 'inspection.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('inspection.txt');

    // The limit: the room left shows near it, and past it the message cannot be sent and says why.
    await box.fill('x'.repeat(3_990));
    await expect(admin.getByText('10 characters left')).toBeVisible();
    await box.fill('x'.repeat(4_005));
    await expect(admin.getByText('Too long by 5 characters: a message can have at most 4,000.')).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Send' })).toBeDisabled();
    await checkScreen(admin, 'chat-composer-limit');

    // On a phone the list and the conversation take turns, and nothing scrolls sideways.
    await member.setViewportSize({ width: 390, height: 844 });
    await member.goto('/chat');
    await expect(member.getByRole('navigation', { name: 'Your groups' })).toBeVisible();
    await checkScreen(member, 'chat-list-390');
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await member
      .getByRole('navigation', { name: 'Your groups' })
      .getByRole('link', { name: /Site photos/ })
      .click();
    await expect(member.getByRole('heading', { name: 'Site photos', level: 1 })).toBeVisible();
    await expect(member.getByRole('navigation', { name: 'Your groups' })).toBeHidden();
    await checkScreen(member, 'chat-conversation-390');
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await closeMember();
  });
});
