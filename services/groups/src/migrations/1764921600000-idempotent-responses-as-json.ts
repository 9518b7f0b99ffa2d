import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idempotentResponsesAsJsonDown, idempotentResponsesAsJsonUp } from '@kz/db';

/** The remembered answers of bulk member adds stored as plain json, lz4-compressed: written on every call, read only by retries. */
export class IdempotentResponsesAsJson1764921600000 implements MigrationInterface {
  name = 'IdempotentResponsesAsJson1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await idempotentResponsesAsJsonUp(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await idempotentResponsesAsJsonDown(q);
  }
}
