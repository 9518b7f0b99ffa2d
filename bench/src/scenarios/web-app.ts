import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { eventually, mustQuery } from '@kz/stack';
import { median, round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';

/**
 * The web app in headless Chromium (Debian's, as the browser tests use it) against the stack: the sign-in
 * screen's JavaScript, how soon the groups screen is usable after signing in, how soon the members table of a
 * large group shows its rows after a scroll or a search, and how a 100,000-row bulk upload's progress is shown.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ADMIN_PHONE = '+14155559200';
const SIGN_IN_JS_TARGET_KB = 250;
const GROUPS_INTERACTIVE_TARGET_MS = 1_000;
const MEMBERS_ROWS_TARGET_MS = 150;
const PROGRESS_GAP_TARGET_MS = 1_000;
const END_SHOWN_TARGET_MS = 1_000;
const FULL_MEMBERS = 1_000_000;
const FULL_UPLOAD_ROWS = 100_000;
/** +1 415 8xxxxxx: a range no other scenario uses (large-group has 2xxxxxx, the subscribers 30xxxxx, fan-out 7xxxxxx). */
const memberPhone = (i: number) => `+14158${String(i).padStart(6, '0')}`;
const memberName = (i: number) => `Webapp Member ${String(i).padStart(7, '0')}`;

interface Sizes {
  members: number;
  signIns: number;
  scrolls: number;
  searches: number;
  uploadRows: number;
}

function sizesFor(ctx: ScenarioContext): Sizes {
  const smoke = ctx.settings.smoke;
  return {
    members: ctx.settings.members ?? (smoke ? 2_000 : FULL_MEMBERS),
    signIns: smoke ? 2 : 7,
    scrolls: smoke ? 10 : 150,
    searches: smoke ? 5 : 50,
    uploadRows: smoke ? 2_000 : FULL_UPLOAD_ROWS,
  };
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? NaN;
}

async function devCode(identityUrl: string, phone: string): Promise<string> {
  const res = await fetch(`${identityUrl}/dev/sms?phone=${encodeURIComponent(phone)}`);
  const body = (await res.json()) as { body: string };
  return /(\d{6})/.exec(body.body)![1]!;
}

/** When an access token (a JWT) expires, in epoch ms; a day from now when it cannot be read. */
function tokenExpiresAt(token: string): number {
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp?: number }).exp;
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // not a JWT: fall through
  }
  return Date.now() + 86_400_000;
}

/**
 * A context already signed in as `tokens` (the app keeps its session in localStorage), with the token's real expiry,
 * so that a page open longer than the token lives renews it as a person's would.
 */
export async function signedInContext(browser: Browser, tokens: { token: string; refreshToken?: string; userId: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const session = JSON.stringify({
    accessToken: tokens.token,
    refreshToken: tokens.refreshToken ?? '',
    expiresAt: tokenExpiresAt(tokens.token),
    userId: tokens.userId,
  });
  // Only into a fresh context: a later navigation keeps the session the app has renewed since (refresh tokens rotate).
  await context.addInitScript((value) => {
    if (localStorage.getItem('kz.session') === null) localStorage.setItem('kz.session', value);
  }, session);
  return context;
}

/** Gzip size of every script the sign-in screen loads, as the build serves them. */
async function signInScriptKb(browser: Browser, origin: string): Promise<{ kb: number; files: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((b) => gzipSync(b, { level: 9 }).length));
  });
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('button', { name: 'Send code' }).waitFor();
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(scripts);
  await context.close();
  return { kb: sizes.reduce((a, b) => a + b, 0) / 1024, files: sizes.length };
}

