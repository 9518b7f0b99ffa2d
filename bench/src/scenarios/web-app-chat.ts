import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { eventually, mustQuery } from '@kz/stack';
import { round, roundStats, stats, type RunSettings, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import { seedMessages } from '../seed-messages';
import { addMembers, connectDb, CREATE_GROUP, SEND, signInMany, subscriberPhone, waitKnownToGroups, waitMembersInMessaging, type Person } from '../subscribers';
import { CHROMIUM, CHROMIUM_ARGS, signedInContext } from './web-app';

/**
 * The web chat (/chat) in headless Chromium against the stack, in four parts that can be run on their own
 * (--chat-parts): opening a group of a million messages, scrolling back through its history, a message sent in one
 * browser shown in another's open conversation, and a tab following 50 groups for ten minutes of traffic.
 * Everything on screen is timed on the pages' own clocks, so Playwright's round trips are not part of a figure.
 */

export const CHAT_PARTS = ['open', 'scroll', 'send', 'soak'] as const;
export type ChatPart = (typeof CHAT_PARTS)[number];

const OPEN_TARGET_MS = 300;
const BLANK_TARGET_MS = 200;
const SEND_P50_TARGET_MS = 50;
const SEND_P99_TARGET_MS = 150;
const HEAP_GROWTH_TARGET_MB = 20;
const FULL = { messages: 1_000_000, opens: 20, scrollBack: 2_000, sends: 500, soakSeconds: 600, soakRate: 20, soakGroups: 50 };
const SMOKE = { messages: 2_000, opens: 3, scrollBack: 200, sends: 20, soakSeconds: 10, soakRate: 20, soakGroups: 50 };
/** Seeded message i was sent at BASE + i × SPACING ms: a million of them span 28 hours, so the history has date lines. */
const SPACING_MS = 100;
/**
 * A person reading back fast: flicks of the wheel, each 5 notches of 120 px 16 ms apart, then 150 ms before the
 * next (about 2,500 px/s, some 40 one-line messages a second, when the page keeps up).
 */
const FLICK = { notches: 5, notchPx: 120, notchGapMs: 16, pauseMs: 150 };
const SEND_WARMUP = 3;
/** +1 415 309 92xx: beside history's 99,00x, far from the subscriber scenarios' numbers. */
const OWNER_PHONE = subscriberPhone(99_201);
const READER_PHONE = subscriberPhone(99_202);
const SOAK_READER_PHONE = subscriberPhone(99_203);
const OWNER_NAME = 'Chat Bench Owner';
const LONG_GROUP = 'Chat bench – long history';
const PAIR_GROUP = 'Chat bench – two people';
const soakGroupName = (i: number) => `Chat bench soak ${String(i + 1).padStart(3, '0')}`;
const MB = 1_000_000;

export interface ChatSizes {
  messages: number;
  opens: number;
  scrollBack: number;
  sends: number;
  soakSeconds: number;
  soakRate: number;
  soakGroups: number;
  parts: readonly ChatPart[];
}

export function chatSizes(settings: RunSettings): ChatSizes {
  const d = settings.smoke ? SMOKE : FULL;
  const messages = settings.chatMessages ?? d.messages;
  return {
    messages,
    opens: settings.chatOpens ?? d.opens,
    // The history has to reach that far back, past the first page.
    scrollBack: Math.min(settings.chatScrollBack ?? d.scrollBack, messages - 1),
    sends: settings.chatSends ?? d.sends,
    soakSeconds: settings.chatSoakSeconds ?? d.soakSeconds,
    soakRate: settings.chatSoakRate ?? d.soakRate,
    soakGroups: settings.chatSoakGroups ?? d.soakGroups,
    parts: settings.chatParts ?? CHAT_PARTS,
  };
}

/** Each run of consecutive frames with `on`: when it began and how long it lasted (to the next frame without, or `end`). */
export function runsOf(frames: readonly { t: number; on: boolean }[], end: number): { at: number; ms: number }[] {
  const runs: { at: number; ms: number }[] = [];
  let since: number | null = null;
  for (const f of frames) {
    if (f.on && since === null) since = f.t;
    if (!f.on && since !== null) {
      runs.push({ at: since, ms: f.t - since });
      since = null;
    }
  }
  if (since !== null) runs.push({ at: since, ms: end - since });
  return runs;
}

/** The longest gap between consecutive frames. */
export function longestGap(times: readonly number[]): number {
  let gap = 0;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i]! - times[i - 1]!);
  return gap;
}

declare global {
  interface Window {
    /** Installed before a click on a group's link: ms from the click to the first frame showing the newest message in view. */
    kzOpenPainted?: Promise<number>;
    kzScroll?: { frames: number[]; stop: boolean; firstWheelAt: number; reachedAt: number };
    /** Sender's page: Date.now() at the Enter keydown that sent "[send i]", by i. */
    kzSent?: Record<string, number>;
    /** Receiver's page: Date.now() at the first animation frame after "[send i]" entered the page, by i. */
    kzShown?: Record<string, number>;
    /** Sender's page: Date.now() when the request carrying "[send i]" left and when its answer came. */
    kzFetch?: Record<string, { start: number; end?: number }>;
    /** Receiver's page: Date.now() when the first WebSocket frame carrying "[send i]" arrived. */
    kzFrame?: Record<string, number>;
  }
}

