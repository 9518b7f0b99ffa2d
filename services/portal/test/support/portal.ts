import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..', '..', '..');
export const SCREENSHOTS_DIR = join(REPO, 'tmp', 'portal-screenshots');

export function portalUrl(): string {
  const url = process.env.PORTAL_URL;
  if (!url) throw new Error('PORTAL_URL is not set: the browser tests start the stack in their global setup (playwright.config.ts).');
  return url;
}

let phoneCounter = 0;
/** Where this worker's numbers start in its block: another run against the same stack starts elsewhere. */
const RUN_OFFSET = (Math.floor(Date.now() / 1000) % 90) * 1_000;
/**
 * A number no other test of this run uses: each worker counts through a block of 100,000 numbers of its own
 * (+1 415 8xx xxxx, a range no fixture of the tests writes), so two calls never meet.
 */
export function uniquePhone(): string {
  phoneCounter++;
  const worker = Number(process.env.TEST_WORKER_INDEX ?? 0);
  return `+1415${8_000_000 + (worker % 10) * 100_000 + ((RUN_OFFSET + phoneCounter) % 100_000)}`;
}

/** The code identity's development SMS sink holds for a number: what a person reads at the link the page shows. */
export async function readDevCode(page: Page, phone: string): Promise<string> {
  const res = await page.request.get(`${portalUrl()}/dev/sms?phone=${encodeURIComponent(phone)}`);
  expect(res.ok(), `the development SMS sink answered ${res.status()}`).toBeTruthy();
  const body = (await res.json()) as { body: string };
  const code = /(\d{6})/.exec(body.body)?.[1];
  if (!code) throw new Error(`no code in the development SMS sink's message: ${body.body}`);
  return code;
}

/** Signs in through the sign-in screen as a person would, reading the code where the page says it is. */
export async function signIn(page: Page, phone: string, displayName: string, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Mobile number').fill(phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('link', { name: 'the development SMS sink' })).toBeVisible();
  await page.getByLabel('Code').fill(await readDevCode(page, phone));
  await page.getByLabel('Your name').fill(displayName);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeHidden();
}

/** The page's access token, for seeding data through the API where the browser would take too long. */
export async function accessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('kz.session') ?? 'null') as { accessToken?: string } | null)?.accessToken);
  if (!token) throw new Error('the page has no session');
  return token;
}

/** A GraphQL call through the gateway with a token, for setting up data a test is not about. */
/** A GraphQL call as the page's signed-in person, or with another bearer token (a connector's). */
export async function api<T = Record<string, unknown>>(page: Page, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await page.request.post(`${portalUrl()}/graphql`, {
    headers: { authorization: `Bearer ${token ?? (await accessToken(page))}`, 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** axe-core over the whole page with the WCAG 2.2 AA rules; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('\n    ')}`,
    )
    .join('\n');
  expect(blocking, `accessibility violations on ${label}:\n${summary}`).toEqual([]);
}

/** A full-page screenshot under tmp/portal-screenshots, named after the screen. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Every screen test ends the same way: what a person sees is saved, and it passes the accessibility scan. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await screenshot(page, name);
  await expectAccessible(page, name);
}

export const test = base;
export { expect };
