import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationTexts1765180800000 implements MigrationInterface {
  name = 'InvitationTexts1765180800000';

  async up(q: QueryRunner): Promise<void> {
    // One row per number invited to a group before it signed up: the key keeps it to one text per (group, number).
    await q.query(`CREATE TABLE invitation_texts (
      group_id uuid NOT NULL,
      phone text NOT NULL,
      body text NOT NULL,
      state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'SENT', 'SKIPPED', 'FAILED')),
      reason text,
      attempts int NOT NULL DEFAULT 0,
      due_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (group_id, phone)
    )`);
    await q.query(`CREATE INDEX invitation_texts_due_idx ON invitation_texts (due_at) WHERE state = 'QUEUED'`);
    // The development sink tells sign-in codes from invitations, so a code is found whatever was texted after it.
    await q.query(`ALTER TABLE dev_sms_messages ADD COLUMN purpose text NOT NULL DEFAULT 'sign-in-code'`);
    await q.query(`DROP INDEX dev_sms_messages_phone_idx`);
    await q.query(`CREATE INDEX dev_sms_messages_phone_idx ON dev_sms_messages (phone, purpose, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dev_sms_messages_phone_idx`);
    await q.query(`CREATE INDEX dev_sms_messages_phone_idx ON dev_sms_messages (phone, id DESC)`);
    await q.query(`ALTER TABLE dev_sms_messages DROP COLUMN purpose`);
    await q.query(`DROP TABLE invitation_texts`);
  }
}
