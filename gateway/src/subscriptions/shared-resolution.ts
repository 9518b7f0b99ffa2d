import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Resolving an event's message once for all the subscribers who asked for the
 * same thing, instead of once per subscriber.
 *
 * Sound only where the answer cannot depend on who asks. A Message's fields
 * below are the same for every reader of its group when its audience is ALL
 * (the messaging subgraph shows such a message to every reader, and none of
 * these fields looks at the caller); everything else (replyTo and poll, whose
 * visibility and myAnswer are per reader, and any field of another subgraph
 * behind author, group or mentions) keeps being resolved per subscriber, with
 * the subscriber's own token. Which reader's token resolves a shared answer
 * does not matter then; the answer is shared only after it says audience ALL,
 * and only with subscribers whose own access to the group was checked.
 */
interface Shape {
  type: string;
  /** Field → the shape of its object value, or null for a leaf. */
  fields: Record<string, Shape | null>;
}

const ID_ONLY = (type: string): Shape => ({ type, fields: { id: null } });

export const VIEWER_INDEPENDENT_MESSAGE: Shape = {
  type: 'Message',
  fields: {
    id: null,
    kind: null,
    text: null,
    sentAt: null,
    editedAt: null,
    deleted: null,
    deletedAt: null,
    audience: null,
    readBy: { type: 'ReadSummary', fields: { count: null, of: null } },
    attachments: { type: 'Attachment', fields: { id: null, filename: null, contentType: null, size: null, url: null } },
    author: ID_ONLY('User'),
    group: ID_ONLY('Group'),
    mentions: ID_ONLY('User'),
  },
};

/**
 * What a SENT event itself carries about its message. When the event says the
 * message is for everyone (audience ALL), a selection within these fields is
 * answered from the event, with no call to any subgraph: the values are the
 * ones the messaging subgraph committed and would answer, and any later edit
 * or deletion reaches the subscriber as its own event.
 */
export const SENT_EVENT_MESSAGE: Shape = {
  type: 'Message',
  fields: { id: null, text: null, sentAt: null, audience: null, author: ID_ONLY('User'), group: ID_ONLY('Group') },
};

export interface SentMessage {
  id: string;
  groupId: string;
  authorId: string;
  text: string;
  sentAt: string;
}

type Values = { [field: string]: string | Values };

/** The subscriber's selection, checked by selectionWithin(info, SENT_EVENT_MESSAGE), answered from the event under its own response keys. */
export function messageFromEvent(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, sent: SentMessage): Record<string, unknown> {
  const values: Values = { id: sent.id, text: sent.text, sentAt: sent.sentAt, audience: 'ALL', author: { id: sent.authorId }, group: { id: sent.groupId } };
  const answer: Record<string, unknown> = {};
  for (const node of info.fieldNodes) fill(answer, node.selectionSet!, values, info.fragments);
  return answer;
}

function fill(
  answer: Record<string, unknown>,
  set: SelectionSetNode,
  values: Values,
  fragments: Record<string, FragmentDefinitionNode>,
): Record<string, unknown> {
  for (const selection of set.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        const name = selection.name.value;
        // graphql-js answers __typename itself, from the field's type.
        if (name === '__typename') break;
        const key = selection.alias?.value ?? name;
        const value = values[name]!;
        answer[key] =
          selection.selectionSet && typeof value === 'object'
            ? fill((answer[key] as Record<string, unknown> | undefined) ?? {}, selection.selectionSet, value, fragments)
            : value;
        break;
      }
      case Kind.INLINE_FRAGMENT:
        fill(answer, selection.selectionSet, values, fragments);
        break;
      case Kind.FRAGMENT_SPREAD:
        fill(answer, fragments[selection.name.value]!.selectionSet, values, fragments);
        break;
    }
  }
  return answer;
}

/** The alias under which a shared resolution also asks for the message's audience. */
export const AUDIENCE_ALIAS = 'kzSharedAudience';
export const AUDIENCE_FIELD: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: AUDIENCE_ALIAS },
  name: { kind: Kind.NAME, value: 'audience' },
};

/** Whether the selection under the resolved field stays within `shape`: no arguments, no directives, only listed fields. */
export function selectionWithin(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, shape: Shape): boolean {
  return info.fieldNodes.every(
    (node) => !node.directives?.length && node.selectionSet !== undefined && within(node.selectionSet, shape, info.fragments, new Set()),
  );
}

function within(set: SelectionSetNode, shape: Shape, fragments: Record<string, FragmentDefinitionNode>, visiting: Set<string>): boolean {
  for (const selection of set.selections) {
    if (selection.directives?.length) return false;
    switch (selection.kind) {
      case Kind.FIELD: {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (!Object.hasOwn(shape.fields, name) || selection.arguments?.length) return false;
        const sub = shape.fields[name]!;
        if (sub === null ? selection.selectionSet !== undefined : !selection.selectionSet || !within(selection.selectionSet, sub, fragments, visiting))
          return false;
        break;
      }
      case Kind.INLINE_FRAGMENT:
        if (selection.typeCondition && selection.typeCondition.name.value !== shape.type) return false;
        if (!within(selection.selectionSet, shape, fragments, visiting)) return false;
        break;
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments[selection.name.value];
        if (!fragment || fragment.typeCondition.name.value !== shape.type || fragment.directives?.length) return false;
        if (visiting.has(fragment.name.value)) return false;
        visiting.add(fragment.name.value);
        const ok = within(fragment.selectionSet, shape, fragments, visiting);
        visiting.delete(fragment.name.value);
        if (!ok) return false;
        break;
      }
    }
  }
  return true;
}

/**
 * Answers in flight or just made, per key (event id and query): the first
 * subscriber to ask computes, the others wait for the same promise. A null
 * answer means "not shareable: resolve your own". Entries expire after
 * `ttlMs`; at most `max` are kept.
 */
export class SharedResolutions<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T | null> }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T | null>): Promise<T | null> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    this.prune(now);
    const value = compute().catch(() => null);
    this.entries.set(key, { at: now, value });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    // Insertion order is age order.
    for (const [key, entry] of this.entries) {
      if (now - entry.at < this.ttlMs && this.entries.size < this.max) break;
      this.entries.delete(key);
    }
  }
}
