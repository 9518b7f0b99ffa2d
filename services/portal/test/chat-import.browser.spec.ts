import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

test.use({ actionTimeout: 15_000 });

const FIXTURES = join(import.meta.dirname, '..', '..', 'import', 'src', 'domain', 'chat-export', 'fixtures');
// The fixture's number is of the UK's range for drama, which no phone has: a real one here.
const androidExport = () => Buffer.from(readFileSync(join(FIXTURES, 'android-24h-day-first.txt'), 'utf8').replaceAll('+44 7700 900123', '+44 7911 123456'));

test.describe('chat import', () => {
  test('an admin reads a WhatsApp export into a preview, maps its authors, and imports it into a new group; a file that is not an export is refused beside it', async ({
    page,
  }) => {
    await signIn(page, uniquePhone(), 'Alice Smith');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Hiking Federation' } },
    );
    const orgId = org.createOrganization.organization.id;
    await api(page, `mutation ($input: AddDirectoryMemberInput!) { addDirectoryMember(input: $input) { member { role } } }`, {
      input: { organizationId: orgId, phone: '+447911123456', displayName: 'Nia Newcomer' },
    });

    await page.goto(`/orgs/${orgId}/groups`);
    await page.getByRole('link', { name: 'Import a chat' }).click();
    await expect(page.getByRole('heading', { name: 'Import a chat', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: 'Import a chat' });
    await form.getByRole('textbox', { name: "Phone's time zone" }).fill('Europe/London');
    await form.getByRole('textbox', { name: 'Country of local numbers' }).fill('GB');

    // Not an export: the service's reason, beside the file.
    await form.locator('input[type=file]').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from('Phone,Name\n+14155550100,Ann\n') });
    await form.getByRole('button', { name: 'Read the export' }).click();
    await expect(form.getByText(/does not look like a WhatsApp chat export/)).toBeVisible();

    await form.locator('input[type=file]').setInputFiles({ name: 'WhatsApp Chat with Hiking Club.txt', mimeType: 'text/plain', buffer: androidExport() });
    await form.getByRole('button', { name: 'Read the export' }).click();
    const authors = page.getByRole('table', { name: 'Authors' });
    await expect(authors).toBeVisible();
    await expect(page.getByText('A new group: Hiking Club')).toBeVisible();
    await expect(authors.getByRole('row').filter({ hasText: 'Alice Smith' })).toContainText('Alice Smith (by name)');
    await expect(authors.getByRole('row').filter({ hasText: '+44 7911 123456' })).toContainText('Nia Newcomer (by number)');
    await expect(authors.getByRole('row').filter({ hasText: 'Carol' })).toContainText('No one: a placeholder');
    await page.mouse.move(0, 0);
    await checkScreen(page, 'chat-import-preview');

    // A number no member has: the service's sentence under the authors.
    await authors.getByRole('textbox', { name: "Member's number for Carol" }).fill('+14155550199');
    await page.getByRole('button', { name: /^Import \d+ messages$/ }).click();
    await expect(page.getByText(/No one in the organisation's directory has the number \+14155550199/)).toBeVisible();
    await authors.getByRole('textbox', { name: "Member's number for Carol" }).fill('');
    await page.getByRole('button', { name: /^Import \d+ messages$/ }).click();

    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await expect(page.getByRole('link', { name: "Open the group's conversation" })).toBeVisible({ timeout: 60_000 });
    await checkScreen(page, 'chat-import-done');
    await page.getByRole('link', { name: "Open the group's conversation" }).click();
    await expect(page.getByText('Welcome everyone!')).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/orgs/${orgId}/chat-import`);
    await expect(page.getByRole('form', { name: 'Import a chat' })).toBeVisible();
    await checkScreen(page, 'chat-import-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
