import { readFileSync } from 'node:fs';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

test.describe('invite links and join requests', () => {
  test('creates a link needing approval, shares it, a second person asks to join, the admin approves, then revokes it', async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    await signIn(page, uniquePhone(), 'Ines Inviter');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Invitations Test Co' } },
    );
    const orgId = org.createOrganization.organization.id;
    const created = await api<{ createGroup: { group: { id: string } } }>(
      page,
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      {
        input: { name: 'Night shift', organizationId: orgId },
      },
    );
    const groupUrl = `/orgs/${orgId}/groups/${created.createGroup.group.id}`;

    await page.goto(`${groupUrl}/invitations`);
    await expect(page.getByRole('heading', { name: 'Invite links' })).toBeVisible();
    await expect(page.getByText('No invite links yet')).toBeVisible();

    // A past expiry is refused by the server, in words beside the field.
    await page.getByRole('button', { name: 'Create an invite link' }).click();
    const form = page.getByRole('dialog', { name: 'Create an invite link' });
    await form.getByLabel('Expires').fill('2020-01-01T10:00');
    await form.getByRole('button', { name: 'Create link' }).click();
    await expect(form.getByText('The expiry must be in the future.')).toBeVisible();
    await form.getByLabel('Expires').fill('2030-06-30T18:00');
    await form.getByLabel('An admin approves each person before they join').check();
    await form.getByLabel('Maximum uses').fill('5');
    await form.getByRole('button', { name: 'Create link' }).click();
    await expect(form).toBeHidden();

    const card = page.getByRole('article', { name: /Member link created/ });
    await expect(card.getByText('Active')).toBeVisible();
    await expect(card.getByText('An admin approves each person')).toBeVisible();
    await expect(card.getByText('0 of 5')).toBeVisible();
    const qr = card.getByRole('img', { name: /QR code of the invite link/ });
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const url = (await card.getByText(/\/join\//).textContent())!.trim();
    const token = url.split('/').at(-1)!;
    await checkScreen(page, 'invitations');

    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/^night-shift-invite-.+\.png$/);
    expect([...readFileSync((await png.path())!).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(svgText).toContain('</svg>');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await card.getByRole('button', { name: 'Copy link' }).click();
    await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // Someone else opens the link (where it points: /join/<token>) and asks to join.
    const other = await browser.newContext({ baseURL });
    const joiner = await other.newPage();
    await signIn(joiner, uniquePhone(), 'Jo Joiner', `/join/${token}`);
    await expect(joiner.getByRole('heading', { name: 'Night shift' })).toBeVisible();
    await expect(joiner.getByText('An admin approves new members')).toBeVisible();
    // No picture yet: the group's initials stand in for it; its size and kind are told too.
    await expect(joiner.getByText('NS', { exact: true })).toBeVisible();
    await expect(joiner.getByText('1 member', { exact: true })).toBeVisible();
    await expect(joiner.getByText('Organisation group')).toBeVisible();
    await checkScreen(joiner, 'join');
    await joiner.getByRole('button', { name: 'Ask to join' }).click();
    await expect(joiner.getByText('Request sent')).toBeVisible();
    await expect(joiner.getByText('Your request to join Night shift is waiting')).toBeVisible();

    // Back as the admin: the request waits in Join requests; approving makes them a member.
    await page.goto(`${groupUrl}/requests`);
    const request = page.getByRole('listitem').filter({ hasText: 'Jo Joiner' });
    await expect(request).toBeVisible();
    await checkScreen(page, 'join-requests');
    await request.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('Jo Joiner is now a member.')).toBeVisible();
    await expect(page.getByText('No requests waiting')).toBeVisible();
    await page.goto(`${groupUrl}/members`);
    await expect(page.getByRole('table', { name: 'Members of Night shift' }).getByRole('row').filter({ hasText: 'Jo Joiner' })).toBeVisible();

    // Opening the link again once a member says so; the picture the admin has set since shows, and the new size.
    await api(page, `mutation ($input: UpdateGroupInput!) { updateGroup(input: $input) { group { id } } }`, {
      input: { groupId: created.createGroup.group.id, avatarUrl: `${baseURL}/favicon.svg` },
    });
    await joiner.goto(`/join/${token}`);
    await expect(joiner.getByRole('img', { name: 'Night shift' })).toBeVisible();
    await expect(joiner.getByText('2 members', { exact: true })).toBeVisible();
    await joiner.getByRole('button', { name: 'Ask to join' }).click();
    await expect(joiner.getByText('You are already a member')).toBeVisible();

    // Revoking: the link stops working, and the person opening it is told why.
    await page.goto(`${groupUrl}/invitations`);
    await card.getByRole('button', { name: 'Revoke' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke this invite link?' });
    await expect(confirm.getByText('Nobody can join with this link')).toBeVisible();
    await confirm.getByRole('button', { name: 'Revoke link' }).click();
    await expect(card.getByText('Revoked', { exact: true })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Copy link' })).toHaveCount(0);

    await joiner.goto(`/join/${token}`);
    await expect(joiner.getByRole('heading', { name: 'This invite link cannot be used' })).toBeVisible();
    await expect(joiner.getByText('This invite link was revoked')).toBeVisible();
    await checkScreen(joiner, 'join-revoked');
    await joiner.goto('/join/not-a-real-token');
    await expect(joiner.getByText('No group has this link')).toBeVisible();
    await other.close();
  });
});
