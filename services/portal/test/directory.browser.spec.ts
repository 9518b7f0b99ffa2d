import type { Page } from '@playwright/test';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

async function createOrganization(page: Page, name: string): Promise<string> {
  const data = await api<{ createOrganization: { organization: { id: string } } }>(
    page,
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name } },
  );
  return data.createOrganization.organization.id;
}

async function defineAttribute(page: Page, organizationId: string, name: string, type: string, mandatory: boolean): Promise<void> {
  await api(page, `mutation($input: DefineUserAttributeInput!) { defineUserAttribute(input: $input) { definition { name } } }`, {
    input: { organizationId, name, type, mandatory },
  });
}

/** The directory's network filter (a segmented control: its radios sit under their labels). */
async function networkFilter(page: Page, label: 'Employees' | 'Others' | 'All'): Promise<void> {
  await page.getByRole('group', { name: 'Network' }).first().getByText(label, { exact: true }).click();
  await expect(page.getByRole('radio', { name: label, exact: true })).toBeChecked();
}

/**
 * Closes the confirmations shown at the top right: they sit over the page's right-hand column, and one under the
 * pointer stays open while hovered.
 */
async function dismissToasts(page: Page): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Dismiss', exact: true }).all()) await button.press('Enter').catch(() => undefined);
  await expect(page.getByRole('button', { name: 'Dismiss', exact: true })).toHaveCount(0);
}

/** The status line under the table, e.g. "All 31 people shown". */
function shownStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /people shown|person shown|Searching/ });
}

