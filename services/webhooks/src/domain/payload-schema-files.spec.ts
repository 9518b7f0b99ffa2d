import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { createEvent } from '@kz/events';
import { PAYLOAD_SCHEMA_DIR, payloadSchemaFiles } from './payload-schema-files';
import { webhookBody, webhookEventOf } from './webhook-events';

const published = join(__dirname, '..', '..', PAYLOAD_SCHEMA_DIR);

describe('published payload schemas', () => {
  it('are the ones the code makes (run `npm run payload-schemas -w @kz/webhooks-service` after changing a payload)', () => {
    const expected = payloadSchemaFiles();
    expect(
      readdirSync(published)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(published, name), 'utf8')).toBe(text);
  });

  it('accept a webhook body as sent, checked by a JSON Schema validator of its own', () => {
    const orgId = '0190a0b4-0000-7000-8000-000000000001';
    const groupId = '0190a0b4-0000-7000-8000-000000000002';
    const event = webhookEventOf(
      createEvent('messaging.message.sent', {
        key: groupId,
        orgId,
        payload: { messageId: groupId, groupId, authorId: orgId, text: 'hi', sentAt: '2026-12-04T10:00:00.000Z', kind: 'ANNOUNCEMENT' },
      }),
    )!;
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(published, 'message.sent.v1.json'), 'utf8')));
    expect(validate(JSON.parse(webhookBody(event, false)))).toBe(true);
    expect(validate({ ...JSON.parse(webhookBody(event, false)), type: 'message.edited' })).toBe(false);
  });
});
