import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

const ISSUE_TOKEN = `mutation ($input: IssueConnectorTokenInput!) { issueConnectorToken(input: $input) { accessToken } }`;

test.describe('connectors', () => {
  test('registers a connector, shows its secret once, rotates it and revokes it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, uniquePhone(), 'Cora Connector');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Connectors Test Co' } },
    );
    const orgId = org.createOrganization.organization.id;

    await page.goto(`/orgs/${orgId}/connectors`);
    await expect(page.getByRole('heading', { name: 'Connectors', level: 1 })).toBeVisible();
    await expect(page.getByText('No connectors yet')).toBeVisible();

    // The service's own words beside the name it refused.
    await page.getByRole('textbox', { name: 'Name' }).fill('x'.repeat(101));
    await page.getByRole('checkbox', { name: /Group information/ }).check();
    await page.getByRole('button', { name: 'Register connector' }).click();
    await expect(page.getByText('A connector name needs 1 to 100 characters.')).toBeVisible();

    await page.getByRole('textbox', { name: 'Name' }).fill('HR sync');
    await expect(page.getByRole('checkbox', { name: /Member lists/ })).toBeVisible();
    await expect(page.getByText("Read member lists of the organisation's groups.")).toBeVisible();
    await page.getByRole('checkbox', { name: /Member lists/ }).check();
    await page.getByRole('button', { name: 'Register connector' }).click();

    // The secret, once: copied from the dialog, and it works.
    const dialog = page.getByRole('dialog', { name: 'Client secret of HR sync' });
    await expect(dialog.getByText('This secret will not be shown again')).toBeVisible();
    const secret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
    const clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();
    expect(secret).toMatch(/^kzs_/);
    await dialog.getByRole('button', { name: 'Copy secret' }).click();
    await expect(dialog.getByRole('button', { name: 'Secret copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await dialog.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('body')).not.toContainText(secret);
    await api(page, ISSUE_TOKEN, { input: { clientId, clientSecret: secret } });

    const table = page.getByRole('table', { name: 'Connectors' });
    const row = table.getByRole('row').filter({ hasText: 'HR sync' });
    await expect(row).toContainText(clientId);
    await expect(row).toContainText('Group information');
    await expect(row).toContainText('Member lists');
    await expect(row).not.toContainText('Messages');
    await expect(row).toContainText('Active');
    await checkScreen(page, 'connectors');

    // Rotating: the confirmation says the old secret stops working; the new one is shown once, and the old one is refused.
    await row.getByRole('button', { name: 'Rotate secret of HR sync' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate the secret of HR sync?' });
    await expect(rotate).toContainText('The current secret stops working at once');
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = page.getByRole('dialog', { name: 'New client secret of HR sync' });
    await expect(rotated).toContainText('The previous secret has stopped working');
    const newSecret = await rotated.getByRole('textbox', { name: 'Client secret' }).inputValue();
    expect(newSecret).toMatch(/^kzs_/);
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(api(page, ISSUE_TOKEN, { input: { clientId, clientSecret: secret } })).rejects.toThrow(/UNAUTHENTICATED/);
    await api(page, ISSUE_TOKEN, { input: { clientId, clientSecret: newSecret } });

    // Revoking: asked first, then the connector is listed as revoked, with nothing left to do to it.
    await row.getByRole('button', { name: 'Revoke HR sync' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke HR sync?' });
    await expect(revoke).toContainText('This cannot be undone');
    await revoke.getByRole('button', { name: 'Revoke connector' }).click();
    await expect(revoke).toBeHidden();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button')).toHaveCount(0);
    await expect(api(page, ISSUE_TOKEN, { input: { clientId, clientSecret: newSecret } })).rejects.toThrow(/UNAUTHENTICATED/);
  });

  test("a connector granted Post messages posts in the organisation's groups, and its messages read as an app's", async ({ page }) => {
    await signIn(page, uniquePhone(), 'Petra Partner');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Posting Co' } },
    );
    const orgId = org.createOrganization.organization.id;
    const group = await api<{ createGroup: { group: { id: string } } }>(
      page,
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      { input: { name: 'Dispatch', organizationId: orgId } },
    );
    const groupId = group.createGroup.group.id;

    await page.goto(`/orgs/${orgId}/connectors`);
    await page.getByRole('textbox', { name: 'Name' }).fill('Order bot');
    await expect(page.getByText("Send messages, announcements and polls to the organisation's groups, shown as from the connector.")).toBeVisible();
    await page.getByRole('checkbox', { name: /Post messages/ }).check();
    await page.getByRole('button', { name: 'Register connector' }).click();
    const dialog = page.getByRole('dialog', { name: 'Client secret of Order bot' });
    const clientSecret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
    const clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();
    await dialog.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(page.getByRole('table', { name: 'Connectors' }).getByRole('row').filter({ hasText: 'Order bot' })).toContainText('Post messages');

    const issued = await api<{ issueConnectorToken: { accessToken: string } }>(page, ISSUE_TOKEN, { input: { clientId, clientSecret } });
    const connectorToken = issued.issueConnectorToken.accessToken;
    // Messaging hears of the new group from the groups service's events; until then the group is not found.
    await expect(async () => {
      await api(
        page,
        `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
        { input: { groupId, text: 'Order 1043 shipped to Lisbon', idempotencyKey: 'order-1043' } },
        connectorToken,
      );
    }).toPass();

    await page.goto(`/chat/${groupId}`);
    const message = page.getByRole('article', { name: /^Order bot \(app\) at / });
    await expect(message).toContainText('Order 1043 shipped to Lisbon');
    await expect(message.getByText('App', { exact: true })).toBeVisible();
    await checkScreen(page, 'chat-connector-message');
  });
});
