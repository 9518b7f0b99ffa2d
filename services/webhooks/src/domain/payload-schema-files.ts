import { z } from 'zod';
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_TYPES, WEBHOOK_PAYLOAD_VERSION } from './webhook-events';
import { WEBHOOK_PAYLOADS } from './webhook-payloads';

/** Where the published schemas live, relative to the service's folder. */
export const PAYLOAD_SCHEMA_DIR = 'payload-schemas';

/** The whole body of one event type's webhook, version 1: the fields every webhook has, and its `data`. */
function bodySchema(type: (typeof WEBHOOK_EVENT_TYPES)[number]) {
  return z
    .object({
      type: z.literal(WEBHOOK_EVENT_NAMES[type]),
      version: z.literal(WEBHOOK_PAYLOAD_VERSION),
      timestamp: z.string().describe('When it happened (ISO 8601).'),
      organizationId: z.string(),
      groupId: z.string().nullable().describe("The group it concerns; null for the organisation's own events."),
      redelivery: z.boolean().describe('True when sent again on request (resend or replay); webhook-id is then the original one.'),
      data: WEBHOOK_PAYLOADS[type],
    })
    .describe(`The body of a ${WEBHOOK_EVENT_NAMES[type]} webhook, signed per the Standard Webhooks specification.`);
}

/** Each event type's JSON Schema file (`message.sent.v1.json`...), as published. */
export function payloadSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const type of WEBHOOK_EVENT_TYPES) {
    const name = `${WEBHOOK_EVENT_NAMES[type]}.v${WEBHOOK_PAYLOAD_VERSION}.json`;
    const schema = { $id: name, title: WEBHOOK_EVENT_NAMES[type], ...z.toJSONSchema(bodySchema(type), { io: 'input' }) };
    files.set(name, `${JSON.stringify(schema, null, 2)}\n`);
  }
  return files;
}