/**
 * An init script for part 3's pages, run before the app's own scripts: notes when the request carrying "[send i]"
 * leaves and is answered (fetch), and when the first WebSocket frame carrying it arrives (a listener added before
 * graphql-ws's own), so that send → shown splits into the sender's page, the servers and the receiver's page.
 */
function installSendTaps(): void {
  const key = (text: unknown) => (typeof text === 'string' ? /\[send (\d+)\]/.exec(text)?.[1] : undefined);
  const fetches: Record<string, { start: number; end?: number }> = {};
  const frames: Record<string, number> = {};
  window.kzFetch = fetches;
  window.kzFrame = frames;
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const k = key(init?.body);
    if (k === undefined || k in fetches) return fetch(input, init);
    const entry: { start: number; end?: number } = { start: Date.now() };
    fetches[k] = entry;
    return fetch(input, init).then((res) => {
      entry.end = Date.now();
      return res;
    });
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (e: MessageEvent) => {
        const k = key(e.data);
        if (k !== undefined && !(k in frames)) frames[k] = Date.now();
      });
    }
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const groupLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Your groups' }).getByRole('link').filter({ hasText: name });

/**
 * Part 1: from the click on the group's link in "Your groups" (the click event's time) to the first animation frame
 * in which the group's newest message is in the messages scroller's view. Back to /chat between opens by the header's
 * link, as a person would; the first open (which also loads the conversation screen's code) is a warm-up.
 */
async function timeOpens(page: Page, origin: string, group: { name: string; newestId: string }, opens: number): Promise<number[]> {
  await page.goto(`${origin}/chat`);
  const link = groupLink(page, group.name);
  await link.waitFor();
  const times: number[] = [];
  for (let i = 0; i <= opens; i++) {
    if (i > 0) {
      await page.getByRole('link', { name: 'Work chat, your groups' }).click();
      await page.getByRole('heading', { name: 'Your conversations' }).waitFor();
      await page.waitForTimeout(300);
    }
    await page.evaluate((newestId) => {
      window.kzOpenPainted = new Promise<number>((resolve, reject) => {
        document.addEventListener(
          'click',
          (event) => {
            const now = performance.now();
            // The event's own time, when the browser gives a sensible one; else the moment it reached the page.
            const start = event.timeStamp > 0 && event.timeStamp <= now && now - event.timeStamp < 1_000 ? event.timeStamp : now;
            const deadline = now + 15_000;
            const check = () => {
              const scroller = document.querySelector('[aria-label="Messages"]');
              const row = scroller?.querySelector(`article[data-message-id="${newestId}"]`);
              if (scroller && row) {
                const box = scroller.getBoundingClientRect();
                const r = row.getBoundingClientRect();
                if (r.height > 0 && r.bottom > box.top && r.top < box.bottom) return resolve(performance.now() - start);
              }
              if (performance.now() > deadline)
                return reject(new Error(`the newest message was not in view 15 s after the click (row in the page: ${Boolean(row)})`));
              requestAnimationFrame(check);
            };
            // Not before the next frame: what the DOM holds now is on screen only once a frame paints it.
            requestAnimationFrame(check);
          },
          { capture: true, once: true },
        );
      });
    }, group.newestId);
    await link.click();
    const ms = await page.evaluate(() => window.kzOpenPainted!);
    if (i > 0) times.push(ms);
  }
  await page.getByRole('heading', { name: group.name, level: 1 }).waitFor();
  return times;
}

/**
 * Part 2: in the open conversation, wheel flicks over the messages scroller (upwards: a column-reverse scroller goes
 * negative) until the message `scrollBack` before the newest is in view. At every animation frame the page records
 * whether any message row intersects the scroller's box (binary search over the rows, which are in time order), and
 * whether the reader is held at the top edge with older messages still to load.
 */
