import { createHash } from 'node:crypto';

/** One entry of an organisation's audit log, as it is chained. */
export interface AuditEntry {
  /** 1, 2, 3… within the organisation (a bigint, as decimal). */
  seq: string;
  id: string;
  occurredAt: string;
  action: string;
  actorKind: 'PERSON' | 'CONNECTOR' | 'SYSTEM';
  actorId: string | null;
  via: string | null;
  clientAddress: string | null;
  targetType: string;
  targetId: string;
  targetName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  count: number | null;
}

/** The previous hash of an organisation's first entry. */
export const GENESIS: Buffer = Buffer.alloc(32);

/** JSON with every object's keys sorted, so a value read back from jsonb (which reorders keys) hashes as written. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 over the previous entry's hash and this entry: change or remove any entry and every later hash differs. */
export function chainHash(previous: Buffer, entry: AuditEntry): Buffer {
  return createHash('sha256').update(previous).update(canonicalJson(entry)).digest();
}

export type ChainBreak = { seq: string; reason: string };

/**
 * Walks entries in order from seq 1 (across calls: feed each batch with the
 * state the last returned) and says where the chain first breaks: a number
 * missing, a previous hash that is not the one before, an entry whose content
 * no longer gives its hash.
 */
export function verifyChainBatch(
  entries: readonly (AuditEntry & { prevHash: Buffer; hash: Buffer })[],
  state: { nextSeq: bigint; previous: Buffer },
): ChainBreak | null {
  for (const entry of entries) {
    if (BigInt(entry.seq) !== state.nextSeq) return { seq: String(state.nextSeq), reason: `Entry ${state.nextSeq} is missing.` };
    if (!entry.prevHash.equals(state.previous)) return { seq: entry.seq, reason: `Entry ${entry.seq} does not follow the entry before it.` };
    const { prevHash: _prev, hash, ...content } = entry;
    if (!chainHash(state.previous, content).equals(hash)) return { seq: entry.seq, reason: `Entry ${entry.seq} was changed after it was recorded.` };
    state.nextSeq += 1n;
    state.previous = hash;
  }
  return null;
}
