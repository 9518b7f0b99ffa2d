import type { EntityManager } from 'typeorm';

/** A person as an audit entry names them: their id, and their name as it is now. */
export async function personTarget(m: EntityManager, userId: string): Promise<{ type: string; id: string; name: string | null }> {
  const rows = (await m.query(`SELECT display_name FROM users WHERE id = $1`, [userId])) as { display_name: string }[];
  return { type: 'person', id: userId, name: rows[0]?.display_name ?? null };
}
