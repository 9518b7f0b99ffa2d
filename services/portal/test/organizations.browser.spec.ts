import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

test.describe('organisations', () => {
  test('a member leaves an organisation from their organisations, after being told what ends; its last admin is told why they cannot', async ({
    page,
    browser,
    baseURL,
  }) => {
    await signIn(page, uniquePhone(), 'Ada Admin');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Leaving Co' } },
    );
    const orgId = org.createOrganization.organization.id;
    const memberPhone = uniquePhone();
    await api(page, `mutation ($input: AddDirectoryMemberInput!) { addDirectoryMember(input: $input) { member { displayName } } }`, {
      input: { organizationId: orgId, phone: memberPhone, displayName: 'Max Member' },
    });

    // The last admin cannot leave: the dialog says why, and nothing changes.
    await page.goto('/');
    const adminCard = page.getByRole('button', { name: 'Leave Leaving Co' });
    await adminCard.click();
    const refused = page.getByRole('dialog', { name: 'Leave Leaving Co?' });
    await refused.getByRole('button', { name: 'Leave organisation' }).click();
    await expect(refused.getByText('You are its last admin: make someone else an admin before you leave.')).toBeVisible();
    await refused.getByRole('button', { name: 'Keep it' }).click();
    await expect(page.getByRole('link', { name: 'Manage Leaving Co' })).toBeVisible();

    const other = await browser.newContext({ baseURL });
    const member = await other.newPage();
    await signIn(member, memberPhone, 'Max Member');
    await expect(member.getByRole('heading', { name: 'Your organisations' })).toBeVisible();
    await expect(member.getByText('Only admins manage the organisation here')).toBeVisible();
    await checkScreen(member, 'home-member');
    await member.getByRole('button', { name: 'Leave Leaving Co' }).click();
    const dialog = member.getByRole('dialog', { name: 'Leave Leaving Co?' });
    await expect(dialog).toContainText('To come back, one of its admins must add you to its directory again.');
    await dialog.getByRole('button', { name: 'Leave organisation' }).click();
    await expect(dialog).toBeHidden();
    await expect(member.getByText('You do not belong to an organisation yet')).toBeVisible();
    await other.close();

    // The admin's directory no longer lists them.
    const directory = await api<{ organization: { directory: { edges: { node: { displayName: string } }[] } } }>(
      page,
      `query ($id: ID!) { organization(id: $id) { directory { edges { node { displayName } } } } }`,
      { id: orgId },
    );
    expect(directory.organization.directory.edges.map((e) => e.node.displayName)).toEqual(['Ada Admin']);
  });
});