test.describe('user attributes', () => {
  test('adds a suggested attribute and a custom mandatory one, refuses a duplicate and a too-long name, toggles mandatory, removes one', async ({ page }) => {
    await signIn(page, uniquePhone(), 'Uma Attributes');
    const orgId = await createOrganization(page, 'Fabrikam');
    await page.goto(`/orgs/${orgId}/attributes`);
    await expect(page.getByRole('heading', { name: 'User attributes', level: 1 })).toBeVisible();
    await expect(page.getByText('No attributes yet')).toBeVisible();

    // One click on a suggestion defines it, and the suggestion goes.
    await page.getByRole('button', { name: /^Add Department/ }).click();
    const table = page.getByRole('table', { name: 'User attributes' });
    await expect(table.getByRole('rowheader', { name: 'Department' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Add Department/ })).toBeHidden();

    // A custom mandatory number.
    await page.getByLabel('Attribute name').fill('Badge number');
    await page.getByLabel('Type').selectOption({ label: 'Number' });
    await page.getByRole('checkbox', { name: 'Mandatory' }).check();
    await page.getByRole('button', { name: 'Define attribute' }).click();
    await expect(table.getByRole('rowheader', { name: 'Badge number' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Badge number is mandatory' })).toBeChecked();
    await dismissToasts(page);

    // The same name again is explained on the name field instead of quietly changing the existing one.
    await page.getByLabel('Attribute name').fill('  department ');
    await page.getByRole('button', { name: 'Define attribute' }).click();
    await expect(page.getByText('Department is already defined; change whether it is mandatory in the list above.')).toBeVisible();

    // The server's refusal, in its words, on the field it names.
    await page.getByLabel('Attribute name').fill('A'.repeat(61));
    await page.getByRole('button', { name: 'Define attribute' }).click();
    await expect(page.getByText('An attribute name needs 1 to 60 characters.')).toBeVisible();
    await expect(page.getByLabel('Attribute name')).toHaveAttribute('aria-invalid', 'true');

    // Mandatory on, then off again: defineUserAttribute with the same name and type.
    const departmentMandatory = page.getByRole('switch', { name: 'Department is mandatory' });
    await expect(departmentMandatory).not.toBeChecked();
    await departmentMandatory.click();
    await expect(departmentMandatory).toBeChecked();
    await expect(departmentMandatory).toBeEnabled();
    await dismissToasts(page);
    await departmentMandatory.click();
    await expect(departmentMandatory).not.toBeChecked();
    await expect(departmentMandatory).toBeEnabled();
    await checkScreen(page, 'attributes');
    await dismissToasts(page);

    // Removal says the values go with it.
    await page.getByRole('button', { name: 'Remove Department' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Department?' });
    await expect(dialog.getByText(/Everyone's Department values in Fabrikam are deleted with it/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Remove Department and its values' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('rowheader', { name: 'Department' })).toBeHidden();
    await expect(page.getByRole('button', { name: /^Add Department/ })).toBeVisible();
  });
});

test.describe('directory', () => {
  test('adds, pages, searches, filters, edits, changes roles and removes people, one at a time and in bulk', async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, uniquePhone(), 'Ada Admin');
    const orgId = await createOrganization(page, 'Northwind Traders');
    await defineAttribute(page, orgId, 'Department', 'STRING', false);
    await defineAttribute(page, orgId, 'Badge number', 'NUMBER', true);

    await page.goto(`/orgs/${orgId}/directory`);
    await expect(page.getByRole('heading', { name: 'Directory', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'People in Northwind Traders' });
    await expect(table.getByRole('row', { name: /Ada Admin/ })).toContainText('(you)');
    await expect(table.getByRole('columnheader', { name: 'Badge number' })).toBeVisible();

    // Adding a person: a missing mandatory attribute, then a number the server refuses, each on its own field.
    await page.getByRole('button', { name: 'Add a person' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add a person' });
    await add.getByLabel('Mobile number').fill('12345');
    await add.getByLabel('Name').fill('Aisha Added');
    await add.getByRole('button', { name: 'Add to Northwind Traders' }).click();
    await expect(add.getByText('Badge number is mandatory in this organisation.')).toBeVisible();
    await expect(add.getByLabel('Badge number')).toHaveAttribute('aria-invalid', 'true');
    await add.getByLabel('Badge number').fill('abc');
    await add.getByRole('button', { name: 'Add to Northwind Traders' }).click();
    await expect(add.getByText('"12345" is not a valid phone number; use the international form, e.g. +14155550123.')).toBeVisible();
    await expect(add.getByLabel('Mobile number')).toHaveAttribute('aria-invalid', 'true');
    await checkScreen(page, 'directory-add-person');
    await add.getByLabel('Mobile number').fill('+16465559001');
    await add.getByRole('button', { name: 'Add to Northwind Traders' }).click();
    await expect(add.getByText('Badge number must be a number, e.g. 42 or 3.5; got "abc".')).toBeVisible();
    await add.getByLabel('Badge number').fill('1001');
    await add.getByLabel('Department').fill('Sales');
    await add.getByRole('button', { name: 'Add to Northwind Traders' }).click();
    await expect(add).toBeHidden();
    await expect(table.getByRole('row', { name: /Aisha Added/ })).toContainText('Sales');
    await dismissToasts(page);

    await page.getByRole('button', { name: 'Add a person' }).first().click();
    await add.getByLabel('Mobile number').fill('+16465559002');
    await add.getByLabel('Name').fill('Bruno Builder');
    await add.getByRole('radio', { name: /Others/ }).check();
    await add.getByLabel('Badge number').fill('1002');
    await add.getByRole('button', { name: 'Add to Northwind Traders' }).click();
    await expect(add).toBeHidden();
    await expect(table.getByRole('row', { name: /Bruno Builder/ })).toContainText('Others');
    await dismissToasts(page);

    // 120 more people, one in four in Others.
    const members = Array.from({ length: 120 }, (_, index) => {
      const i = index + 1;
      return {
        phone: `+1646555${String(100 + i).padStart(4, '0')}`,
        displayName: `Seed Person ${String(i).padStart(3, '0')}`,
        network: i % 4 === 0 ? 'OTHER' : 'EMPLOYEE',
        attributes: [
          { name: 'Badge number', value: String(2000 + i) },
          { name: 'Department', value: i % 2 ? 'Sales' : 'Support' },
        ],
      };
    });
    const seeded = await api<{ importDirectoryMembers: { outcomes: { status: string }[] } }>(
      page,
      `mutation($input: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $input) { outcomes { status } } }`,
      { input: { organizationId: orgId, members } },
    );
    expect(seeded.importDirectoryMembers.outcomes.every((o) => o.status === 'CREATED')).toBe(true);

    // Pages of 50: the button loads the next, and reaching the end of the list loads the rest.
    await page.reload();
    await expect(shownStatus(page)).toHaveText('50 people shown so far');
    await page.getByRole('button', { name: 'Load more people' }).click();
    await shownStatus(page).scrollIntoViewIfNeeded();
    await expect(shownStatus(page)).toHaveText('All 123 people shown');
    // The last page made the list longer: its end is further down now.
    await shownStatus(page).scrollIntoViewIfNeeded();
    await expect(table.getByRole('row', { name: /Seed Person 120/ })).toBeAttached();
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen(page, 'directory');

    // Search by the start of a name, then of a number.
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('seed person 01');
    await expect(shownStatus(page)).toHaveText('All 10 people shown');
    await expect(table.getByRole('row', { name: /Seed Person 010/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Seed Person 020/ })).toBeHidden();
    await search.fill('+1646555011');
    await expect(shownStatus(page)).toHaveText('All 10 people shown');
    await expect(table.getByRole('row', { name: /Seed Person 010/ })).toContainText('+16465550110');
    await search.fill('');

    // Filter by network.
    await networkFilter(page, 'Others');
    await expect(shownStatus(page)).toHaveText('All 31 people shown');
    await expect(table.getByRole('row', { name: /Aisha Added/ })).toBeHidden();
    await networkFilter(page, 'Employees');
    await expect(shownStatus(page)).toHaveText('50 people shown so far');
    await page.getByRole('button', { name: 'Load more people' }).click();
    await shownStatus(page).scrollIntoViewIfNeeded();
    await expect(shownStatus(page)).toHaveText('All 92 people shown');
    await networkFilter(page, 'All');

    // One person's network and attributes; the server's refusal shows on the attribute's field.
    await search.fill('Seed Person 003');
    const person3 = table.getByRole('row', { name: /Seed Person 003/ });
    await expect(shownStatus(page)).toHaveText('All 1 person shown');
    await person3.getByRole('button', { name: 'Actions for Seed Person 003' }).click();
    await page.getByRole('menuitem', { name: 'Edit network and attributes' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Seed Person 003' });
    await edit.getByRole('radio', { name: /Others/ }).check();
    await edit.getByLabel('Badge number').fill('x3');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit.getByText('Badge number must be a number, e.g. 42 or 3.5; got "x3".')).toBeVisible();
    await edit.getByLabel('Badge number').fill('3003');
    await edit.getByLabel('Department').fill('Finance');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await expect(person3).toContainText('Others');
    await expect(person3).toContainText('3003');
    await expect(person3).toContainText('Finance');
    await dismissToasts(page);

    // Organisation admin, and back.
    await person3.getByRole('button', { name: 'Actions for Seed Person 003' }).click();
    await page.getByRole('menuitem', { name: 'Make organisation admin' }).click();
    await expect(person3.getByText('Admin', { exact: true })).toBeVisible();
    await dismissToasts(page);
    await person3.getByRole('button', { name: 'Actions for Seed Person 003' }).click();
    await page.getByRole('menuitem', { name: 'Remove admin role' }).click();
    await expect(person3.getByText('Member', { exact: true })).toBeVisible();
    await dismissToasts(page);

    // The last admin cannot step down, and is told why.
    await search.fill('Ada');
    const ada = table.getByRole('row', { name: /Ada Admin/ });
    await ada.getByRole('button', { name: 'Actions for Ada Admin' }).click();
    await page.getByRole('menuitem', { name: 'Remove admin role' }).click();
    await expect(page.getByRole('alert').filter({ hasText: "Ada Admin's role did not change" })).toContainText(
      'An organisation needs at least one admin: make someone else admin first.',
    );

    // Several people to Others at once: one of them was there already.
    await search.fill('Seed Person 00');
    await expect(shownStatus(page)).toHaveText('All 9 people shown');
    for (const n of ['001', '002', '004']) await table.getByRole('checkbox', { name: `Select Seed Person ${n}` }).check();
    const selection = page.getByRole('region', { name: 'Selected people' });
    await expect(selection).toContainText('3 people selected');
    await selection.getByRole('button', { name: 'Move to Others' }).click();
    const moved = page.getByRole('status').filter({ hasText: 'Moved 2 people to Others.' });
    await expect(moved).toContainText('1 person was already in Others.');
    await expect(moved).toContainText('Seed Person 004: Already in the Others network.');
    await expect(table.getByRole('row', { name: /Seed Person 001/ })).toContainText('Others');
    await moved.getByRole('button', { name: 'Dismiss this summary' }).click();

    // Everyone on the page removed at once, the only admin included: they stay, and the summary says why.
    await search.fill('A');
    await expect(shownStatus(page)).toHaveText('All 2 people shown');
    await table.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(selection).toContainText('2 people selected');
    await selection.getByRole('button', { name: 'Remove from organisation' }).click();
    const confirmBulk = page.getByRole('dialog', { name: 'Remove 2 people from Northwind Traders?' });
    await expect(confirmBulk).toContainText('Their membership of every group of Northwind Traders ends.');
    await expect(confirmBulk).toContainText('You are selected');
    await confirmBulk.getByRole('button', { name: 'Remove 2 people' }).click();
    await expect(confirmBulk).toBeHidden();
    const removed = page.getByRole('status').filter({ hasText: 'Removed 1 person from the organisation.' });
    await expect(removed).toContainText("1 person kept as the organisation's last admin.");
    await expect(removed).toContainText('Ada Admin: An organisation needs at least one admin: make someone else admin first.');
    await expect(table.getByRole('row', { name: /Aisha Added/ })).toBeHidden();
    await expect(table.getByRole('row', { name: /Ada Admin/ })).toBeVisible();

    // One person, after a confirmation that says what removal does.
    await search.fill('Bruno');
    const bruno = table.getByRole('row', { name: /Bruno Builder/ });
    await bruno.getByRole('button', { name: 'Actions for Bruno Builder' }).click();
    await page.getByRole('menuitem', { name: 'Remove from organisation' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Bruno Builder from Northwind Traders?' });
    await expect(confirm).toContainText('Their membership of every group of Northwind Traders ends.');
    await confirm.getByRole('button', { name: 'Remove Bruno Builder' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No one matches')).toBeVisible();
    await dismissToasts(page);

    // A phone's width: the table scrolls within its box.
    await search.fill('');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(shownStatus(page)).toHaveText('50 people shown so far');
    await checkScreen(page, 'directory-390');
    // The table scrolls inside its own box; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
