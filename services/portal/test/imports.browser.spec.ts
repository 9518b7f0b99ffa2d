import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

/** 50 people who can be imported, at +14156660100 to +14156660149. */
const GOOD_ROWS = Array.from(
  { length: 50 },
  (_, i) => `+1415666${String(100 + i).padStart(4, '0')},Imported Person ${String(i).padStart(2, '0')},Employee,Member`,
);
/** One bad phone, one missing name, one unknown network: rows 52 to 54 of the file (the header is row 1). */
const BAD_ROWS = ['12ab,Bad Phone,Employee,Member', '+14156660200,,Employee,Member', '+14156660201,Partner Pat,Partnerz,Member'];
const PEOPLE_CSV = ['Phone,Name,Network,Group role', ...GOOD_ROWS, ...BAD_ROWS].join('\r\n') + '\r\n';

async function createOrganizationWithGroup(page: Page): Promise<{ orgId: string; groupId: string }> {
  const org = await api<{ createOrganization: { organization: { id: string } } }>(
    page,
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name: 'Imports Test Co' } },
  );
  const orgId = org.createOrganization.organization.id;
  const group = await api<{ createGroup: { group: { id: string } } }>(
    page,
    `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
    {
      input: { name: 'Sales (East)', organizationId: orgId },
    },
  );
  return { orgId, groupId: group.createGroup.group.id };
}

/** A file dragged from the desktop and dropped on the zone, as the browser delivers it. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, content },
  );
  const zone = page.getByRole('group', { name: 'Drop zone for the CSV file' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test.describe('bulk upload', () => {
  test('downloads the template, dry-runs a file into a group, reads the failed rows, applies it and follows it to the end', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, uniquePhone(), 'Ines Importer');
    const { orgId, groupId } = await createOrganizationWithGroup(page);

    await page.goto(`/orgs/${orgId}/imports`);
    await expect(page.getByRole('heading', { name: 'Bulk upload', level: 1 })).toBeVisible();
    await expect(page.getByText('No uploads yet')).toBeVisible();

    // The template: its columns explained on the page, and the same header row in the file.
    const columns = page.getByRole('table', { name: 'Template columns' });
    await expect(columns.getByRole('row', { name: /Phone Required/ })).toBeVisible();
    await expect(columns.getByRole('row', { name: /Network Optional/ })).toBeVisible();
    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the template' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toBe('members-template.csv');
    expect(
      readFileSync(await template.path(), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0],
    ).toBe('Phone,Name,Network,Group role');

    // Into the directory and "Sales (East)"; numbers are international, so the country does not matter here.
    await page.getByRole('radio', { name: 'The directory, and groups' }).check();
    await page.getByRole('button', { name: 'Start the dry run' }).click();
    await expect(page.getByText('Choose at least one group, or import into the directory only.')).toBeVisible();
    await expect(page.getByText('Choose the CSV file to import first.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Groups' }).click();
    await page.getByRole('option', { name: 'Sales (East)' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByText('Choose at least one group, or import into the directory only.')).toBeHidden();

    await dropFile(page, 'people.csv', PEOPLE_CSV);
    await expect(page.getByText('Chosen: people.csv')).toBeVisible();
    await page.getByRole('button', { name: 'Start the dry run' }).click();

    // What the dry run found: counts, the failed rows with their reasons, and the report to download.
    const outcome = page.getByRole('status').filter({ hasText: 'can be imported' });
    await expect(outcome).toContainText('50 of 53 rows can be imported: 50 would be created, 0 would be updated, 0 unchanged. 3 rows would fail');
    await expect(page.getByRole('progressbar', { name: 'Dry run progress' })).toHaveAttribute('aria-valuenow', '100');
    const failed = page.getByRole('table', { name: 'First failed rows' });
    await expect(failed.getByRole('row')).toHaveCount(4);
    await expect(failed.getByRole('row', { name: /^52 .*12ab/ })).toBeVisible();
    await expect(failed.getByRole('row', { name: /^53 .*The name is missing\./ })).toBeVisible();
    await expect(failed.getByRole('row', { name: /^54 .*Network "Partnerz" is not known; use Employee or Other\./ })).toBeVisible();
    const reportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download error report', exact: true }).click();
    const report = await reportDownload;
    expect(report.suggestedFilename()).toBe('people-errors.csv');
    const reportLines = readFileSync(await report.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(reportLines[0]).toBe('Row,Phone,Name,Network,Group role,Reason');
    expect(reportLines).toHaveLength(4);
    expect(reportLines[1]).toMatch(/^52,12ab,Bad Phone,Employee,Member,/);
    // Cells a spreadsheet would run as a formula (here, numbers starting with +) are neutralised with an apostrophe.
    expect(reportLines[2]).toBe("53,'+14156660200,,Employee,Member,The name is missing.");
    expect(reportLines[3]).toBe('54,\'+14156660201,Partner Pat,Partnerz,Member,"Network ""Partnerz"" is not known; use Employee or Other."');
    await checkScreen(page, 'imports-dry-run');

    // Applied: the same file, uploaded again, followed on its own screen to the end.
    await page.getByRole('button', { name: 'Apply this file' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/imports/[0-9a-f-]{36}$`));
    await expect(page.getByRole('heading', { name: 'Import of people.csv', level: 1 })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByRole('status').filter({ hasText: 'were imported' })).toContainText(
      '50 of 53 rows were imported: 50 created, 0 updated, 0 unchanged. 3 rows failed',
    );
    await expect(page.getByRole('button', { name: /Cancel import/ })).toBeHidden();
    await expect(page.getByText('The directory and Sales (East)')).toBeVisible();
    await expect(page.getByRole('table', { name: 'First failed rows' }).getByRole('row')).toHaveCount(4);
    await checkScreen(page, 'import');
    const group = await api<{ group: { memberCount: number } }>(page, `query ($id: ID!) { group(id: $id) { memberCount } }`, { id: groupId });
    expect(group.group.memberCount).toBe(51);

    // The history: the import above the dry run, each linking to its screen.
    await page.getByRole('main').getByRole('link', { name: 'Bulk upload' }).click();
    const history = page.getByRole('table', { name: 'Upload history' });
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history.getByRole('row').nth(1)).toContainText('Import');
    await expect(history.getByRole('row').nth(1)).toContainText('Completed with errors');
    await expect(history.getByRole('row').nth(1)).toContainText('53 rows: 50 new, 0 updated, 0 unchanged, 3 failed');
    await expect(history.getByRole('row').nth(1)).toContainText('Ines Importer');
    await expect(history.getByRole('row').nth(2)).toContainText('Dry run');
    await expect(history.getByRole('button', { name: /Download error report of people\.csv/ })).toHaveCount(2);
    await checkScreen(page, 'imports');

    // The dry run's own screen leads to the import that applied it; after a reload the file is gone from the page.
    await history.getByRole('link', { name: 'people.csv' }).nth(1).click();
    await expect(page.getByRole('heading', { name: 'Dry run of people.csv', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'see the import' }).click();
    await expect(page.getByRole('heading', { name: 'Import of people.csv', level: 1 })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Dry run of people.csv', level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByText('This page no longer holds people.csv')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bulk upload screen' })).toBeVisible();

    await page.getByRole('link', { name: 'Bulk upload screen' }).click();
    // The reload below must find the new address: a busy machine can still be loading the screen when the click returns.
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/imports$`));
    await expect(page.getByRole('heading', { name: 'Bulk upload', level: 1 })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    // A phone opens the screen at its width (a resize would catch the navigation sliding away mid-animation).
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Bulk upload', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Upload history' }).getByRole('row')).toHaveCount(3);
    await checkScreen(page, 'imports-390');
    // Wide tables scroll inside their own boxes; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('says beside the drop zone why a file cannot be read', async ({ page }) => {
    await signIn(page, uniquePhone(), 'Uma Unreadable');
    const { orgId } = await createOrganizationWithGroup(page);
    await page.goto(`/orgs/${orgId}/imports`);
    await expect(page.getByRole('heading', { name: 'Bulk upload', level: 1 })).toBeVisible();

    // A spreadsheet saved in its own format is refused before anything is sent.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file' }).click();
    await (
      await chooser
    ).setFiles({ name: 'people.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from([0x50, 0x4b, 3, 4]) });
    await expect(page.getByRole('alert').filter({ hasText: 'people.xlsx is not a CSV file' })).toBeVisible();

    // A CSV without a phone column is refused by the service as it arrives, in its own words.
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file' }).click();
    await (await again).setFiles({ name: 'emails.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email\r\nAsha,asha@example.com\r\n') });
    await expect(page.getByText('Chosen: emails.csv')).toBeVisible();
    await page.getByRole('button', { name: 'Start the dry run' }).click();
    const reason = page.getByRole('alert').filter({ hasText: 'This file cannot be imported' });
    await expect(reason).toContainText('The header has no phone column (found: "Name", "Email"); name one column "Phone".');

    // Binary bytes named .csv: the service says it is not text.
    const binary = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await (await binary).setFiles({ name: 'scan.csv', mimeType: 'text/csv', buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7) % 256)) });
    await page.getByRole('button', { name: 'Start the dry run' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This file cannot be imported' })).toContainText('The file is not a text CSV file (it looks binary');

    // Both failed dry runs are in the history, with what became of them.
    await page.reload();
    const history = page.getByRole('table', { name: 'Upload history' });
    await expect(history.getByRole('row').filter({ hasText: 'emails.csv' })).toContainText('Failed');
    await history.getByRole('link', { name: 'emails.csv' }).click();
    await expect(page.getByRole('heading', { name: 'Dry run of emails.csv', level: 1 })).toBeVisible();
    await expect(page.getByText('The dry run stopped: The header has no phone column')).toBeVisible();
  });

  test('cancels an import that is still waiting, after saying what stays', async ({ page }) => {
    await signIn(page, uniquePhone(), 'Cai Canceller');
    const { orgId } = await createOrganizationWithGroup(page);
    // Started, but its file never sent: it waits until cancelled.
    const started = await api<{ startImport: { import: { id: string } } }>(
      page,
      `mutation ($input: StartImportInput!) { startImport(input: $input) { import { id } } }`,
      { input: { organizationId: orgId, mode: 'APPLY', defaultCountry: 'IN', existingUsers: 'SKIP' } },
    );
    await page.goto(`/orgs/${orgId}/imports/${started.startImport.import.id}`);
    await expect(page.getByRole('heading', { name: 'Import of a file', level: 1 })).toBeVisible();
    await expect(page.getByText('Waiting for the file')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this import?' });
    await expect(dialog).toContainText('People already created or updated stay in the directory and groups');
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toContainText('The import was cancelled after 0 rows');
    await expect(page.getByRole('button', { name: 'Cancel import' })).toBeHidden();
  });
});
