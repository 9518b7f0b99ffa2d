import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

test.use({ actionTimeout: 15_000 });

test.describe('message retention', () => {
  test("an admin sets the organisation's period (the server refuses a bad one, in words) and a group's own period and legal hold", async ({ page }) => {
    await signIn(page, uniquePhone(), 'Rita Retention');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Retention Records Ltd' } },
    );
    const orgId = org.createOrganization.organization.id;
    const created = await api<{ createGroup: { group: { id: string } } }>(
      page,
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      { input: { name: 'Trading desk', organizationId: orgId } },
    );
    const groupId = created.createGroup.group.id;

    // The organisation's settings: for ever until an admin chooses a period.
    await page.goto(`/orgs/${orgId}/settings`);
    const orgSection = page.getByRole('form', { name: 'Message retention' });
    await expect(orgSection).toBeVisible();
    await expect(orgSection.getByText('A group can set its own period, shorter or longer, and a legal hold stops deletion in it')).toBeVisible();
    await expect(orgSection.getByRole('radio', { name: 'Keep messages for ever' })).toBeChecked();
    await orgSection.getByRole('radio', { name: 'Delete messages after a number of days' }).check();
    const orgDays = orgSection.getByRole('textbox', { name: 'Days' });

    // Too long: the server's own sentence shows beside the field.
    await orgDays.fill('50000');
    await orgSection.getByRole('button', { name: 'Save retention', exact: true }).click();
    await expect(orgDays).toHaveAttribute('aria-invalid', 'true');
    await expect(orgSection.getByText('Keep messages for 1 to 36,500 days, or leave it empty to keep them for ever.')).toBeVisible();

    await orgDays.fill('30');
    await orgSection.getByRole('button', { name: 'Save retention', exact: true }).click();
    await expect(page.getByText('Messages are now deleted after 30 days.')).toBeVisible();
    await expect(orgDays).not.toHaveAttribute('aria-invalid', 'true');
    await page.reload();
    await expect(orgSection.getByRole('radio', { name: 'Delete messages after a number of days' })).toBeChecked();
    await expect(orgSection.getByRole('textbox', { name: 'Days' })).toHaveValue('30');
    await page.mouse.move(0, 0);
    await checkScreen(page, 'organization-settings-retention');

    // The group's settings tab: the organisation's period by default, then one of its own and a legal hold.
    await page.goto(`/orgs/${orgId}/groups/${groupId}`);
    await expect(page.getByRole('heading', { name: 'Trading desk', level: 1 })).toBeVisible();
    const groupSection = page.getByRole('form', { name: 'Message retention' });
    await expect(groupSection.getByRole('radio', { name: 'Same as the organisation' })).toBeChecked();
    await expect(groupSection.getByText('The organisation deletes messages after 30 days.')).toBeVisible();
    await expect(groupSection.getByText('While on, no message of this group is deleted, whatever the retention period.')).toBeVisible();
    await groupSection.getByRole('radio', { name: 'Delete messages after a number of days' }).check();
    const groupDays = groupSection.getByRole('textbox', { name: 'Days' });
    await groupDays.fill('0');
    await groupSection.getByRole('button', { name: 'Save retention', exact: true }).click();
    await expect(groupDays).toHaveAttribute('aria-invalid', 'true');
    await expect(groupSection.getByText(/Keep messages for 1 to 36,500 days/)).toBeVisible();

    await groupDays.fill('365');
    await groupSection.getByRole('switch', { name: 'Legal hold' }).check();
    await groupSection.getByRole('button', { name: 'Save retention', exact: true }).click();
    await expect(page.getByText('Message retention saved.')).toBeVisible();
    await page.reload();
    await expect(groupSection.getByRole('radio', { name: 'Delete messages after a number of days' })).toBeChecked();
    await expect(groupSection.getByRole('textbox', { name: 'Days' })).toHaveValue('365');
    await expect(groupSection.getByRole('switch', { name: 'Legal hold' })).toBeChecked();
    await page.mouse.move(0, 0);
    await checkScreen(page, 'group-retention');
    await page.setViewportSize({ width: 390, height: 844 });
    // Opened at phone width, as a phone would (a resize would catch the menu folding away mid-transition).
    await page.reload();
    await expect(page.getByRole('switch', { name: 'Legal hold' })).toBeVisible();
    await checkScreen(page, 'group-retention-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // What the API holds.
    const stored = await api<{
      organization: { messageRetentionDays: number | null };
      group: { messageRetentionDays: number | null; legalHold: boolean };
    }>(
      page,
      `query ($orgId: ID!, $groupId: ID!) { organization(id: $orgId) { messageRetentionDays } group(id: $groupId) { messageRetentionDays legalHold } }`,
      {
        orgId,
        groupId,
      },
    );
    expect(stored).toEqual({ organization: { messageRetentionDays: 30 }, group: { messageRetentionDays: 365, legalHold: true } });
  });
});
