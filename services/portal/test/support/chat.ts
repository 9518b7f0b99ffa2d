import { expect, type Browser, type Page } from '@playwright/test';
import { api, signIn, uniquePhone } from './portal';

/** A 1×1 PNG: a real picture file, as a phone or a screenshot tool writes it. */
export const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface Pair {
  admin: Page;
  member: Page;
  groupId: string;
  closeMember: () => Promise<void>;
}

/** An admin with an organisation group, and a member in a second browser of their own, both signed in. */
export async function twoPeopleInAGroup(
  page: Page,
  browser: Browser,
  options: { name: string; announcementOnly?: boolean; adminName: string; memberName: string },
): Promise<Pair> {
  const memberPhone = uniquePhone();
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, memberPhone, options.memberName);

  await signIn(page, uniquePhone(), options.adminName);
  const org = await api<{ createOrganization: { organization: { id: string } } }>(
    page,
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name: `${options.name} Co` } },
  );
  const created = await api<{ createGroup: { group: { id: string } } }>(
    page,
    `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
    { input: { name: options.name, organizationId: org.createOrganization.organization.id, announcementOnly: options.announcementOnly ?? false } },
  );
  const groupId = created.createGroup.group.id;
  await api(page, `mutation ($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { outcomes { status } } }`, {
    input: { groupId, members: [{ phone: memberPhone }] },
  });
  // Messaging hears of the group and its members by events: both can read it once they have arrived.
  await expect(async () => {
    for (const person of [page, member]) await api(person, `query ($id: ID!) { group(id: $id) { changesCursor } }`, { id: groupId });
  }).toPass({ timeout: 30_000 });
  return { admin: page, member, groupId, closeMember: () => memberContext.close() };
}

export function conversation(page: Page) {
  return page.getByRole('log');
}

export function message(page: Page, text: string | RegExp) {
  return conversation(page).getByRole('article').filter({ hasText: text });
}

export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await expect(message(page, text).last()).toBeVisible();
}

export async function messageAction(page: Page, text: string, action: 'Reply' | 'Edit' | 'Delete'): Promise<void> {
  await message(page, text)
    .first()
    .getByRole('button', { name: /Message actions/ })
    .click();
  await page.getByRole('menuitem', { name: action }).click();
}
