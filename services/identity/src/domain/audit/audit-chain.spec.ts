import { canonicalJson, chainHash, GENESIS, verifyChainBatch, type AuditEntry } from './audit-chain';

const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq: String(seq),
  id: `0190000${seq}-0000-7000-8000-000000000000`,
  occurredAt: '2026-12-04T10:00:00.000Z',
  action: 'group.created',
  actorKind: 'PERSON',
  actorId: '01900000-0000-7000-8000-000000000001',
  via: null,
  clientAddress: '203.0.113.7',
  targetType: 'group',
  targetId: 'g1',
  targetName: 'Finance',
  before: null,
  after: { name: 'Finance', kind: 'ORGANIZATION' },
  count: null,
  ...over,
});

function chain(n: number) {
  let previous: Buffer = GENESIS;
  return Array.from({ length: n }, (_, i) => {
    const e = entry(i + 1);
    const hash = chainHash(previous, e);
    const row = { ...e, prevHash: previous, hash };
    previous = hash;
    return row;
  });
}

describe('the audit hash chain', () => {
  it('hashes an entry the same whatever order jsonb gives its keys back in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const written = entry(1, { after: { name: 'Finance', kind: 'ORGANIZATION' } });
    const readBack = entry(1, { after: { kind: 'ORGANIZATION', name: 'Finance' } });
    expect(chainHash(GENESIS, readBack).equals(chainHash(GENESIS, written))).toBe(true);
  });

  it('finds an intact chain intact, across batches', () => {
    const rows = chain(5);
    const state = { nextSeq: 1n, previous: GENESIS };
    expect(verifyChainBatch(rows.slice(0, 2), state)).toBeNull();
    expect(verifyChainBatch(rows.slice(2), state)).toBeNull();
    expect(state.nextSeq).toBe(6n);
    expect(state.previous.equals(rows[4]!.hash)).toBe(true);
  });

  it('says where an entry was changed, removed, or moved', () => {
    const changed = chain(4);
    changed[2] = { ...changed[2]!, clientAddress: '198.51.100.1' };
    expect(verifyChainBatch(changed, { nextSeq: 1n, previous: GENESIS })).toEqual({ seq: '3', reason: 'Entry 3 was changed after it was recorded.' });

    const removed = chain(4).filter((e) => e.seq !== '2');
    expect(verifyChainBatch(removed, { nextSeq: 1n, previous: GENESIS })).toEqual({ seq: '2', reason: 'Entry 2 is missing.' });

    // Renumbered to close the gap: the next entry no longer follows the one before it.
    const renumbered = removed.map((e, i) => ({ ...e, seq: String(i + 1) }));
    expect(verifyChainBatch(renumbered, { nextSeq: 1n, previous: GENESIS })).toEqual({ seq: '2', reason: 'Entry 2 does not follow the entry before it.' });
  });
});