/** From pressing "Sign in" until the groups screen shows its groups and its main action can be used. */
async function groupsInteractiveMs(browser: Browser, origin: string, identityUrl: string, phone: string, orgId: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/sign-in?next=${encodeURIComponent(`/orgs/${orgId}/groups`)}`);
  await page.getByLabel('Mobile number').fill(phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('Code').waitFor();
  await page.getByLabel('Code').fill(await devCode(identityUrl, phone));
  const started = performance.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Bench group 01', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Create group' }).waitFor({ state: 'visible' });
  const ms = performance.now() - started;
  await context.close();
  return ms;
}

declare global {
  interface Window {
    /** Installed by watchRowsShown: resolves with ms from `start` to the first frame whose rows in view are the answer. */
    kzRowsShown?: (start: number, firstRowName: string | null) => Promise<number>;
    kzSearchAnswered?: Promise<number>;
  }
}

/**
 * Installs, in the page, a check run at every animation frame (the frame that paints what the DOM holds): the
 * members table is settled (nothing around it or in it is aria-busy), every row in view has a member (no "Loading more
 * members…"), and, for a search, its first row is the expected member. Everything is timed on the page's clock, so
 * Playwright's round trips to the browser are not part of a figure.
 */
async function watchRowsShown(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.kzRowsShown = (start, firstRowName) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + 10_000;
        const check = () => {
          const table = document.querySelector('[role="table"][aria-label]');
          const rows = [...(table?.querySelectorAll('[role="rowgroup"]:last-child > [role="row"]') ?? [])];
          const box = table?.getBoundingClientRect();
          const inView = rows.filter((row) => {
            const r = row.getBoundingClientRect();
            return box && r.bottom > box.top && r.top < box.bottom;
          });
          const settled = table && !table.closest('[aria-busy="true"]');
          const filled =
            inView.length > 0 && inView.every((row) => !(row.textContent ?? '').includes('Loading more members') && (row.textContent ?? '').trim() !== '');
          const answers = firstRowName === null || (rows[0]?.textContent ?? '').includes(firstRowName);
          if (settled && filled && answers) return resolve(performance.now() - start);
          if (performance.now() > deadline) {
            const first = rows[0]?.textContent ?? '(no row)';
            return reject(new Error(`rows not shown within 10 s (${inView.length} rows in view, settled ${Boolean(settled)}, first row "${first}")`));
          }
          requestAnimationFrame(check);
        };
        // Not before the next frame: what the DOM holds now is on screen only once a frame paints it.
        requestAnimationFrame(check);
      });
  });
}

async function membersTable(browser: Browser, origin: string, admin: { token: string; userId: string }, orgId: string, groupId: string, sizes: Sizes) {
  const context = await signedInContext(browser, admin);
  const page = await context.newPage();
  await page.goto(`${origin}/orgs/${orgId}/groups/${groupId}/members`);
  await page.getByRole('table').waitFor();
  await watchRowsShown(page);
  await page.evaluate(() => window.kzRowsShown!(performance.now(), null));
  const scrolls: number[] = [];
  const searches: number[] = [];
  /** The same searches timed from Node: from before Playwright types the term until the page's answer came back. */
  const searchesWithRoundTrips: number[] = [];
  // Scrolls of one to three screens down, as a person flicks through a long list.
  for (let i = 0; i < sizes.scrolls; i++) {
    const ms = await page.evaluate(
      (screens) => {
        const table = document.querySelector('[role="table"][aria-label]') as HTMLElement;
        const start = performance.now();
        table.scrollTop += table.clientHeight * screens;
        return window.kzRowsShown!(start, null);
      },
      1 + (i % 3),
    );
    scrolls.push(ms);
  }
  // Searches by a name prefix and by a phone prefix, each typed into a cleared field; timed from the input event.
  const search = page.getByLabel('Search members');
  for (let i = 0; i < sizes.searches; i++) {
    const n = Math.floor(((i * 7919) % sizes.members) / 10) * 10;
    const term = i % 2 === 0 ? memberName(n).slice(0, -1) : memberPhone(n).slice(0, -1);
    await search.fill('');
    await page.evaluate(() => window.kzRowsShown!(performance.now(), null));
    await page.waitForTimeout(200);
    // Members n … n + 9 match either prefix, and member n comes first in name order and in phone order.
    await page.evaluate((firstRowName) => {
      window.kzSearchAnswered = new Promise<number>((resolve, reject) => {
        document.addEventListener('input', () => window.kzRowsShown!(performance.now(), firstRowName).then(resolve, reject), { capture: true, once: true });
      });
    }, memberName(n));
    const typed = performance.now();
    await search.fill(term);
    const ms = await page
      .evaluate(() => window.kzSearchAnswered!)
      .catch((err: Error) => {
        throw new Error(`the members table did not answer the search "${term}": ${err.message}`);
      });
    searchesWithRoundTrips.push(performance.now() - typed);
    searches.push(ms);
  }
  await context.close();
  return { scrolls, searches, searchesWithRoundTrips };
}

async function writeUploadCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let buffer = 'Phone,Name,Network,Group role\n';
  for (let i = 0; i < rows; i++) {
    buffer += `+14154${String(i).padStart(6, '0')},Upload Person ${i},${i % 10 === 0 ? 'Other' : 'Employee'},Member\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Uploads through the Bulk upload screen, applies it, and watches the import's progress bar to the end. */
async function bulkUpload(browser: Browser, origin: string, gateway: string, admin: { token: string; userId: string }, orgId: string, rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kz-bench-webapp-'));
  try {
    const file = join(dir, `people-${rows}.csv`);
    await writeUploadCsv(file, rows);
    const context = await signedInContext(browser, admin);
    const page = await context.newPage();
    await page.goto(`${origin}/orgs/${orgId}/imports`);
    await page.getByRole('button', { name: 'Choose a CSV file' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file' }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('button', { name: 'Start the dry run' }).click();
    await page.getByRole('button', { name: 'Apply this file' }).waitFor({ timeout: 600_000 });
    await page.getByRole('button', { name: 'Apply this file' }).click();
    await page.waitForURL(/\/imports\/[^/]+$/);
    const importId = page.url().split('/').pop()!;
    // Every change of the bar, on the page's clock, until the page says the import is over.
    const updates = await page.evaluate(
      () =>
        new Promise<{ changes: number[]; endShown: number }>((resolve) => {
          const changes: number[] = [];
          let last: string | null = null;
          const tick = () => {
            const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
            const now = bar?.getAttribute('aria-valuenow') ?? null;
            if (now !== last) {
              last = now;
              changes.push(Date.now());
            }
            // Finished: full, and no longer striped (the bar stripes while the import runs).
            if (now === '100' && bar && !bar.hasAttribute('data-striped')) return resolve({ changes, endShown: Date.now() });
            requestAnimationFrame(tick);
          };
          tick();
        }),
    );
    const job = await mustQuery(
      gateway,
      `query($id: ID!) { importJob(id: $id) { status finishedAt counts { processed failed } } }`,
      { id: importId },
      admin.token,
    );
    const finishedAt = Date.parse(job.importJob.finishedAt as string);
    await context.close();
    const gaps = updates.changes.slice(1).map((t, i) => t - updates.changes[i]!);
    return {
      status: job.importJob.status as string,
      updates: updates.changes.length,
      maxGapMs: Math.max(0, ...gaps),
      endShownAfterMs: updates.endShown - finishedAt,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seedMembers(gateway: string, token: string, orgId: string, groupId: string, members: number, log: (m: string) => void): Promise<void> {
  const started = performance.now();
  for (let from = 0; from < members; from += 5_000) {
    const people = Array.from({ length: Math.min(5_000, members - from) }, (_, k) => ({ phone: memberPhone(from + k), displayName: memberName(from + k) }));
    const imported = await mustQuery(
      gateway,
      `mutation($input: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $input) { receipt } }`,
      { input: { organizationId: orgId, members: people } },
      token,
    );
    await mustQuery(
      gateway,
      `mutation($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { group { id } } }`,
      { input: { groupId, directoryReceipt: imported.importDirectoryMembers.receipt, members: people.map((p) => ({ phone: p.phone })) } },
      token,
    );
    if ((from / 5_000) % 20 === 19) log(`setup: ${(from + 5_000).toLocaleString('en')} members in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // Names reach the groups service's search from identity's events: wait until the first and the last person added
  // can be found by name, so the searches below measure the table, not the events still on their way.
  for (const i of [0, members - 1]) {
    await eventually(
      `"${memberName(i)}" found by name in the group`,
      async () => {
        const found = await mustQuery(
          gateway,
          `query($id: ID!, $s: String!) { group(id: $id) { members(first: 1, search: $s) { edges { cursor } } } }`,
          { id: groupId, s: memberName(i) },
          token,
        );
        if (found.group.members.edges.length === 0) throw new Error('not yet');
      },
      300_000,
      500,
    );
  }
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack } = ctx;
  const sizes = sizesFor(ctx);
  await stack.ensureGateways(['ours']);
  const gateway = stack.gateway('ours').url;
  const origin = new URL(gateway).origin;
  const problems: string[] = [];

  const admin = await stack.signIn(ADMIN_PHONE, 'Web App Bench Admin');
  const org = await mustQuery(gateway, `mutation { createOrganization(input: { name: "Web app bench" }) { organization { id } } }`, {}, admin.token);
  const orgId = org.createOrganization.organization.id as string;
  // A realistic tree: 30 groups, every third with two sub-groups.
  let bigGroupId = '';
  for (let i = 1; i <= 30; i++) {
    const name = `Bench group ${String(i).padStart(2, '0')}`;
    const created = await mustQuery(
      gateway,
      `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      { input: { name, organizationId: orgId } },
      admin.token,
    );
    const id = created.createGroup.group.id as string;
    if (i === 1) bigGroupId = id;
    if (i % 3 === 0) {
      for (const sub of ['North', 'South']) {
        await mustQuery(
          gateway,
          `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
          { input: { name: `${name} – ${sub}`, parentId: id } },
          admin.token,
        );
      }
    }
  }
  // One admin per timed sign-in: identity lets a number ask for another code only after a pause.
  const admins = Array.from({ length: sizes.signIns }, (_, i) => `+1415555930${i}`);
  for (const phone of admins) {
    const added = await mustQuery(
      gateway,
      `mutation($input: AddDirectoryMemberInput!) { addDirectoryMember(input: $input) { member { user { id } } } }`,
      { input: { organizationId: orgId, phone, displayName: `Bench Admin ${phone.slice(-1)}` } },
      admin.token,
    );
    await mustQuery(
      gateway,
      `mutation($input: SetOrganizationRoleInput!) { setOrganizationRole(input: $input) { member { role } } }`,
      { input: { organizationId: orgId, userId: added.addDirectoryMember.member.user.id, role: 'ADMIN' } },
      admin.token,
    );
  }
  ctx.log(`setup (not timed): ${sizes.members.toLocaleString('en')} people into the directory and "Bench group 01"`);
  await seedMembers(gateway, admin.token, orgId, bigGroupId, sizes.members, ctx.log);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const js = await signInScriptKb(browser, origin);
    const interactive: number[] = [];
    for (const [i, phone] of admins.entries()) {
      // The first sign-in warms the server's caches and the browser's; it is not counted.
      const ms = await groupsInteractiveMs(browser, origin, stack.identityUrl, phone, orgId);
      if (i > 0) interactive.push(ms);
    }
    const table = await membersTable(browser, origin, admin, orgId, bigGroupId, sizes);
    const upload = await bulkUpload(browser, origin, gateway, admin, orgId, sizes.uploadRows);
    if (upload.status !== 'COMPLETED' && upload.status !== 'COMPLETED_WITH_ERRORS') problems.push(`the bulk upload ended ${upload.status}`);

    const judged = !ctx.settings.smoke;
    const all = [...table.scrolls, ...table.searches];
    const full = sizes.members >= FULL_MEMBERS;
    const targets: Target[] = [
      {
        what: 'sign-in screen JavaScript, KB gzip',
        target: `≤ ${SIGN_IN_JS_TARGET_KB}`,
        value: round(js.kb, 1),
        met: judged ? js.kb <= SIGN_IN_JS_TARGET_KB : null,
      },
      {
        what: 'groups screen interactive after sign-in, ms (median)',
        target: `≤ ${GROUPS_INTERACTIVE_TARGET_MS}`,
        value: round(median(interactive), 0),
        met: judged ? median(interactive) <= GROUPS_INTERACTIVE_TARGET_MS : null,
      },
      {
        what: `members table of ${sizes.members.toLocaleString('en')}: rows shown after a scroll or search, ms (p99 of ${all.length})`,
        target: `≤ ${MEMBERS_ROWS_TARGET_MS}`,
        value: round(p99(all), 1),
        met: judged && full ? p99(all) <= MEMBERS_ROWS_TARGET_MS : null,
        ...(judged && !full ? { notJudged: `the target is for 1,000,000 members; this run had ${sizes.members.toLocaleString('en')}` } : {}),
      },
      {
        what: `bulk upload of ${sizes.uploadRows.toLocaleString('en')} rows: longest gap between progress updates, ms`,
        target: `≤ ${PROGRESS_GAP_TARGET_MS}`,
        value: upload.maxGapMs,
        met: judged ? upload.maxGapMs <= PROGRESS_GAP_TARGET_MS : null,
      },
      {
        what: 'bulk upload: end shown after the import finished, ms',
        target: `≤ ${END_SHOWN_TARGET_MS}`,
        value: upload.endShownAfterMs,
        met: judged ? upload.endShownAfterMs <= END_SHOWN_TARGET_MS : null,
      },
    ];
    return {
      name: 'web-app',
      ok: problems.length === 0,
      problems,
      table: [
        ['measure', 'median', 'p99', 'n'],
        ['sign-in screen JS (KB gzip)', String(round(js.kb, 1)), '', String(js.files)],
        [
          'groups interactive after sign-in (ms)',
          String(round(median(interactive), 0)),
          String(round(Math.max(...interactive), 0)),
          String(interactive.length),
        ],
        ['members: rows after a scroll (ms)', String(round(median(table.scrolls), 1)), String(round(p99(table.scrolls), 1)), String(table.scrolls.length)],
        ['members: rows after a search (ms)', String(round(median(table.searches), 1)), String(round(p99(table.searches), 1)), String(table.searches.length)],
        [
          '(diagnostic) a search timed from Node, with Playwright round trips (ms)',
          String(round(median(table.searchesWithRoundTrips), 1)),
          String(round(p99(table.searchesWithRoundTrips), 1)),
          String(table.searchesWithRoundTrips.length),
        ],
        ['upload: progress updates / longest gap (ms)', String(upload.updates), String(upload.maxGapMs), ''],
        ['upload: end shown after finish (ms)', String(upload.endShownAfterMs), '', ''],
      ],
      notes: [
        `headless Debian Chromium at 1280×800; ${sizes.members.toLocaleString('en')} members in the large group; the first sign-in is a warm-up`,
        "members table: timed on the page's clock, from the scroll or the search field's input event to the first animation frame whose rows in view are all " +
          'filled, settled (not aria-busy) and, for a search, start with the first matching member',
      ],
      targets,
      details: { js, interactive, scrolls: table.scrolls, searches: table.searches, searchesWithRoundTrips: table.searchesWithRoundTrips, upload },
    };
  } finally {
    await browser.close();
  }
}

export const webApp: Scenario = {
  name: 'web-app',
  description: "the web app in headless Chromium: sign-in JS, groups screen after sign-in, a large group's members table, a bulk upload's progress",
  run,
};
