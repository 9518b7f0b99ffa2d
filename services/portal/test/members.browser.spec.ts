import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

/** Seeded members: "Member 000" to "Member 299" at +14152340000 to +14152340299; the first three are admins. */
const SEEDED = 300;
const seededPhone = (i: number) => `+1415234${String(i).padStart(4, '0')}`;
const seededName = (i: number) => `Member ${String(i).padStart(3, '0')}`;

test.describe('group members', () => {
  test('adds pasted numbers with an outcome each, scrolls, searches, filters, changes roles and removes people', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, uniquePhone(), 'Ada Admin');

    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Members Test Co' } },
    );
    const orgId = org.createOrganization.organization.id;
    const created = await api<{ createGroup: { group: { id: string } } }>(
      page,
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      {
        input: { name: 'Field team', organizationId: orgId },
      },
    );
    const groupId = created.createGroup.group.id;
    // The directory's receipt lets the group add these people at once, without waiting for identity's events.
    const people = Array.from({ length: SEEDED }, (_, i) => ({ phone: seededPhone(i), displayName: seededName(i) }));
    const imported = await api<{ importDirectoryMembers: { receipt: string } }>(
      page,
      `mutation ($input: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $input) { receipt } }`,
      { input: { organizationId: orgId, members: people } },
    );
    const added = await api<{ addGroupMembers: { outcomes: { status: string }[] } }>(
      page,
      `mutation ($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { outcomes { status } } }`,
      {
        input: {
          groupId,
          directoryReceipt: imported.importDirectoryMembers.receipt,
          members: people.map((p, i) => ({ phone: p.phone, role: i < 3 ? 'ADMIN' : 'MEMBER' })),
        },
      },
    );
    expect(added.addGroupMembers.outcomes.every((o) => o.status === 'ADDED')).toBe(true);

    const membersUrl = `/orgs/${orgId}/groups/${groupId}/members`;
    await page.goto(membersUrl);
    await expect(page.getByRole('heading', { name: 'Members', exact: true })).toBeVisible();
    await expect(page.getByText('301 active members')).toBeVisible();
    const table = page.getByRole('table', { name: 'Members of Field team' });
    await expect(table.getByRole('row').filter({ hasText: 'Member 000' })).toBeVisible();

    // Pasting: a new number, the same number again (left out here), a member already, and something that is not a number.
    await page.getByRole('button', { name: 'Add people' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add people to Field team' });
    await dialog.getByLabel('Phone numbers').fill(`+1 415 777 0123\n+14157770123; ${seededPhone(5)}, 12ab`);
    await expect(dialog.getByText('3 numbers to add (1 repeated number left out).')).toBeVisible();
    await dialog.getByRole('button', { name: 'Add people' }).click();
    const outcomes = dialog.getByRole('list', { name: 'Outcomes by status' });
    await expect(outcomes.getByText('Pending until they sign up: 1')).toBeVisible();
    await expect(outcomes.getByText('Already a member: 1')).toBeVisible();
    await expect(outcomes.getByText('Invalid: 1')).toBeVisible();
    const perNumber = dialog.getByRole('table', { name: 'Outcome for each number' });
    await expect(perNumber.getByRole('row').filter({ hasText: '+1 415 777 0123' })).toContainText('Pending until they sign up');
    await expect(perNumber.getByRole('row').filter({ hasText: seededPhone(5) })).toContainText('Already a member');
    await expect(perNumber.getByRole('row').filter({ hasText: '12ab' })).toContainText('is not a valid phone number');
    await dialog.getByLabel('Show').selectOption('INVALID');
    await expect(perNumber.getByRole('row')).toHaveCount(2);
    await checkScreen(page, 'members-add-outcomes');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();

    // Scrolling to the end loads the rows as it goes; only the rows in view are in the page.
    await checkScreen(page, 'members');
    await expect(table).toHaveAttribute('aria-rowcount', '302');
    for (
      let attempt = 0;
      attempt < 20 &&
      !(await table
        .getByRole('row')
        .filter({ hasText: seededName(SEEDED - 1) })
        .isVisible());
      attempt++
    ) {
      await table.evaluate((el) => el.scrollBy(0, el.clientHeight * 2));
      await page.waitForTimeout(50);
    }
    await expect(table.getByRole('row').filter({ hasText: seededName(SEEDED - 1) })).toBeVisible();
    expect(await table.getByRole('row').count()).toBeLessThan(80);
    await expect(table.getByRole('row').filter({ hasText: 'Member 000' })).toHaveCount(0);

    // Search by the start of a name, then of a phone number.
    const search = page.getByLabel('Search members');
    await search.fill('member 29');
    await expect(table.getByRole('row').filter({ hasText: 'Member 295' })).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Member 150' })).toHaveCount(0);
    await expect(table).toHaveAttribute('aria-rowcount', '-1');
    await search.fill('+1415234010');
    await expect(table.getByRole('row').filter({ hasText: 'Member 105' })).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Member 295' })).toHaveCount(0);
    await search.fill('zz');
    await expect(page.getByText('No members match')).toBeVisible();
    await page.getByRole('button', { name: 'Clear the search' }).click();

    // Filter by role.
    await page.getByLabel('Role').selectOption('ADMIN');
    await expect(table.getByRole('row').filter({ hasText: 'Member 002' })).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: /Member 00[0-2]/ })).toHaveCount(3);
    await expect(table.getByRole('row').filter({ hasText: 'Member 150' })).toHaveCount(0);
    await page.getByLabel('Role').selectOption('OWNER');
    await expect(table.getByRole('row').filter({ hasText: 'Ada Admin' })).toBeVisible();
    await page.getByLabel('Role').selectOption('');

    // Make an admin, and back.
    await search.fill('Member 150');
    const row150 = table.getByRole('row').filter({ hasText: 'Member 150' });
    await row150.getByRole('button', { name: 'Make admin: Member 150' }).click();
    await expect(page.getByText('Member 150 is now an admin.')).toBeVisible();
    await expect(row150.getByText('Admin', { exact: true })).toBeVisible();
    await row150.getByRole('button', { name: 'Remove admin: Member 150' }).click();
    await expect(page.getByText('Member 150 is no longer an admin.')).toBeVisible();
    await expect(row150.getByText('Member', { exact: true })).toBeVisible();

    // Select two people and remove them (two of the three seeded admins).
    await search.fill('Member 00');
    await table.getByRole('checkbox', { name: 'Select Member 001' }).check();
    await table.getByRole('checkbox', { name: 'Select Member 002' }).check();
    await expect(page.getByText('2 selected')).toBeVisible();
    await page.getByRole('button', { name: 'Remove selected' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove 2 people from Field team?' });
    await expect(confirm.getByText('They lose access to the group')).toBeVisible();
    await confirm.getByRole('button', { name: 'Remove 2 members' }).click();
    await expect(page.getByText('2 members removed.')).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: /Member 00[12]/ })).toHaveCount(0);
    await expect(page.getByText('299 active members')).toBeVisible();

    // The owner leaves the group (still managing it as the organisation's admin): Member 000 is its last admin,
    // and the server refuses to demote them, in words.
    const me = await api<{ me: { id: string } }>(page, `{ me { id } }`);
    await api(page, `mutation ($input: RemoveGroupMembersInput!) { removeGroupMembers(input: $input) { outcomes { status } } }`, {
      input: { groupId, userIds: [me.me.id] },
    });
    await page.reload();
    await page.getByLabel('Role').selectOption('ADMIN');
    await expect(table.getByRole('row')).toHaveCount(2);
    await table.getByRole('button', { name: 'Remove admin: Member 000' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Member 000 is still an admin' });
    await expect(refusal).toContainText('A group needs at least one admin');
    await expect(table.getByRole('row').filter({ hasText: 'Member 000' }).getByText('Admin', { exact: true })).toBeVisible();

    await page.getByLabel('Role').selectOption('');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(table.getByRole('row').filter({ hasText: 'Member 000' })).toBeVisible();
    await checkScreen(page, 'members-390');
  });
});
