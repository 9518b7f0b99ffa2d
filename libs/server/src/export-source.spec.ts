import { decodeExportCursor, encodeExportCursor, keysetPage, pageAcrossGroups, type ExportPage } from './export-source';

describe('export pages', () => {
  it('round-trips a cursor and refuses one it did not make as BAD_USER_INPUT on after', () => {
    expect(decodeExportCursor(encodeExportCursor(['g1', 'm9']), 2)).toEqual(['g1', 'm9']);
    expect(decodeExportCursor(null, 1)).toBeNull();
    for (const forged of ['not base64 json', encodeExportCursor(['only one']), Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => decodeExportCursor(forged, 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    }
  });

  it('gives a full keyset page a next cursor, and a short one none', () => {
    const full = keysetPage(
      [{ id: 'a' }, { id: 'b' }],
      2,
      (r) => [r.id],
      (r) => ({ key: r.id }),
    );
    expect(full.records).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(decodeExportCursor(full.next, 1)).toEqual(['b']);
    expect(
      keysetPage(
        [{ id: 'a' }],
        2,
        (r) => [r.id],
        (r) => r,
      ).next,
    ).toBeNull();
  });

  describe('across groups', () => {
    const rows: Record<string, string[]> = { g2: ['b1', 'b2', 'b3'], g1: ['a1', 'a2'], g3: [] };
    const read = async (groupId: string, after: string | null, limit: number) =>
      (rows[groupId] ?? [])
        .filter((key) => after === null || key > after)
        .slice(0, limit)
        .map((key) => ({ groupId, key }));
    const pages = async (limit: number, groupIds = Object.keys(rows)) => {
      const seen: string[][] = [];
      let after: string | null = null;
      do {
        const page: ExportPage = await pageAcrossGroups({ groupIds, after, limit, read, keyOf: (r) => r.key, record: (r) => r });
        seen.push(page.records.map((r) => (r as { key: string }).key));
        after = page.next;
      } while (after !== null);
      return seen;
    };

    it('reads each group in id order, in its own key order, every record once whatever the page size', async () => {
      expect(await pages(2)).toEqual([['a1', 'a2'], ['b1', 'b2'], ['b3']]);
      expect(await pages(3)).toEqual([
        ['a1', 'a2', 'b1'],
        ['b2', 'b3'],
      ]);
      expect(await pages(10)).toEqual([['a1', 'a2', 'b1', 'b2', 'b3']]);
      expect(await pages(5)).toEqual([['a1', 'a2', 'b1', 'b2', 'b3'], []]);
    });

    it('goes on past a group that was deleted between pages', async () => {
      const first = await pageAcrossGroups({ groupIds: ['g1', 'g2'], after: null, limit: 2, read, keyOf: (r) => r.key, record: (r) => r });
      const rest = await pageAcrossGroups({ groupIds: ['g2'], after: first.next, limit: 5, read, keyOf: (r) => r.key, record: (r) => r });
      expect(rest.records.map((r) => (r as { key: string }).key)).toEqual(['b1', 'b2', 'b3']);
    });
  });
});
