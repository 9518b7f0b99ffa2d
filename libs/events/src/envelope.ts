import { z } from 'zod';
import { uuidv7 } from '@kz/db';
import { EventCatalogue, type EventType, type PayloadOf } from './catalogue';

export interface EventEnvelope<T extends EventType = EventType> {
  readonly id: string;
  readonly type: T;
  readonly version: number;
  readonly occurredAt: string;
  readonly orgId: string | null;
  /** Aggregate id; the Kafka message key, so order per aggregate holds. */
  readonly key: string;
  readonly payload: PayloadOf<T>;
}

/** Any envelope whose type is one of `T`, narrowed by `type`. */
export type AnyEnvelope<T extends EventType = EventType> = { [K in T]: EventEnvelope<K> }[T];

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

const envelopeShape = z.object({
  id: z.string().uuid(),
  type: z.string(),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  orgId: z.string().min(1).nullable(),
  key: z.string().min(1),
  payload: z.unknown(),
});

export function createEvent<T extends EventType>(
  type: T,
  fields: { key: string; orgId: string | null; payload: PayloadOf<T>; occurredAt?: Date },
): EventEnvelope<T> {
  return validateEnvelope({
    id: uuidv7(),
    type,
    version: EventCatalogue[type].version,
    occurredAt: (fields.occurredAt ?? new Date()).toISOString(),
    orgId: fields.orgId,
    key: fields.key,
    payload: fields.payload,
  }) as EventEnvelope<T>;
}

/** Validates the envelope and its payload against the catalogue; throws InvalidEventError. */
export function validateEnvelope(input: unknown): AnyEnvelope {
  const env = envelopeShape.safeParse(input);
  if (!env.success) throw new InvalidEventError(`malformed envelope: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const entry = (EventCatalogue as Record<string, (typeof EventCatalogue)[EventType] | undefined>)[env.data.type];
  if (!entry) throw new InvalidEventError(`unknown event type ${env.data.type}`);
  if (entry.version !== env.data.version) {
    throw new InvalidEventError(`${env.data.type} version ${env.data.version} is not supported (expected ${entry.version})`);
  }
  const payload = entry.payload.safeParse(env.data.payload);
  if (!payload.success) {
    throw new InvalidEventError(`${env.data.type} payload: ${payload.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { ...env.data, payload: payload.data } as AnyEnvelope;
}

export function parseEnvelope(raw: Buffer | string | null): AnyEnvelope {
  if (raw === null) throw new InvalidEventError('empty Kafka message');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch {
    throw new InvalidEventError('Kafka message is not JSON');
  }
  return validateEnvelope(json);
}
