import type { Page } from '@playwright/test';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

/** Creates a group through the "Create group" dialog (opened by `opener`), optionally as a broadcast group. */
async function createGroupThroughDialog(page: Page, opener: string, dialogTitle: string, name: string, options: { broadcast?: boolean; parent?: string } = {}) {
  await page.getByRole('button', { name: opener, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.getByLabel('Group name').fill(name);
  if (options.broadcast) await dialog.getByRole('radio', { name: /Broadcast group/ }).check();
  if (options.parent) {
    await dialog.getByRole('combobox', { name: 'Parent group' }).fill(options.parent.split(' › ').at(-1)!);
    await page.getByRole('option', { name: options.parent, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
}

async function chooseParent(page: Page, path: string) {
  await page.getByRole('combobox', { name: 'Move under' }).fill(path.split(' › ').at(-1)!);
  await page.getByRole('option', { name: path, exact: true }).click();
}

test.use({ actionTimeout: 15_000 });

test.describe('groups', () => {
  test('builds a tree of groups, edits a group, moves and detaches it, and deletes one after typing its name', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, uniquePhone(), 'Gail Groups');
    await page.goto('/organizations/new');
    await page.getByLabel('Organisation name').fill('Tree Trading Ltd');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
    await expect(page.getByText('No groups yet')).toBeVisible();

    await createGroupThroughDialog(page, 'Create group', 'Create a group', 'All Employees');
    await createGroupThroughDialog(page, 'Add sub-group to All Employees', 'Create a sub-group of All Employees', 'Sales');
    await createGroupThroughDialog(page, 'Add sub-group to Sales', 'Create a sub-group of Sales', 'Sales (East)', { broadcast: true });
    await createGroupThroughDialog(page, 'Create group', 'Create a group', 'Marketing', { parent: 'All Employees' });

    // The tree: Sales under All Employees, Sales (East) under Sales; the creator is each group's one member.
    const underAll = page.getByRole('list', { name: 'Sub-groups of All Employees' });
    const underSales = page.getByRole('list', { name: 'Sub-groups of Sales' });
    await expect(underAll.getByRole('link', { name: 'Sales', exact: true })).toBeVisible();
    await expect(underAll.getByRole('link', { name: 'Marketing' })).toBeVisible();
    await expect(underSales.getByRole('link', { name: 'Sales (East)' })).toBeVisible();
    await expect(underSales.getByText('Broadcast group')).toBeVisible();
    await expect(underSales.getByText('Announcements only')).toBeVisible();
    await expect(page.getByText('Members: 1 member · with sub-groups: 4 members')).toBeVisible();
    await expect(page.getByText('Members: 1 member · with sub-groups: 2 members')).toBeVisible();

    // Collapsing and expanding with the keyboard.
    const toggle = page.getByRole('button', { name: 'Sub-groups of Sales (1)' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'Sales (East)' })).toBeHidden();
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('link', { name: 'Sales (East)' })).toBeVisible();
    await checkScreen(page, 'groups');

    // A group's own screen, on its settings tab.
    await page.getByRole('link', { name: 'Sales', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sales', level: 1 })).toBeVisible();
    const sections = page.getByRole('navigation', { name: 'Sales sections' });
    await expect(sections.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('link', { name: 'All Employees', exact: true })).toBeVisible();

    await page.getByRole('textbox', { name: /^Name/ }).fill('Sales team');
    await page.getByLabel('Description').fill('Everyone who sells.');
    await page.getByLabel('Welcome message').fill('Welcome to sales!');
    await page.getByLabel('Avatar URL').fill('not a web address');
    await page.getByRole('button', { name: 'Save changes' }).click();
    // The server refuses the URL; its words show on the field.
    await expect(page.getByLabel('Avatar URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/not an absolute http\(s\) URL|http\(s\) URL/)).toBeVisible();
    await page.getByLabel('Avatar URL').fill('https://example.com/sales.png');
    await page.getByRole('switch', { name: 'Announcements only' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Group settings saved.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sales team', level: 1 })).toBeVisible();
    await checkScreen(page, 'group-settings');

    // The tabs are addresses: Members, then back.
    await page.getByRole('navigation', { name: 'Sales team sections' }).getByRole('link', { name: 'Members' }).click();
    await expect(page).toHaveURL(/\/members$/);
    await page.goBack();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();

    // Under its own sub-group: the server refuses the cycle, in words.
    await chooseParent(page, 'All Employees › Sales team › Sales (East)');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(page.getByText('attaching would make a cycle')).toBeVisible();
    await chooseParent(page, 'All Employees › Marketing');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(page.getByText('A sub-group of “Marketing”.', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Marketing', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Move to the top level' }).click();
    await expect(page.getByText('A top-level group.', { exact: true })).toBeVisible();

    // Deleting: the confirmation names what is lost and wants the name typed.
    await page.getByRole('button', { name: 'Delete group' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Sales team”?' });
    await expect(confirm.getByText('its messages and shared files, for everyone;')).toBeVisible();
    await expect(confirm.getByText('Its 1 sub-group is kept and becomes a top-level group.')).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Delete for good' })).toBeDisabled();
    await confirm.getByLabel('Type “Sales team” to confirm').fill('Sales team');
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sales team' })).toBeHidden();
    await expect(page.getByRole('list', { name: 'Groups' }).getByRole('link', { name: 'Sales (East)' })).toBeVisible();

    // The notifications of the steps above close by themselves first, so the narrow screenshot shows the screen itself.
    await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0, { timeout: 20_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    // A phone opens the screen at its width (a resize would catch the navigation sliding away mid-animation).
    await page.reload();
    await expect(page.getByRole('button', { name: 'Add sub-group to All Employees' })).toBeVisible();
    await checkScreen(page, 'groups-390');
  });

  test('links a private group to the organisation and unlinks it again; a foreign group is not found', async ({ page }) => {
    await signIn(page, uniquePhone(), 'Lina Linker');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Link Works' } },
    );
    const orgId = org.createOrganization.organization.id;
    const own = await api<{ createGroup: { group: { id: string } } }>(
      page,
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      {
        input: { name: 'Book club' },
      },
    );

    // A private group is not this organisation's: its address under the organisation says so.
    await page.goto(`/orgs/${orgId}/groups/${own.createGroup.group.id}`);
    await expect(page.getByText('This no longer exists, or you cannot see it.')).toBeVisible();

    await page.goto(`/orgs/${orgId}/groups`);
    await expect(page.getByText('No groups yet')).toBeVisible();
    await page.getByRole('button', { name: 'Link a group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link one of your private groups' });
    await dialog.getByRole('radio', { name: 'Book club' }).check();
    await dialog.getByRole('button', { name: 'Link to Link Works' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: 'Book club' })).toBeVisible();
    await expect(page.getByText('Organisation group')).toBeVisible();

    await page.getByRole('link', { name: 'Book club' }).click();
    await page.getByRole('button', { name: 'Unlink from Link Works' }).click();
    const confirm = page.getByRole('dialog', { name: 'Unlink “Book club”?' });
    await expect(confirm.getByText('It becomes a private group:')).toBeVisible();
    await confirm.getByRole('button', { name: 'Unlink the group' }).click();
    await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
    await expect(page.getByText('No groups yet')).toBeVisible();
  });
});
