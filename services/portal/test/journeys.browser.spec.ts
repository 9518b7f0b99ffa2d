import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

/**
 * The seed's two journeys, as an admin walks them in the portal:
 * 1. "create groups that reflect how your organisation works (Contoso – All Employees, Contoso – Sales,
 *    Contoso – Sales (East)) … and add or manage users in bulk";
 * 2. "create a group, invite others, map your group to the organisation".
 */

async function createGroup(page: Page, opener: string, name: string): Promise<void> {
  await page.getByRole('button', { name: opener, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Group name').fill(name);
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
}

const GOOD = Array.from({ length: 40 }, (_, i) => `+1415777${String(3000 + i)},East Seller ${String(i).padStart(2, '0')},Employee,Member`);
const BAD = ['not-a-number,Broken Phone,Employee,Member', '+14157773999,,Employee,Member'];
const CSV = ['Phone,Name,Network,Group role', ...GOOD, ...BAD].join('\n') + '\n';

test.describe('the seed journeys', () => {
  test('Contoso mirrors its structure in groups and adds the Sales (East) team in bulk from a CSV', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await signIn(page, uniquePhone(), 'Carla Contoso');
    await expect(page.getByText('You do not belong to an organisation yet')).toBeVisible();
    await page.getByRole('link', { name: 'Create an organisation' }).first().click();
    await page.getByLabel('Organisation name').fill('Contoso');
    await page.getByRole('button', { name: 'Create organisation' }).click();

    // No retry, no wait: the groups service knows the new organisation at once.
    await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
    await createGroup(page, 'Create group', 'All Employees');
    await createGroup(page, 'Add sub-group to All Employees', 'Sales');
    await createGroup(page, 'Add sub-group to Sales', 'Sales (East)');
    await expect(page.getByRole('list', { name: 'Sub-groups of Sales' }).getByRole('link', { name: 'Sales (East)' })).toBeVisible();
    await checkScreen(page, 'journey-contoso-groups');

    // The Sales (East) team from a CSV with two bad rows: dry run, error report, then apply and follow it.
    await page.getByRole('navigation', { name: 'Contoso sections' }).getByRole('link', { name: 'Bulk upload' }).click();
    await expect(page.getByRole('heading', { name: 'Bulk upload', level: 1 })).toBeVisible();
    await page.getByRole('radio', { name: 'The directory, and groups' }).check();
    await page.getByRole('combobox', { name: 'Groups' }).click();
    await page.getByRole('option', { name: 'Sales (East)' }).click();
    await page.keyboard.press('Escape');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file' }).click();
    await (await chooser).setFiles({ name: 'sales-east.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Start the dry run' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'can be imported' })).toContainText('40 of 42 rows can be imported');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download error report', exact: true }).click();
    const report = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(report).toHaveLength(3);
    expect(report[1]).toMatch(/^42,not-a-number,Broken Phone,/);
    expect(report[2]).toMatch(/^43,'\+14157773999,,Employee,Member,.*name/i);
    testInfo.annotations.push({ type: 'error report', description: report.join(' | ') });

    await page.getByRole('button', { name: 'Apply this file' }).click();
    await expect(page.getByRole('heading', { name: 'Import of sales-east.csv', level: 1 })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByRole('status').filter({ hasText: 'were imported' })).toContainText('40 of 42 rows were imported');
    await checkScreen(page, 'journey-contoso-import');

    // The team is in the group: 40 imported people and its creator.
    await page.getByRole('navigation', { name: 'Contoso sections' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('link', { name: 'Sales (East)' }).click();
    await page.getByRole('link', { name: 'Members' }).click();
    await expect(page.getByText(/41 members/).first()).toBeVisible();
    await page.getByLabel('Search members').fill('East Seller 3');
    await expect(page.getByRole('row', { name: /East Seller 39/ })).toBeVisible();
  });

  test("a group of one's own is mapped to the organisation, and others are invited by link (QR code) and by phone", async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    await signIn(page, uniquePhone(), 'Mona Mapper');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Fabrikam' } },
    );
    const orgId = org.createOrganization.organization.id;
    // The group she created for her team before the organisation used the service (a private group).
    await api(page, `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`, { input: { name: 'Site visits' } });

    await page.goto(`/orgs/${orgId}/groups`);
    await page.getByRole('button', { name: 'Link a group' }).click();
    const link = page.getByRole('dialog', { name: 'Link one of your private groups' });
    await link.getByRole('radio', { name: 'Site visits' }).check();
    await link.getByRole('button', { name: 'Link to Fabrikam' }).click();
    await expect(page.getByText('Organisation group')).toBeVisible();

    await page.getByRole('link', { name: 'Site visits' }).click();
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('button', { name: 'Create an invite link' }).click();
    await page.getByRole('dialog', { name: 'Create an invite link' }).getByRole('button', { name: 'Create link' }).click();
    const card = page.getByRole('article', { name: /link created/ });
    await expect(card.getByRole('img', { name: /QR code of the invite link/ })).toBeVisible();
    const url = (await card.getByText(/\/join\//).textContent())!.trim();
    await checkScreen(page, 'journey-invite-link');

    // Someone opens the link and joins at once.
    const other = await browser.newContext({ baseURL });
    const joiner = await other.newPage();
    await signIn(joiner, uniquePhone(), 'Jon Joiner', `/join/${url.split('/').at(-1)}`);
    await joiner.getByRole('button', { name: /^Join/ }).click();
    await expect(joiner.getByText('You joined the group')).toBeVisible();
    // From there straight into the group's conversation, where they can write at once.
    await joiner.getByRole('link', { name: 'Open the conversation' }).click();
    await expect(joiner.getByRole('heading', { name: 'Site visits', level: 1 })).toBeVisible();
    await expect(joiner.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await other.close();

    // And by phone: a colleague who has not signed up yet becomes a pending member.
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Add people' }).click();
    const add = page.getByRole('dialog', { name: 'Add people to Site visits' });
    await add.getByLabel('Phone numbers').fill('+1 415 777 4001');
    await add.getByRole('button', { name: 'Add people' }).click();
    await expect(add.getByRole('list', { name: 'Outcomes by status' }).getByText('Pending until they sign up: 1')).toBeVisible();
    await add.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('row', { name: /Jon Joiner/ })).toBeVisible();
  });
});