async function scrollBack(page: Page, targetId: string, totalMessages: number, timeoutMs: number) {
  const scroller = page.locator('[aria-label="Messages"]');
  await page.waitForTimeout(500);
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(
    ({ targetId, totalMessages }) => {
      const state = { frames: [] as number[], stop: false, firstWheelAt: -1, reachedAt: -1 };
      window.kzScroll = state;
      document.addEventListener(
        'wheel',
        (e) => {
          state.firstWheelAt = e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now();
        },
        { capture: true, once: true, passive: true },
      );
      const tick = () => {
        const t = performance.now();
        const el = document.querySelector('[aria-label="Messages"]') as HTMLElement | null;
        let blank = 1;
        let stalled = 0;
        let rows = 0;
        if (el) {
          const view = el.getBoundingClientRect();
          const list = el.querySelectorAll('article[data-message-id]');
          rows = list.length;
          let lo = 0;
          let hi = list.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (list[mid]!.getBoundingClientRect().bottom > view.top) hi = mid;
            else lo = mid + 1;
          }
          const first = list[lo];
          if (first && first.getBoundingClientRect().top < view.bottom) blank = 0;
          const atTop = el.scrollHeight - el.clientHeight + el.scrollTop <= 1;
          if (atTop && rows < totalMessages) stalled = 1;
          if (state.reachedAt < 0) {
            const target = el.querySelector(`article[data-message-id="${targetId}"]`);
            if (target && target.getBoundingClientRect().bottom > view.top) state.reachedAt = t;
          }
        }
        state.frames.push(t, blank, stalled, rows);
        if (!state.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    { targetId, totalMessages },
  );
  const started = Date.now();
  for (;;) {
    for (let n = 0; n < FLICK.notches; n++) {
      await page.mouse.wheel(0, -FLICK.notchPx);
      await sleep(FLICK.notchGapMs);
    }
    await sleep(FLICK.pauseMs);
    if (await page.evaluate(() => window.kzScroll!.reachedAt >= 0)) break;
    if (Date.now() - started > timeoutMs) {
      const rows = await page.evaluate(() => window.kzScroll!.frames.at(-1));
      throw new Error(`scrolling back did not reach the target message within ${timeoutMs / 1000} s (${rows} rows loaded)`);
    }
  }
  const s = await page.evaluate(() => {
    const st = window.kzScroll!;
    st.stop = true;
    return { frames: st.frames, firstWheelAt: st.firstWheelAt, reachedAt: st.reachedAt };
  });
  const frames: { t: number; blank: boolean; stalled: boolean; rows: number }[] = [];
  for (let i = 0; i < s.frames.length; i += 4) {
    const t = s.frames[i]!;
    if (t < s.firstWheelAt || t > s.reachedAt) continue;
    frames.push({ t, blank: s.frames[i + 1] === 1, stalled: s.frames[i + 2] === 1, rows: s.frames[i + 3]! });
  }
  const blanks = runsOf(
    frames.map((f) => ({ t: f.t, on: f.blank })),
    s.reachedAt,
  );
  const stalls = runsOf(
    frames.map((f) => ({ t: f.t, on: f.stalled })),
    s.reachedAt,
  );
  const longest = (runs: { ms: number }[]) => Math.max(0, ...runs.map((r) => r.ms));
  // Each run as [ms after the first flick, ms it lasted, rows in the page then].
  const listed = (runs: { at: number; ms: number }[]) =>
    runs.map((r) => [Math.round(r.at - s.firstWheelAt), Math.round(r.ms), frames.find((f) => f.t >= r.at)?.rows ?? 0]);
  return {
    totalMs: s.reachedAt - s.firstWheelAt,
    frames: frames.length,
    longestBlankMs: longest(blanks),
    blankIntervals: blanks.length,
    longestStallMs: longest(stalls),
    stalls: stalls.length,
    stalledMs: stalls.reduce((a, b) => a + b.ms, 0),
    longestFrameGapMs: longestGap(frames.map((f) => f.t)),
    blankRuns: listed(blanks),
    stallRuns: listed(stalls),
    rowsLoaded: frames.at(-1)?.rows ?? 0,
  };
}

/**
 * Part 3: A types "[send i]" into the composer and presses Enter; B has the conversation open. Date.now() at A's
 * Enter keydown, and in B at the first animation frame after a MutationObserver saw the message's row enter the page
 * (both pages are on this machine's clock). One message at a time, the next once B has shown the last.
 */
async function sendToOther(sender: Page, receiver: Page, sends: number) {
  await receiver.evaluate(() => {
    const shown: Record<string, number> = {};
    window.kzShown = shown;
    const note = (el: Element) => {
      const key = /\[send (\d+)\]/.exec(el.textContent ?? '')?.[1];
      if (key === undefined || key in shown) return;
      shown[key] = -1;
      requestAnimationFrame(() => {
        shown[key] = Date.now();
      });
    };
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          if (n.matches('article')) note(n);
          else n.querySelectorAll('article').forEach(note);
        }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await sender.evaluate(() => {
    const sent: Record<string, number> = {};
    window.kzSent = sent;
    document.addEventListener(
      'keydown',
      (e) => {
        const box = e.target as HTMLTextAreaElement | null;
        if (e.key !== 'Enter' || e.shiftKey || box?.getAttribute('aria-label') !== 'Message') return;
        const key = /\[send (\d+)\]/.exec(box.value)?.[1];
        if (key !== undefined) sent[key] = Date.now();
      },
      { capture: true },
    );
  });
  const composer = sender.getByRole('textbox', { name: 'Message', exact: true });
  const latencies: number[] = [];
  const parts = { senderPage: [] as number[], request: [] as number[], toReceiver: [] as number[], receiverPage: [] as number[] };
  for (let i = 0; i < SEND_WARMUP + sends; i++) {
    await composer.fill(`Chat bench: a message from one browser to another [send ${i}]`);
    await composer.press('Enter');
    await receiver
      .waitForFunction((k) => (window.kzShown?.[k] ?? -1) > 0, String(i), { timeout: 15_000 })
      .catch((err: Error) => {
        throw new Error(`[send ${i}] was not shown in the other browser within 15 s: ${err.message.split('\n')[0]}`);
      });
    const [a, b] = await Promise.all([
      sender.evaluate((k) => ({ sent: window.kzSent![k], fetch: window.kzFetch?.[k] }), String(i)),
      receiver.evaluate((k) => ({ shown: window.kzShown![k]!, frame: window.kzFrame?.[k] }), String(i)),
    ]);
    if (a.sent === undefined) throw new Error(`the Enter that sent [send ${i}] was not seen`);
    if (i < SEND_WARMUP) continue;
    latencies.push(b.shown - a.sent);
    if (a.fetch && b.frame !== undefined) {
      parts.senderPage.push(a.fetch.start - a.sent);
      if (a.fetch.end !== undefined) parts.request.push(a.fetch.end - a.fetch.start);
      parts.toReceiver.push(b.frame - a.fetch.start);
      parts.receiverPage.push(b.shown - b.frame);
    }
  }
  return { latencies, parts };
}

async function heapAfterGc(cdp: CDPSession) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { usedMB: usedSize / MB, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/** Writes a heap snapshot of the page (for Chrome DevTools' Memory panel) to `file`. */
async function writeHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  const out = createWriteStream(file);
  const onChunk = ({ chunk }: { chunk: string }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    out.end();
    await once(out, 'finish');
  }
}

/** BENCH_PAGE_PROFILES=<dir>: a JavaScript CPU profile of each page over a part, to open in DevTools. */
async function profilePages(pages: Record<string, Page>): Promise<(() => Promise<void>) | null> {
  const dir = process.env.BENCH_PAGE_PROFILES;
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  const sessions = await Promise.all(
    Object.entries(pages).map(async ([name, page]) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      return { name, cdp };
    }),
  );
  return async () => {
    for (const { name, cdp } of sessions) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    }
  };
}

const OVERHEAD_ROUNDS = 40;

/**
 * What the browser adds by itself on this machine: the same requests, one at a time, from the sender's page (fetch)
 * and from this process, to the same gateway. A diagnostic beside the send figures, not a target.
 */
async function browserOverhead(page: Page, origin: string, gateway: string, token: string, groupId: string) {
  const mutation = `mutation ($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
  const body = (i: number) => JSON.stringify({ query: mutation, variables: { i: { groupId, text: `[overhead ${i}]` } } });
  const fromPage = (request: 'health' | 'send') =>
    page.evaluate(
      async ({ request, rounds, token, bodies }) => {
        const ms: number[] = [];
        for (let i = 0; i < rounds; i++) {
          const t0 = performance.now();
          const res =
            request === 'health'
              ? await fetch('/healthz')
              : await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: bodies[i] });
          await res.text();
          ms.push(performance.now() - t0);
        }
        return ms;
      },
      { request, rounds: OVERHEAD_ROUNDS, token, bodies: Array.from({ length: OVERHEAD_ROUNDS }, (_, i) => body(i)) },
    );
  const fromNode = async (request: 'health' | 'send') => {
    const ms: number[] = [];
    for (let i = 0; i < OVERHEAD_ROUNDS; i++) {
      const t0 = performance.now();
      const res =
        request === 'health'
          ? await fetch(`${origin}/healthz`)
          : await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body(i) });
      await res.text();
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  return { pageHealth: await fromPage('health'), nodeHealth: await fromNode('health'), pageSend: await fromPage('send'), nodeSend: await fromNode('send') };
}

interface SoakSetup {
  owner: Person;
  reader: Person;
  groups: { id: string; name: string }[];
}

/**
 * Part 4: the reader has /chat/<first group> open (the list follows every group of theirs, the conversation its
 * own); the owner sends `rate` messages a second through the API, round robin over the groups, for `seconds`. At the
 * end every group's entry in the list must show its last message, and the open conversation every message sent to
 * it. JS heap after forced garbage collections (CDP), once the page is warm and again at the end.
 */
async function soak(browser: Browser, origin: string, gateway: string, setup: SoakSetup, seconds: number, rate: number, log: (m: string) => void) {
  const { owner, reader, groups } = setup;
  const context = await signedInContext(browser, reader);
  const page = await context.newPage();
  const operations: Record<string, number> = {};
  let counting = false;
  page.on('request', (req) => {
    if (!counting || req.method() !== 'POST' || !req.url().endsWith('/graphql')) return;
    const name = (req.postDataJSON() as { operationName?: string } | null)?.operationName ?? 'unnamed';
    operations[name] = (operations[name] ?? 0) + 1;
  });
  let sockets = 0;
  page.on('websocket', () => sockets++);
  await page.goto(`${origin}/chat/${groups[0]!.id}`);
  await page.getByRole('heading', { name: groups[0]!.name, level: 1 }).waitFor();
  // Every group in the list: it shows a page of them, then more on demand.
  const nav = page.getByRole('navigation', { name: 'Your groups' });
  const more = nav.getByRole('button', { name: 'Show more groups' });
  await eventually(
    `all ${groups.length} groups listed`,
    async () => {
      if (await more.isVisible()) await more.click();
      const n = await nav.getByRole('link').count();
      if (n < groups.length) throw new Error(`${n} listed`);
    },
    60_000,
    300,
  );

  const lastText = new Map<string, string>();
  const sentTo = new Map<string, string[]>(groups.map((g) => [g.id, []]));
  const send = async (g: { id: string }, text: string) => {
    lastText.set(g.id, text);
    sentTo.get(g.id)!.push(text);
    await mustQuery(gateway, SEND, { i: { groupId: g.id, text } }, owner.token);
  };
  const listShowsLast = async () => {
    const listed = new Map(
      await page.evaluate(() =>
        [...document.querySelectorAll('nav[aria-label="Your groups"] a[href^="/chat/"]')].map(
          (a) => [a.getAttribute('href')!.slice(6), a.textContent ?? ''] as const,
        ),
      ),
    );
    const wrong = groups.filter((g) => !(listed.get(g.id) ?? '').includes(`${OWNER_NAME}: ${lastText.get(g.id)}`));
    if (wrong.length > 0)
      throw new Error(`${wrong.length} groups without their last message, e.g. ${wrong[0]!.name}: "${listed.get(wrong[0]!.id) ?? '(not listed)'}"`);
  };
  // Warm: one message to each group, all shown.
  for (const [i, g] of groups.entries()) await send(g, `[soak warm ${i}]`);
  await eventually('the warm-up messages in the list', listShowsLast, 30_000, 200);
  await page.waitForTimeout(1_000);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  const before = await heapAfterGc(cdp);
  // BENCH_HEAP_SNAPSHOTS=<dir>: the page's heap before and after, to compare in DevTools (not timed, after the figures).
  const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
  if (snapshots) {
    mkdirSync(snapshots, { recursive: true });
    await writeHeapSnapshot(cdp, join(snapshots, 'chat-soak-start.heapsnapshot'));
  }
  const samples: number[] = [];
  const sampler = setInterval(() => {
    cdp
      .send('Runtime.getHeapUsage')
      .then((h) => samples.push(h.usedSize / MB))
      .catch(() => undefined);
  }, 10_000);
  counting = true;
  sockets = 0;
  const total = Math.round(seconds * rate);
  log(`soak: ${total.toLocaleString('en')} messages at ${rate}/s over ${groups.length} groups for ${seconds} s`);
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  let failures = 0;
  let firstFailure = '';
  let maxLateMs = 0;
  for (let k = 0; k < total; k++) {
    const due = t0 + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else maxLateMs = Math.max(maxLateMs, -wait);
    const g = groups[k % groups.length]!;
    pending.push(
      send(g, `[soak ${k}] to ${g.name}`).catch((err: Error) => {
        if (failures++ === 0) firstFailure = err.message;
      }),
    );
    if (k > 0 && k % Math.max(1, Math.round(rate * 60)) === 0) log(`soak: ${k.toLocaleString('en')} sent, ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  await Promise.all(pending);
  const sentSeconds = (performance.now() - t0) / 1000;
  const settleStart = performance.now();
  let listComplete = true;
  let listProblem = '';
  await eventually('every group showing its last message', listShowsLast, 30_000, 100).catch((err: Error) => {
    listComplete = false;
    listProblem = err.message;
  });
  const settledMs = performance.now() - settleStart;
  const open = groups[0]!;
  const shownInOpen = new Set(
    await page.evaluate(() =>
      [...document.querySelectorAll('[aria-label="Messages"] article')]
        .map((a) => /\[soak (\d+)\]/.exec(a.textContent ?? '')?.[1])
        .filter((k) => k !== undefined),
    ),
  );
  const missingInOpen = sentTo
    .get(open.id)!
    .map((t) => /\[soak (\d+)\]/.exec(t)?.[1])
    .filter((k): k is string => k !== undefined && !shownInOpen.has(k));
  counting = false;
  clearInterval(sampler);
  const after = await heapAfterGc(cdp);
  if (snapshots) {
    await writeHeapSnapshot(cdp, join(snapshots, 'chat-soak-end.heapsnapshot'));
    log(`soak: heap snapshots in ${snapshots}`);
  }
  await context.close();
  return {
    sent: total,
    failures,
    firstFailure,
    sentSeconds,
    maxLateMs,
    listComplete,
    listProblem,
    settledMs,
    openGroupMessages: sentTo.get(open.id)!.length - 1,
    missingInOpen: missingInOpen.length,
    heapBeforeMB: before.usedMB,
    heapAfterMB: after.usedMB,
    heapGrowthMB: after.usedMB - before.usedMB,
    heapPeakUnforcedMB: Math.max(before.usedMB, ...samples),
    nodesBefore: before.nodes,
    nodesAfter: after.nodes,
    listenersBefore: before.listeners,
    listenersAfter: after.listeners,
    requestsDuringSoak: operations,
    socketsOpenedDuringSoak: sockets,
  };
}

async function createGroupWith(gateway: string, owner: Person, name: string, members: Person[]): Promise<string> {
  const id = (await mustQuery(gateway, CREATE_GROUP, { input: { name } }, owner.token)).createGroup.group.id as string;
  await addMembers(
    gateway,
    owner.token,
    id,
    members.map((m) => m.phone),
  );
  return id;
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = chatSizes(settings);
  const has = (p: ChatPart) => sz.parts.includes(p);
  await stack.ensureGateways(['ours']);
  const gateway = stack.gateway('ours').url;
  const origin = new URL(gateway).origin;
  const problems: string[] = [];
  const table: string[][] = [['measure', 'median / p50', 'p99', 'max', 'n']];
  const notes: string[] = [`headless Debian Chromium at 1280×800; parts run: ${sz.parts.join(', ')}`];
  const targets: Target[] = [];
  const details: Record<string, unknown> = { sizes: sz };
  const judged = !settings.smoke;
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
  const statsRow = (measure: string, st: ReturnType<typeof stats>) => [measure, f(st.p50), f(st.p99), f(st.max), String(st.n)];
  const notFull = (what: string) => (judged ? { notJudged: `the target is for ${what}` } : {});

  ctx.log('setup (not timed): the owner and a reader sign in');
  const [owner, reader] = await signInMany(stack, [OWNER_PHONE, READER_PHONE], (i) => (i ? 'Chat Bench Reader' : OWNER_NAME));
  const groupsDb = await connectDb(stack.databaseUrl('groups'), 'kz-bench-web-app-chat');
  const db = await connectDb(stack.databaseUrl('messaging'), 'kz-bench-web-app-chat');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await waitKnownToGroups(groupsDb, [owner!.userId, reader!.userId]);

    if (has('open') || has('scroll')) {
      const groupId = await createGroupWith(gateway, owner!, LONG_GROUP, [reader!]);
      await waitMembersInMessaging(db, [groupId], 2);
      ctx.log(`setup (not timed): seeding ${sz.messages.toLocaleString('en')} messages into "${LONG_GROUP}" (seed-messages.ts)`);
      const seedSeconds = await seedMessages(db, {
        groupId,
        authorId: owner!.userId,
        count: sz.messages,
        base: Date.now() - 3_600_000 - sz.messages * SPACING_MS,
        spacingMs: SPACING_MS,
        textPrefix: 'Chat bench message ',
        textSuffix: '.',
        onProgress: (n) => {
          if (sz.messages >= 500_000) ctx.log(`setup: ${n.toLocaleString('en')} messages seeded`);
        },
      });
      await db.query('VACUUM ANALYZE messages');
      const idAt = async (back: number) =>
        // Among the seeded messages: entries about the group (its creation, people added) are newer.
        (
          await db.query<{ id: string }>(
            `SELECT id FROM messages WHERE group_id = $1 AND author_id = $2 AND kind = 'TEXT' ORDER BY id DESC LIMIT 1 OFFSET $3`,
            [groupId, owner!.userId, back],
          )
        ).rows[0]!.id;
      const newestId = await idAt(0);
      notes.push(
        `"${LONG_GROUP}": ${sz.messages.toLocaleString('en')} messages seeded straight into messaging's table in ${f(seedSeconds)} s (seed-messages.ts), then VACUUM ANALYZE`,
      );

      const context = await signedInContext(browser, reader!);
      const page = await context.newPage();
      // Opened at least once even when only scrolling is measured.
      const opens = await timeOpens(page, origin, { name: LONG_GROUP, newestId }, has('open') ? sz.opens : 0);
      if (has('open')) {
        const s = stats(opens);
        table.push(statsRow(`open a group of ${sz.messages.toLocaleString('en')}: newest message painted after the click (ms)`, s));
        const full = sz.messages >= FULL.messages;
        targets.push({
          what: `opening a group of ${sz.messages.toLocaleString('en')} messages: newest message painted after the click, ms (median of ${s.n})`,
          target: `≤ ${OPEN_TARGET_MS}`,
          value: round(s.p50, 1),
          met: judged && full ? s.p50 <= OPEN_TARGET_MS : null,
          ...(full ? {} : notFull('1,000,000 messages')),
        });
        targets.push({
          what: `opening a group of ${sz.messages.toLocaleString('en')} messages: newest message painted after the click, ms (p99 of ${s.n})`,
          target: `≤ ${OPEN_TARGET_MS}`,
          value: round(s.p99, 1),
          met: judged && full ? s.p99 <= OPEN_TARGET_MS : null,
          ...(full ? {} : notFull('1,000,000 messages')),
        });
        notes.push(
          'open: timed in the page from the click event on the group\'s link in "Your groups" to the first animation frame with the newest message ' +
            "in the scroller's view; back to /chat by the header's link between opens; the first open is a warm-up",
        );
        details['open'] = { ms: opens.map((v) => round(v, 1)), stats: roundStats(s) };
      }
      if (has('scroll')) {
        const targetId = await idAt(sz.scrollBack);
        ctx.log(`scroll: back ${sz.scrollBack.toLocaleString('en')} messages`);
        const sc = await scrollBack(page, targetId, sz.messages, 300_000);
        table.push([`scroll back ${sz.scrollBack.toLocaleString('en')}: longest blank view (ms)`, f(sc.longestBlankMs), '', '', String(sc.blankIntervals)]);
        table.push(['… longest wait at the top edge for older messages (ms)', f(sc.longestStallMs), '', '', String(sc.stalls)]);
        table.push(['… longest time between two frames (ms)', f(sc.longestFrameGapMs), '', '', String(sc.frames)]);
        table.push(['… total time to get there (ms)', f(sc.totalMs, 0), '', '', String(sc.rowsLoaded)]);
        const full = sz.scrollBack >= FULL.scrollBack;
        targets.push({
          what: `scrolling back ${sz.scrollBack.toLocaleString('en')} messages: longest time with no message in view, ms`,
          target: `≤ ${BLANK_TARGET_MS}`,
          value: round(sc.longestBlankMs, 1),
          met: judged && full ? sc.longestBlankMs <= BLANK_TARGET_MS : null,
          ...(full ? {} : notFull('2,000 messages back')),
        });
        // A column-reverse history without virtualisation always has rows in view; what the reader waits on instead
        // is the top edge, older messages not there yet. The same bound, read that way.
        targets.push({
          what: `scrolling back ${sz.scrollBack.toLocaleString('en')} messages: longest wait at the top edge for older messages, ms`,
          target: `≤ ${BLANK_TARGET_MS}`,
          value: round(sc.longestStallMs, 1),
          met: judged && full ? sc.longestStallMs <= BLANK_TARGET_MS : null,
          ...(full ? {} : notFull('2,000 messages back')),
        });
        notes.push(
          `scroll: wheel flicks over the scroller (${FLICK.notches} notches of ${FLICK.notchPx} px ${FLICK.notchGapMs} ms apart, then ${FLICK.pauseMs} ms) until the message ${sz.scrollBack.toLocaleString('en')} ` +
            'before the newest is in view; at every animation frame the page records whether a message row intersects the scroller\'s box ("blank" when none does) ' +
            'and whether the reader is held at the top edge with older messages still to come ("wait at the top edge"); ' +
            `${sc.stalls} such waits, ${f(sc.stalledMs, 0)} ms in all; ${sc.rowsLoaded.toLocaleString('en')} rows in the page at the end`,
        );
        details['scroll'] = Object.fromEntries(Object.entries(sc).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v]));
      }
      await context.close();
    }

    if (has('send')) {
      const groupId = await createGroupWith(gateway, owner!, PAIR_GROUP, [reader!]);
      await waitMembersInMessaging(db, [groupId], 2);
      const [a, b] = await Promise.all([signedInContext(browser, owner!), signedInContext(browser, reader!)]);
      await Promise.all([a.addInitScript(installSendTaps), b.addInitScript(installSendTaps)]);
      const [pageA, pageB] = await Promise.all([a.newPage(), b.newPage()]);
      for (const p of [pageA, pageB]) {
        await p.goto(`${origin}/chat/${groupId}`);
        await p.getByRole('heading', { name: PAIR_GROUP, level: 1 }).waitFor();
        await p.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
      }
      ctx.log(`send: ${sz.sends} messages from one browser to the other`);
      const stopProfiles = await profilePages({ 'chat-send-sender': pageA, 'chat-send-receiver': pageB });
      const { latencies: lat, parts } = await sendToOther(pageA, pageB, sz.sends);
      await stopProfiles?.();
      const overhead = await browserOverhead(pageA, origin, gateway, owner!.token, groupId);
      await Promise.all([a.close(), b.close()]);
      const s = stats(lat);
      table.push(statsRow('send → shown in the other browser (ms)', s));
      const split = {
        senderPage: stats(parts.senderPage),
        request: stats(parts.request),
        toReceiver: stats(parts.toReceiver),
        receiverPage: stats(parts.receiverPage),
      };
      table.push(statsRow("… Enter → the sender's request leaves (ms)", split.senderPage));
      table.push(statsRow("… request leaves → the receiver's WebSocket frame (ms)", split.toReceiver));
      table.push(statsRow('… frame → painted in the receiver (ms)', split.receiverPage));
      table.push(statsRow('(the sendMessage request, sent → answered) (ms)', split.request));
      table.push(statsRow('(the browser itself: GET /healthz from the page) (ms)', stats(overhead.pageHealth)));
      table.push(statsRow('(… the same GET from Node) (ms)', stats(overhead.nodeHealth)));
      table.push(statsRow('(… sendMessage { message { id } } from the page) (ms)', stats(overhead.pageSend)));
      table.push(statsRow('(… the same sendMessage from Node) (ms)', stats(overhead.nodeSend)));
      const full = sz.sends >= FULL.sends;
      for (const [p, value, target] of [
        ['p50', s.p50, SEND_P50_TARGET_MS],
        ['p99', s.p99, SEND_P99_TARGET_MS],
      ] as const) {
        targets.push({
          what: `send → shown in another browser's open conversation, ms (${p} of ${s.n})`,
          target: `≤ ${target}`,
          value: round(value, 1),
          met: judged && full ? value <= target : null,
          ...(full ? {} : notFull('500 messages')),
        });
      }
      notes.push(
        'send: two people in one group, each in their own browser context with the conversation open; A types "[send i]" into the composer and presses Enter; Date.now() at A\'s Enter keydown ' +
          "to Date.now() at the first animation frame after B's MutationObserver saw the message's row (same machine, same clock, 1 ms resolution); one at a time; " +
          `${SEND_WARMUP} warm-up messages not counted; split by taps in the pages (fetch and WebSocket wrapped before the app loads): Enter → the sendMessage request leaves, ` +
          "→ the first WebSocket frame carrying the message reaches the receiver's page (both servers and the network), → painted",
      );
      details['send'] = {
        stats: roundStats(s),
        split: Object.fromEntries(Object.entries(split).map(([k, v]) => [k, roundStats(v)])),
        browserOverhead: Object.fromEntries(Object.entries(overhead).map(([k, v]) => [k, roundStats(stats(v))])),
        ms: lat,
      };
    }

    if (has('soak')) {
      ctx.log(`setup (not timed): a reader in ${sz.soakGroups} groups`);
      const [soakReader] = await signInMany(stack, [SOAK_READER_PHONE], () => 'Chat Bench Soak Reader');
      await waitKnownToGroups(groupsDb, [soakReader!.userId]);
      const groups: { id: string; name: string }[] = [];
      for (let i = 0; i < sz.soakGroups; i++)
        groups.push({ id: await createGroupWith(gateway, owner!, soakGroupName(i), [soakReader!]), name: soakGroupName(i) });
      await waitMembersInMessaging(
        db,
        groups.map((g) => g.id),
        2 * groups.length,
      );
      const so = await soak(browser, origin, gateway, { owner: owner!, reader: soakReader!, groups }, sz.soakSeconds, sz.soakRate, ctx.log);
      if (so.failures > 0) problems.push(`soak: ${so.failures} of ${so.sent} sends failed, e.g. ${so.firstFailure.slice(0, 300)}`);
      if (!so.listComplete) problems.push(`soak: the list did not show every group's last message 30 s after the last send: ${so.listProblem}`);
      if (so.missingInOpen > 0) problems.push(`soak: the open conversation lacks ${so.missingInOpen} of the ${so.openGroupMessages} messages sent to it`);
      table.push([
        `soak ${sz.soakSeconds} s at ${sz.soakRate}/s over ${sz.soakGroups} groups: JS heap growth after GC (MB)`,
        f(so.heapGrowthMB, 2),
        '',
        '',
        '',
      ]);
      table.push(['… JS heap after GC at start / end (MB)', `${f(so.heapBeforeMB, 2)} / ${f(so.heapAfterMB, 2)}`, '', '', '']);
      table.push(['… list complete after the last send was answered (ms)', f(so.settledMs, 0), '', '', String(so.sent)]);
      const full = sz.soakSeconds >= FULL.soakSeconds && sz.soakRate >= FULL.soakRate && sz.soakGroups >= FULL.soakGroups;
      targets.push({
        what: `a tab with ${sz.soakGroups} groups, ${sz.soakSeconds} s of ${sz.soakRate} messages/s: JS heap growth after forced GC, MB`,
        target: `≤ ${HEAP_GROWTH_TARGET_MB}`,
        value: round(so.heapGrowthMB, 2),
        met: judged && full ? so.heapGrowthMB <= HEAP_GROWTH_TARGET_MB : null,
        ...(full ? {} : notFull('50 groups, 10 minutes of 20 messages/s')),
      });
      notes.push(
        `soak: /chat/<first group> open (the list follows all ${sz.soakGroups} groups, the conversation its own), every group listed ("Show more groups"); one warm-up ` +
          `message per group; ${so.sent.toLocaleString('en')} messages through the API (round robin, sent in ${f(so.sentSeconds)} s, at most ${f(so.maxLateMs, 0)} ms behind schedule); ` +
          `at the end every group's entry showed its last message: ${so.listComplete ? 'yes' : 'NO'}; the open conversation showed all ${so.openGroupMessages} sent to it: ` +
          `${so.missingInOpen === 0 ? 'yes' : `NO, ${so.missingInOpen} missing`}; heap by CDP Runtime.getHeapUsage after two HeapProfiler.collectGarbage, ` +
          `peak unforced ${f(so.heapPeakUnforcedMB, 2)} MB; DOM nodes ${so.nodesBefore} → ${so.nodesAfter}, listeners ${so.listenersBefore} → ${so.listenersAfter}; ` +
          `HTTP operations during the soak ${JSON.stringify(so.requestsDuringSoak)}, WebSockets opened ${so.socketsOpenedDuringSoak}`,
      );
      details['soak'] = Object.fromEntries(Object.entries(so).map(([k, v]) => [k, typeof v === 'number' ? round(v, 2) : v]));
    }
  } finally {
    await browser.close().catch(() => undefined);
    await Promise.all([groupsDb, db].map((c) => c.end().catch(() => undefined)));
  }
  return { name: 'web-app-chat', ok: problems.length === 0, problems, table, notes, targets, details };
}

export const webAppChat: Scenario = {
  name: 'web-app-chat',
  description: 'the web chat in headless Chromium: opening a 1,000,000-message group, scrolling back, send → shown in another browser, a 50-group soak',
  run,
};
