import { fitting, type OutboxRow } from './outbox-relay';

const row = (seq: number, bytes: number): OutboxRow => ({ seq: String(seq), topic: 't', key: 'k', envelope: 'x'.repeat(bytes - 1) });

describe('outbox relay slices', () => {
  it('sends the oldest rows that fit in one produce request, and a single oversized row alone', () => {
    expect(fitting([row(1, 400), row(2, 400), row(3, 400)], 1_000).map((r) => r.seq)).toEqual(['1', '2']);
    expect(fitting([row(1, 5_000), row(2, 10)], 1_000).map((r) => r.seq)).toEqual(['1']);
    expect(fitting([row(1, 10), row(2, 10)], 1_000).map((r) => r.seq)).toEqual(['1', '2']);
  });
});
