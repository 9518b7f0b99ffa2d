import { WebhookReceiver } from '@kz/testing';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

const receiver = new WebhookReceiver();
test.beforeAll(() => receiver.start());
test.afterAll(() => receiver.stop());

test.describe('webhooks', () => {
  test('adds an endpoint that proves itself, shows its secret once, logs its signed deliveries, sends one again, pauses, rotates and deletes it; one answering 410 is disabled and its admin told', async ({
    page,
  }) => {
    await signIn(page, uniquePhone(), 'Hana Hooks');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Hooks Test Co' } },
    );
    const orgId = org.createOrganization.organization.id;
    const group = await api<{ createGroup: { group: { id: string } } }>(
      page,
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      { input: { name: 'Field sales', organizationId: orgId } },
    );
    const groupId = group.createGroup.group.id;
    // The webhooks service hears of the new organisation's admin from identity's events.
    await expect
      .poll(() =>
        api(page, `query ($id: ID!) { organization(id: $id) { webhookEndpoints { id } } }`, { id: orgId }).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);

    await page.goto(`/orgs/${orgId}/webhooks`);
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expect(page.getByText('No endpoints yet')).toBeVisible();

    // An endpoint that does not answer its challenge is refused, in the service's words, beside its URL.
    receiver.answerChallenges('/refusing', 404);
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url('/refusing'));
    await page.getByRole('checkbox', { name: 'Message sent' }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(
      page.getByText('Your endpoint answered the validation request with HTTP 404; it must answer 200 (or another 2xx) with the challenge it was sent.'),
    ).toBeVisible();

    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url('/crm'));
    await page.getByRole('textbox', { name: 'Description' }).fill('CRM sync');
    await page.getByRole('radio', { name: 'Chosen groups only' }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByText('Choose the groups to follow.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Groups to follow' }).click();
    await page.getByRole('option', { name: 'Field sales' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add endpoint' }).click();

    const dialog = page.getByRole('dialog', { name: 'Signing secret' });
    await expect(dialog.getByText('This secret will not be shown again')).toBeVisible();
    const secret = await dialog.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets.set('/crm', [secret]);
    await dialog.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(dialog).toBeHidden();

    const row = page
      .getByRole('table', { name: 'Webhook endpoints' })
      .getByRole('row')
      .filter({ hasText: receiver.url('/crm') });
    await expect(row).toContainText('CRM sync');
    await expect(row).toContainText('Message sent');
    await expect(row).toContainText('1 group and their sub-groups');
    await expect(row).toContainText('Active');
    await checkScreen(page, 'webhooks');

    await api(page, `mutation ($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`, { i: { groupId, text: 'Order 1042 shipped' } });
    await expect.poll(() => receiver.at('/crm').length).toBe(1);
    expect(receiver.at('/crm')[0]!.verifiedWith).toEqual([secret]);

    await row.getByRole('link', { name: `Deliveries to ${receiver.url('/crm')}` }).click();
    await expect(page.getByRole('heading', { name: 'Deliveries', level: 1 })).toBeVisible();
    const log = page.getByRole('table', { name: 'Deliveries' });
    await expect(log.getByRole('row').nth(1)).toContainText('Message sent');
    await expect(log.getByRole('row').nth(1)).toContainText('Delivered');
    await expect(log.getByRole('row').nth(1)).toContainText('1, last: HTTP 200');
    await log.getByRole('button', { name: /^Details of Message sent/ }).click();
    await expect(page.getByLabel('Payload')).toContainText('Order 1042 shipped');
    await expect(page.getByRole('list', { name: 'Attempts' })).toContainText('HTTP 200');
    await checkScreen(page, 'webhook-deliveries');

    await log.getByRole('button', { name: /^Send again: Message sent at / }).click();
    await expect(log.getByText('Sent again on request')).toBeVisible();
    await expect.poll(() => receiver.at('/crm').length).toBe(2);
    expect(receiver.at('/crm')[1]).toMatchObject({ id: receiver.at('/crm')[0]!.id, body: { redelivery: true } });

    // A replay from before the first message sends it again, once more.
    await page.getByLabel('Since').fill('2020-01-01T00:00');
    await page.getByRole('button', { name: 'Replay' }).click();
    await expect(page.getByText('1 event queued to be sent again.')).toBeVisible();
    await expect.poll(() => receiver.at('/crm').length).toBe(3);

    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await row.getByRole('button', { name: `Pause ${receiver.url('/crm')}` }).click();
    await expect(row).toContainText('Paused');
    await row.getByRole('button', { name: `Resume ${receiver.url('/crm')}` }).click();
    await expect(row).toContainText('Active');

    await row.getByRole('button', { name: `Rotate secret of ${receiver.url('/crm')}` }).click();
    await page.getByRole('dialog', { name: 'Rotate the signing secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = page.getByRole('dialog', { name: 'New signing secret' });
    await expect(rotated).toContainText('The previous secret keeps signing beside it until');
    const newSecret = await rotated.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole('button', { name: 'I have stored the secret' }).click();

    // An endpoint that answers 410 Gone is disabled at once; the table says why, and the admin is notified.
    receiver.script('/gone', { status: 410 });
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url('/gone'));
    await page.getByRole('checkbox', { name: 'Message sent' }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('dialog', { name: 'Signing secret' }).getByRole('button', { name: 'I have stored the secret' }).click();
    await api(page, `mutation ($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`, { i: { groupId, text: 'Order 1043 shipped' } });
    const notifications = page.getByRole('link', { name: /^Notifications/ });
    await expect(notifications).toHaveAccessibleName(/unread/);
    await page.reload();
    const gone = page
      .getByRole('table', { name: 'Webhook endpoints' })
      .getByRole('row')
      .filter({ hasText: receiver.url('/gone') });
    await expect(gone).toContainText('Disabled');
    await expect(gone).toContainText('The endpoint answered 410 Gone, asking for no more deliveries');
    await notifications.click();
    await page
      .getByRole('list', { name: 'Notifications' })
      .getByRole('link', { name: `The webhook endpoint ${receiver.url('/gone')} was disabled` })
      .click();
    await expect(page.getByRole('heading', { name: 'Deliveries', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Deliveries' }).getByRole('row').nth(1)).toContainText('1, last: HTTP 410');
    await page.getByRole('link', { name: 'Webhooks' }).first().click();

    await row.getByRole('button', { name: `Delete ${receiver.url('/crm')}` }).click();
    await page.getByRole('dialog', { name: 'Delete this endpoint?' }).getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(row).toBeHidden();
    await expect(page.getByRole('table', { name: 'Webhook endpoints' }).getByRole('row')).toHaveCount(2);

    // On a phone both screens fit its width: wide tables scroll inside their own boxes, not the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole('table', { name: 'Webhook endpoints' }).getByRole('row')).toHaveCount(2);
    await checkScreen(page, 'webhooks-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await gone.getByRole('link', { name: `Deliveries to ${receiver.url('/gone')}` }).click();
    await expect(page.getByRole('table', { name: 'Deliveries' }).getByRole('row').nth(1)).toContainText('HTTP 410');
    await checkScreen(page, 'webhook-deliveries-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
