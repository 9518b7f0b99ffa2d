import { requireUser, type Caller } from '@kz/auth';
import { badInput } from '@kz/errors';
import { decodeIdCursor, pageFrom, pageSize, type Page } from '@kz/db';
import type { DataSource } from 'typeorm';
import { visibleTo } from './message-access';

export interface SearchHit {
  id: string;
  groupId: string;
  /** The text with matches wrapped in [[ and ]]. */
  highlight: string;
}

/**
 * Full-text search over the groups a person reads (their groups and the
 * groups above them), newest first, with highlighted matches.
 */
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(caller: Caller, rawQuery: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<SearchHit>> {
    const userId = requireUser(caller).userId;
    const query = rawQuery.trim();
    if (query.length === 0 || query.length > 200) throw badInput('query', 'Search for 1 to 200 characters of text.');
    const limit = pageSize(first, 20, 100);
    if (limit === null) throw badInput('first', 'first must be between 1 and 100.');
    const before = after ? decodeIdCursor(after) : 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE readable(id) AS (
         SELECT group_id FROM group_members WHERE user_id = $1
         UNION
         SELECT g.parent_id FROM known_groups g JOIN readable r ON g.id = r.id WHERE g.parent_id IS NOT NULL),
       admin_of AS (SELECT group_id FROM group_members WHERE user_id = $1 AND role IN ('OWNER', 'ADMIN')),
       q AS (SELECT websearch_to_tsquery('simple', $2) AS tsq)
       SELECT m.id, m.group_id,
              ts_headline('simple', m.text, q.tsq, 'StartSel=[[, StopSel=]], MaxFragments=2, MaxWords=20, MinWords=5') AS highlight
         FROM messages m, q
        WHERE m.group_id IN (SELECT id FROM readable)
          AND m.search @@ q.tsq AND m.deleted_at IS NULL AND m.kind <> 'SYSTEM' AND m.id < $3
          AND ${visibleTo('m', '$1', 'm.group_id IN (SELECT group_id FROM admin_of)')}
        ORDER BY m.id DESC
        LIMIT $4`,
      [userId, query, before, limit + 1],
    )) as { id: string; group_id: string; highlight: string }[];
    return pageFrom(
      rows.map((r) => ({ id: r.id, groupId: r.group_id, highlight: r.highlight })),
      limit,
      (hit) => [hit.id],
      Boolean(after),
    );
  }
}
