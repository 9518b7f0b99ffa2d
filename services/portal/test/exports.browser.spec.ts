import { readFileSync } from 'node:fs';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

test.use({ actionTimeout: 15_000 });

test.describe('exports', () => {
  test("an admin exports the organisation's data, follows it to the end and downloads the archive; a bad range reads as a sentence beside From", async ({
    page,
  }) => {
    await signIn(page, uniquePhone(), 'Esther Exporter');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Archive Holdings' } },
    );
    const orgId = org.createOrganization.organization.id;

    await page.goto(`/orgs/${orgId}/groups`);
    await page.getByRole('link', { name: 'Exports' }).click();
    await expect(page.getByRole('heading', { name: 'Exports', level: 1 })).toBeVisible();
    await expect(page.getByText('No exports yet')).toBeVisible();

    // A span of days that ends before it starts: the service's own words, beside the field.
    const form = page.getByRole('form', { name: 'Start an export' });
    await form.getByRole('textbox', { name: 'From' }).fill('2026-12-10');
    await form.getByRole('textbox', { name: 'To' }).fill('2026-12-01');
    await form.getByRole('button', { name: 'Start export' }).click();
    await expect(form.getByRole('textbox', { name: 'From' })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText(/from must be before to/)).toBeVisible();

    // Everything: it runs, then is ready with its size and checksum.
    await form.getByRole('textbox', { name: 'From' }).fill('');
    await form.getByRole('textbox', { name: 'To' }).fill('');
    await form.getByRole('button', { name: 'Start export' }).click();
    const list = page.getByRole('list', { name: 'Exports' });
    const row = list.getByRole('listitem').first();
    await expect(row).toContainText('All messages up to');
    await expect(row).toContainText('by Esther Exporter');
    await expect(row.getByText('Ready')).toBeVisible({ timeout: 60_000 });
    await expect(row).toContainText('SHA-256');

    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download archive' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^organization-export-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
    const bytes = readFileSync(await file.path());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);

    await page.mouse.move(0, 0);
    await checkScreen(page, 'exports');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole('list', { name: 'Exports' }).getByText('Ready')).toBeVisible();
    await checkScreen(page, 'exports-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('an organisation with many exports shows the newest twenty, and older ones on request', async ({ page }) => {
    await signIn(page, uniquePhone(), 'Ola Oldexports');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Many Archives' } },
    );
    const orgId = org.createOrganization.organization.id;
    // Twenty-one exports (from noon UTC of 1 … 21 January: the same day from UTC−12 to UTC+11). One may run at a time:
    // each is cancelled, or has finished (an empty organisation's export takes moments), before the next starts.
    for (let day = 1; day <= 21; day++) {
      const started = await api<{ startExport: { export: { id: string } } }>(
        page,
        `mutation ($input: StartExportInput!) { startExport(input: $input) { export { id } } }`,
        { input: { organizationId: orgId, from: `2026-01-${String(day).padStart(2, '0')}T12:00:00Z` } },
      );
      const exportId = started.startExport.export.id;
      await api(page, `mutation ($input: CancelExportInput!) { cancelExport(input: $input) { export { id } } }`, { input: { exportId } }).catch(
        (error: Error) => expect(error.message).toContain('has already ended (COMPLETED)'),
      );
      await expect
        .poll(
          async () =>
            (await api<{ exportJob: { status: string } }>(page, `query ($id: ID!) { exportJob(id: $id) { status } }`, { id: exportId })).exportJob.status,
        )
        .toMatch(/^(CANCELLED|COMPLETED)$/);
    }

    await page.goto(`/orgs/${orgId}/exports`);
    const list = page.getByRole('list', { name: 'Exports' });
    await expect(list.getByRole('listitem')).toHaveCount(20);
    await expect(list.getByRole('listitem').first()).toContainText('21 Jan 2026');
    await page.mouse.move(0, 0);
    await checkScreen(page, 'exports-many');
    await page.getByRole('button', { name: 'Show older exports' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(21);
    await expect(list.getByRole('listitem').last()).toContainText('1 Jan 2026');
    await expect(page.getByRole('button', { name: 'Show older exports' })).toHaveCount(0);
  });
});
