import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idempotentRequestsTableDown, idempotentRequestsTableUp } from '@kz/db';

/** Remembered answers of bulk directory imports, so a retried chunk reports exactly what the first attempt did. */
export class IdempotentRequests1764748800000 implements MigrationInterface {
  name = 'IdempotentRequests1764748800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of idempotentRequestsTableUp) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of idempotentRequestsTableDown) await q.query(sql);
  }
}
