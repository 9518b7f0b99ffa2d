import { checkScreen, expect, signIn, test, uniquePhone } from './support/portal';

test.describe('sign-in', () => {
  test('explains a malformed number beside the field, then signs in with the code and lands on the organisations', async ({ page }) => {
    await page.goto('/groups-that-need-a-session');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel('Mobile number').fill('12345');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByText('Start with + and your country code')).toBeVisible();
    await checkScreen(page, 'sign-in');

    const phone = uniquePhone();
    await signIn(page, phone, 'Asha Admin', '/sign-in');
    await expect(page.getByRole('heading', { name: 'Your organisations' })).toBeVisible();
    await expect(page.getByText('You do not belong to an organisation yet')).toBeVisible();
    await checkScreen(page, 'home-no-organisation');
  });

  test("refuses a wrong code with the server's words beside the form", async ({ page }) => {
    const phone = uniquePhone();
    await page.goto('/sign-in');
    await page.getByLabel('Mobile number').fill(phone);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('renews a refused access token with the refresh token and carries on, without the person noticing', async ({ page }) => {
    await signIn(page, uniquePhone(), 'Rita Renewal');
    await expect(page.getByRole('heading', { name: 'Your organisations' })).toBeVisible();
    // A token the server no longer accepts (as after a signing-key rotation): the next request is refused with 401.
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('kz.session')!) as { accessToken: string };
      localStorage.setItem('kz.session', JSON.stringify({ ...stored, accessToken: `${stored.accessToken.slice(0, -4)}AAAA` }));
    });
    const renewed = page.waitForResponse(async (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('refreshSession'));
    await page.reload();
    await renewed;
    await expect(page.getByRole('heading', { name: 'Your organisations' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Account: Rita Renewal/ })).toBeVisible();
  });

  test('signs out, and the session is gone', async ({ page }) => {
    await signIn(page, uniquePhone(), 'Sam Signout');
    await page.getByRole('button', { name: /Account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
