import { readFileSync } from 'node:fs';
import { api, checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

const AUDIT_COUNT = `query ($id: ID!) { organization(id: $id) { auditLog(first: 200) { edges { cursor } } } }`;

test.describe('audit log', () => {
  test("shows what the organisation's admins did, filters it, downloads it and checks its chain", async ({ page }) => {
    await signIn(page, uniquePhone(), 'Audra Auditor');
    const org = await api<{ createOrganization: { organization: { id: string } } }>(
      page,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Audit Trail Co' } },
    );
    const orgId = org.createOrganization.organization.id;
    await api(page, `mutation ($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { id } } }`, {
      input: { organizationId: orgId, name: 'Audit Trail Company' },
    });
    await api(page, `mutation ($input: RegisterConnectorInput!) { registerConnector(input: $input) { clientSecret } }`, {
      input: { organizationId: orgId, name: 'Payroll feed', permissions: ['ORGANIZATION_DATA'] },
    });
    // Entries reach the log through the event stream: wait for all three before opening the screen.
    await expect
      .poll(
        async () => (await api<{ organization: { auditLog: { edges: unknown[] } } }>(page, AUDIT_COUNT, { id: orgId })).organization.auditLog.edges.length,
        {
          timeout: 30_000,
        },
      )
      .toBe(3);

    await page.goto(`/orgs/${orgId}/groups`);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Audit log' });
    await expect(table.getByRole('row')).toHaveCount(4);
    const renamed = table.getByRole('row').filter({ hasText: 'Renamed the organisation' });
    await expect(renamed).toContainText('Audra Auditor');
    await expect(renamed).toContainText('name: Audit Trail Co → Audit Trail Company');
    await expect(table.getByRole('row').filter({ hasText: 'Registered a connector' })).toContainText('connector: Payroll feed');
    // The pointer left on the menu's link would be checked in its hover colours.
    await page.mouse.move(0, 0);
    await checkScreen(page, 'audit-log');
    // On a phone the table scrolls sideways inside its region; the page itself does not.
    await page.setViewportSize({ width: 390, height: 844 });
    // Opened at phone width, as a phone would (a resize would catch the menu folding away mid-transition).
    await page.reload();
    await expect(table.getByRole('row').filter({ hasText: 'Renamed the organisation' })).toBeVisible();
    await checkScreen(page, 'audit-log-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });

    // One area of actions.
    await page.getByRole('combobox', { name: 'Actions' }).click();
    await page.getByRole('option', { name: 'Connectors' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('Registered a connector');

    // An empty span of days: the service's own words, beside the field.
    await page.getByRole('textbox', { name: 'From' }).fill('2026-12-10');
    await page.getByRole('textbox', { name: 'To' }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('The time range is empty: from must be before to.')).toBeVisible();
    await page.getByRole('textbox', { name: 'From' }).fill('');
    await page.getByRole('textbox', { name: 'To' }).fill('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);

    // The file holds what the filter selects.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('audit-log.csv');
    const lines = readFileSync(await file.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^sequence,occurred_at,action,/);
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['connector.registered']);

    await page.getByRole('button', { name: 'Check integrity' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The log is intact' })).toContainText('All 3 entries are as they were recorded.');
  });
});
