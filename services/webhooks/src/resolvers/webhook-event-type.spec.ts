import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type EnumTypeDefinitionNode } from 'graphql';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhook-events';

describe('WebhookEventType in the schema', () => {
  it('offers exactly the event types the service sends', () => {
    const schema = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
    const enumType = schema.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === 'EnumTypeDefinition' && d.name.value === 'WebhookEventType');
    expect(enumType?.values?.map((v) => v.name.value)).toEqual(WEBHOOK_EVENT_TYPES);
  });
});
