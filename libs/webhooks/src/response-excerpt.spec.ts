import { readResponseExcerpt } from './response-excerpt';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A body that hands out the given chunks one pull at a time, and records how far it was read and whether it was cancelled. */
function trackedBody(chunks: Uint8Array[], { endless = false } = {}) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulls += 1;
        if (endless) controller.enqueue(utf8('x'.repeat(1024)));
        else if (state.pulls <= chunks.length) controller.enqueue(chunks[state.pulls - 1]);
        else controller.close();
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** A body that sends `first` and then waits for ever, as a stalled receiver does. */
function stalledBody(first: Uint8Array) {
  let sent = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(first);
          return;
        }
        return new Promise<void>(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

describe('readResponseExcerpt', () => {
  it('reads a short body whole', async () => {
    expect(await readResponseExcerpt(new Response('{"ok":true}'), 100)).toEqual({ text: '{"ok":true}', bytesRead: 11, truncated: false });
  });

  it('reads a body split into many chunks', async () => {
    const { stream } = trackedBody([utf8('hel'), utf8('lo '), utf8('world')]);
    expect(await readResponseExcerpt(stream, 100)).toEqual({ text: 'hello world', bytesRead: 11, truncated: false });
  });

  it('has nothing to read when there is no body', async () => {
    expect(await readResponseExcerpt(new Response(null, { status: 204 }))).toEqual({ text: '', bytesRead: 0, truncated: false });
    expect(await readResponseExcerpt(null)).toEqual({ text: '', bytesRead: 0, truncated: false });
    expect(await readResponseExcerpt(undefined)).toEqual({ text: '', bytesRead: 0, truncated: false });
  });

  it('keeps the first bytes of a long body and cancels the rest unread', async () => {
    const { stream, state } = trackedBody([utf8('0123456789'), utf8('abcdefghij'), utf8('never read')]);
    expect(await readResponseExcerpt(stream, 15)).toEqual({ text: '0123456789abcde', bytesRead: 15, truncated: true });
    expect(state.pulls).toBe(2);
    expect(state.cancelled).toBe(true);
  });

  it('stops reading a body that never ends', async () => {
    const { stream, state } = trackedBody([], { endless: true });
    const excerpt = await readResponseExcerpt(stream, 4096);
    expect(excerpt).toEqual({ text: 'x'.repeat(4096), bytesRead: 4096, truncated: true });
    expect(state.pulls).toBe(4);
    expect(state.cancelled).toBe(true);
  });

  it('reads 4 KiB by default', async () => {
    expect(await readResponseExcerpt(new Response('y'.repeat(10_000)))).toMatchObject({ bytesRead: 4096, truncated: true });
  });

  it('reports a body of exactly the limit as possibly truncated, since its end was not awaited', async () => {
    expect(await readResponseExcerpt(new Response('abcde'), 5)).toEqual({ text: 'abcde', bytesRead: 5, truncated: true });
  });

  describe('decoding UTF-8', () => {
    const text = 'aé€😀z'; // characters of 1, 2, 3, 4 and 1 bytes
    const bytes = utf8(text);

    it.each(Array.from({ length: bytes.length }, (_, limit) => limit))('leaves out a character cut at byte %i', async (limit) => {
      const excerpt = await readResponseExcerpt(new Response(bytes), limit);
      expect(excerpt.bytesRead).toBe(limit);
      expect(excerpt.text).not.toContain('\uFFFD');
      expect(text.startsWith(excerpt.text)).toBe(true);
      expect(utf8(excerpt.text).length).toBeGreaterThan(limit - 4);
    });

    it('joins characters split across chunks', async () => {
      const { stream } = trackedBody(Array.from(bytes, (byte) => Uint8Array.of(byte)));
      expect(await readResponseExcerpt(stream, 100)).toEqual({ text, bytesRead: bytes.length, truncated: false });
    });

    it('shows a body that really ends inside a character as broken', async () => {
      const { stream } = trackedBody([bytes.subarray(0, 4)]);
      expect(await readResponseExcerpt(stream, 100)).toEqual({ text: 'aé\uFFFD', bytesRead: 4, truncated: false });
    });

    it('replaces bytes that are not UTF-8', async () => {
      const { stream } = trackedBody([Uint8Array.of(0x6f, 0x6b, 0xff, 0xfe, 0x21)]);
      expect((await readResponseExcerpt(stream, 100)).text).toBe('ok\uFFFD\uFFFD!');
    });
  });

  it('returns what arrived when the signal aborts a stalled body', async () => {
    const controller = new AbortController();
    const reading = readResponseExcerpt(stalledBody(utf8('partial')), 1000, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await reading).toEqual({ text: 'partial', bytesRead: 7, truncated: true });
  });

  it('reads nothing when the signal has already aborted', async () => {
    const { stream, state } = trackedBody([utf8('unread')]);
    expect(await readResponseExcerpt(stream, 100, { signal: AbortSignal.abort() })).toEqual({ text: '', bytesRead: 0, truncated: true });
    expect(state.cancelled).toBe(true);
  });

  it('returns what arrived before the body broke off', async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          if (pulls === 1) controller.enqueue(utf8('first part'));
          else controller.error(new Error('ECONNRESET'));
        },
      },
      { highWaterMark: 0 },
    );
    expect(await readResponseExcerpt(stream, 100)).toEqual({ text: 'first part', bytesRead: 10, truncated: true });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a limit of %p bytes', async (limit) => {
    await expect(readResponseExcerpt(new Response('x'), limit)).rejects.toThrow(RangeError);
  });
});
