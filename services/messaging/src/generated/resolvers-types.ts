import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MessageEntity } from '../entities/message.entity';
import type { NotificationEntity } from '../entities/notification.entity';
import type { SystemEventRecord } from '../domain/system-events';
import type { MessagingContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date and time, e.g. 2026-11-26T08:30:00.000Z. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: string; output: string; }
};

export type AnswerPollInput = {
  messageId: Scalars['ID']['input'];
  /** Indexes of the chosen options, from 0. */
  optionIndexes: Array<Scalars['Int']['input']>;
};

export type AnswerPollPayload = {
  __typename?: 'AnswerPollPayload';
  message: Message;
};

/** A file sent with a message. Upload first (POST /attachments?groupId=…&filename=… on the messaging service, the file as the body), then send its id. */
export type Attachment = {
  __typename?: 'Attachment';
  contentType: Scalars['String']['output'];
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  size: Scalars['Int']['output'];
  /** Download with the same bearer token; members only. */
  url: Scalars['String']['output'];
};

export type ConversationConnection = {
  __typename?: 'ConversationConnection';
  edges: Array<ConversationEdge>;
  pageInfo: PageInfo;
};

/** A group the signed-in user reads, in their list of conversations. */
export type ConversationEdge = {
  __typename?: 'ConversationEdge';
  cursor: Scalars['String']['output'];
  node: Group;
};

export type CreatePollInput = {
  deadline?: InputMaybe<Scalars['DateTime']['input']>;
  groupId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  multipleChoice?: InputMaybe<Scalars['Boolean']['input']>;
  /** 2 to 20 options. */
  options: Array<Scalars['String']['input']>;
  question: Scalars['String']['input'];
  resultsVisibleTo?: InputMaybe<PollResultsVisibility>;
};

export type EditMessageInput = {
  messageId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};

export type ExportJob = {
  __typename?: 'ExportJob';
  id: Scalars['ID']['output'];
};

export type Group = {
  __typename?: 'Group';
  /** The position of the group's latest message change: read history, then subscribe with messageEvents(groupId:, after:) from here to miss nothing across reconnects. */
  changesCursor: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The latest message the reader can see in the group (a tombstone if it was deleted); null when there is none. */
  lastMessage?: Maybe<Message>;
  lastReadMessageId?: Maybe<Scalars['ID']['output']>;
  /**
   * What changed in the group's messages after a position (a cursor of messageEvents, of
   * this connection, or changesCursor), oldest change first. Each message appears once,
   * with its latest change; a message the reader has not seen before is new to it,
   * whatever the kind.
   */
  messageChanges: MessageChangeConnection;
  /**
   * The group's history, oldest first. last/before reads backwards from the
   * newest message, first/after forwards, around a page on both sides of one message.
   */
  messages: MessageConnection;
  /** Messages after the reader's last read one, written by others (counted up to 1,000). */
  unreadCount: Scalars['Int']['output'];
};


export type GroupMessageChangesArgs = {
  after: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type GroupMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  around?: InputMaybe<Scalars['ID']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type GroupRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

/** An imported chat's entries, for a group's history: the import service's call (with its import's credential). */
export type ImportGroupHistoryInput = {
  entries: Array<ImportedEntryInput>;
  groupId: Scalars['ID']['input'];
};

export type ImportGroupHistoryPayload = {
  __typename?: 'ImportGroupHistoryPayload';
  /** Entries already in the history (the same export imported before), left as they were. */
  alreadyThere: Scalars['Int']['output'];
  /** Entries written now. */
  written: Scalars['Int']['output'];
};

export type ImportJob = {
  __typename?: 'ImportJob';
  id: Scalars['ID']['output'];
};

export type ImportedEntryInput = {
  /** Its files, uploaded first to POST /import-files with the same credential. */
  attachmentIds: Array<Scalars['ID']['input']>;
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** The export marked it deleted: it is written as a tombstone. */
  deleted: Scalars['Boolean']['input'];
  /** The export marked it edited (its last form is the text). */
  edited: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
  kind: ImportedEntryKind;
  originalAuthor?: InputMaybe<Scalars['String']['input']>;
  sentAt: Scalars['DateTime']['input'];
  text: Scalars['String']['input'];
};

export type ImportedEntryKind =
  | 'SYSTEM'
  | 'TEXT';

/** Where an imported message came from. Imported messages keep their original times and order, and are never unread. */
export type ImportedMessage = {
  __typename?: 'ImportedMessage';
  /** The chat import that wrote it. */
  importJob: ImportJob;
  /** The author as the export named them. */
  originalAuthor?: Maybe<Scalars['String']['output']>;
  /**
   * True when the author is no one here (a name the importing admin kept as it was): the message's author is then the
   * admin who imported it, and originalAuthor is who wrote it.
   */
  placeholderAuthor: Scalars['Boolean']['output'];
};

export type MarkNotificationsReadInput = {
  /** The newest notification to mark read, with every older one; null marks all. */
  upToId?: InputMaybe<Scalars['ID']['input']>;
};

export type MarkNotificationsReadPayload = {
  __typename?: 'MarkNotificationsReadPayload';
  /** What stays unread (counted up to 1,000). */
  unreadCount: Scalars['Int']['output'];
};

export type MarkReadInput = {
  groupId: Scalars['ID']['input'];
  messageId: Scalars['ID']['input'];
};

export type MarkReadPayload = {
  __typename?: 'MarkReadPayload';
  lastReadMessageId: Scalars['ID']['output'];
  unreadCount: Scalars['Int']['output'];
};

export type Message = {
  __typename?: 'Message';
  attachments: Array<Attachment>;
  /** ADMINS for a broadcast subscriber's reply: only admins and its author see it. */
  audience: MessageAudience;
  /**
   * Who wrote it. For a SYSTEM entry no one wrote, so read its systemEvent instead: its author is the person who acted
   * (systemEvent.actor), or when no one in particular did, the first person it is about, else the group's owner. A
   * partner system's connector that posted it is a User of kind CONNECTOR.
   */
  author: User;
  /** A deleted message stays in history as a tombstone. */
  deleted: Scalars['Boolean']['output'];
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  group: Group;
  id: Scalars['ID']['output'];
  /** For a message brought over from another app's chat export: its author as the export named it; null for messages sent here. */
  imported?: Maybe<ImportedMessage>;
  kind: MessageKind;
  mentions: Array<User>;
  /** For a POLL message. */
  poll?: Maybe<Poll>;
  /** How many of the group's members have read up to this message. */
  readBy: ReadSummary;
  /** The message this one replies to, if the reader can see it. */
  replyTo?: Maybe<Message>;
  sentAt: Scalars['DateTime']['output'];
  /** What happened, for a SYSTEM entry; null for people's messages. */
  systemEvent?: Maybe<SystemEvent>;
  /** Null once the message is deleted, and for a SYSTEM entry (its systemEvent says what happened). */
  text?: Maybe<Scalars['String']['output']>;
};

export type MessageAudience =
  | 'ADMINS'
  | 'ALL';

export type MessageChange = {
  __typename?: 'MessageChange';
  kind: MessageChangeKind;
  /** The message as it is now. */
  message: Message;
};

export type MessageChangeConnection = {
  __typename?: 'MessageChangeConnection';
  edges: Array<MessageChangeEdge>;
  pageInfo: PageInfo;
};

export type MessageChangeEdge = {
  __typename?: 'MessageChangeEdge';
  cursor: Scalars['String']['output'];
  node: MessageChange;
};

export type MessageChangeKind =
  | 'DELETED'
  | 'EDITED'
  | 'POLL_UPDATED'
  | 'SENT';

export type MessageConnection = {
  __typename?: 'MessageConnection';
  edges: Array<MessageEdge>;
  pageInfo: PageInfo;
};

export type MessageEdge = {
  __typename?: 'MessageEdge';
  cursor: Scalars['String']['output'];
  node: Message;
};

export type MessageInput = {
  messageId: Scalars['ID']['input'];
};

export type MessageKind =
  /** Posted by an admin as an announcement. */
  | 'ANNOUNCEMENT'
  | 'POLL'
  /**
   * An entry about the group itself (people added, joined, removed or left, roles, renames, sub-groups): see
   * systemEvent. Never unread, never found by search, never a notification; it cannot be edited, deleted or replied
   * to. In a broadcast group, entries about people are seen by its admins (and whoever acted) only.
   */
  | 'SYSTEM'
  | 'TEXT';

export type MessagePayload = {
  __typename?: 'MessagePayload';
  message: Message;
};

export type MessageSearchConnection = {
  __typename?: 'MessageSearchConnection';
  edges: Array<MessageSearchEdge>;
  pageInfo: PageInfo;
};

export type MessageSearchEdge = {
  __typename?: 'MessageSearchEdge';
  cursor: Scalars['String']['output'];
  node: MessageSearchHit;
};

export type MessageSearchHit = {
  __typename?: 'MessageSearchHit';
  /** The matching text, matches wrapped in [[ and ]]. */
  highlight: Scalars['String']['output'];
  message: Message;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Answers a poll, or changes the answer, until its deadline. */
  answerPoll: AnswerPollPayload;
  /** Posts a poll, as sendMessage posts a message (a connector granted POST_MESSAGES too). */
  createPoll: SendMessagePayload;
  /** The sender or a group admin deletes a message; a tombstone stays. */
  deleteMessage: MessagePayload;
  /** The sender changes the text of their message. */
  editMessage: MessagePayload;
  /**
   * Writes up to 1,000 entries of an imported chat into a group's history; the import service's call only (an import's
   * credential, for its organisation's group), never the public API's.
   */
  importGroupHistory: ImportGroupHistoryPayload;
  /** Marks the signed-in user's notifications read, up to and including one, or all of them. */
  markNotificationsRead: MarkNotificationsReadPayload;
  /** Moves the signed-in user's read pointer forward to a message. */
  markRead: MarkReadPayload;
  /**
   * Sends a text message to a group the signed-in user belongs to; or, with a connector's token granted POST_MESSAGES,
   * to a group of its organisation (as an admin would: announcements and announcement-only groups included).
   */
  sendMessage: SendMessagePayload;
};


export type MutationAnswerPollArgs = {
  input: AnswerPollInput;
};


export type MutationCreatePollArgs = {
  input: CreatePollInput;
};


export type MutationDeleteMessageArgs = {
  input: MessageInput;
};


export type MutationEditMessageArgs = {
  input: EditMessageInput;
};


export type MutationImportGroupHistoryArgs = {
  input: ImportGroupHistoryInput;
};


export type MutationMarkNotificationsReadArgs = {
  input: MarkNotificationsReadInput;
};


export type MutationMarkReadArgs = {
  input: MarkReadInput;
};


export type MutationSendMessageArgs = {
  input: SendMessageInput;
};

/** Something the signed-in user should hear of. */
export type Notification = {
  __typename?: 'Notification';
  /** Who caused it. */
  actor?: Maybe<User>;
  createdAt: Scalars['DateTime']['output'];
  /** The export it is about (EXPORT_FINISHED); null for someone no longer an admin of its organisation. */
  exportJob?: Maybe<ExportJob>;
  /** The group it is about; null when the reader can no longer see it. */
  group?: Maybe<Group>;
  /** Time ordered: newer notifications have greater ids. */
  id: Scalars['ID']['output'];
  /** The import it is about (IMPORT_FINISHED). */
  importJob?: Maybe<ImportJob>;
  kind: NotificationKind;
  /** The message it is about (MENTION, REPLY); null when the reader can no longer read it. */
  message?: Maybe<Message>;
  read: Scalars['Boolean']['output'];
  /** The webhook endpoint it is about (WEBHOOK_DISABLED); null once deleted. */
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

export type NotificationKind =
  /** An export the reader started ended: its archive is ready to download, or it failed or was cancelled (exportJob). */
  | 'EXPORT_FINISHED'
  /** Someone added the reader to a group (group; actor: who added them, null when no one in particular). */
  | 'GROUP_ADDED'
  /** An import the reader started ended, one way or another (importJob). */
  | 'IMPORT_FINISHED'
  /** Someone asked to join a group the reader administers (group; actor: who asked). Decide with decideJoinRequest. */
  | 'JOIN_REQUEST'
  /** Someone mentioned the reader in a message (message, group, actor). */
  | 'MENTION'
  /** Someone replied to the reader's message (message: the reply; group, actor). */
  | 'REPLY'
  /** A webhook endpoint of an organisation the reader administers was disabled (webhookEndpoint: its disabledReason says why). */
  | 'WEBHOOK_DISABLED';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Poll = {
  __typename?: 'Poll';
  closed: Scalars['Boolean']['output'];
  deadline?: Maybe<Scalars['DateTime']['output']>;
  multipleChoice: Scalars['Boolean']['output'];
  /** The reader's own answer, as option indexes. */
  myAnswer?: Maybe<Array<Scalars['Int']['output']>>;
  options: Array<PollOption>;
  question: Scalars['String']['output'];
  resultsVisibleTo: PollResultsVisibility;
  /** People who answered; null when results are hidden from the reader. */
  voters?: Maybe<Scalars['Int']['output']>;
};

export type PollOption = {
  __typename?: 'PollOption';
  index: Scalars['Int']['output'];
  text: Scalars['String']['output'];
  /** Null when results are hidden from the reader. */
  votes?: Maybe<Scalars['Int']['output']>;
};

export type PollResultsVisibility =
  | 'ADMINS'
  | 'EVERYONE';

export type Query = {
  __typename?: 'Query';
  /** A message the signed-in user may read. */
  message?: Maybe<Message>;
  /**
   * Every group the signed-in user reads (a member of it, or of one of its sub-groups
   * at any depth), latest activity first: the latest message they can see in it, or
   * the group's creation when it has none. search: part of the group's name, any case.
   * first: 1 to 100.
   */
  myConversations: ConversationConnection;
  /** One of the signed-in user's notifications; null for any other id. */
  notification?: Maybe<Notification>;
  /** The signed-in user's notifications, newest first. first: 1 to 100. */
  notifications: NotificationConnection;
  /** Full-text search over every group the signed-in user reads, newest first. */
  searchMessages: MessageSearchConnection;
  /** The signed-in user's unread notifications, counted up to 1,000 (show 1,000 as "999+"). */
  unreadNotificationCount: Scalars['Int']['output'];
};


export type QueryMessageArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMyConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryNotificationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};

export type ReadSummary = {
  __typename?: 'ReadSummary';
  count: Scalars['Int']['output'];
  of: Scalars['Int']['output'];
};

export type SendMessageInput = {
  /** Posts as an announcement; admins only. */
  announcement?: InputMaybe<Scalars['Boolean']['input']>;
  /** Ids of files uploaded to this group beforehand (at most 10). */
  attachmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  groupId: Scalars['ID']['input'];
  /** Chosen by the client; a retried send with the same key returns the first message instead of creating another. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Members mentioned (user ids). */
  mentions?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The message this one replies to. */
  replyToId?: InputMaybe<Scalars['ID']['input']>;
  /** Up to 4,000 characters; may be empty when the message carries attachmentIds. */
  text: Scalars['String']['input'];
};

export type SendMessagePayload = {
  __typename?: 'SendMessagePayload';
  message: Message;
};

/**
 * An entry the platform wrote in a group's history about the group itself, as data to word in the reader's language,
 * e.g. "Ana added Bo and 1,999 others". One entry however many people it names: a bulk add's batches, made one after
 * another by one person, are counted into one entry (its count grows, as an EDITED change).
 */
export type SystemEvent = {
  __typename?: 'SystemEvent';
  /** Who acted; null when no one in particular did. */
  actor?: Maybe<User>;
  kind: SystemEventKind;
  /** GROUP_CREATED, GROUP_RENAMED: the group's new name. SUBGROUP_ATTACHED, SUBGROUP_DETACHED: the sub-group's name (null if not known yet). */
  name?: Maybe<Scalars['String']['output']>;
  /** ROLE_CHANGED: the role the users now have. */
  role?: Maybe<GroupRole>;
  /** SUBGROUP_ATTACHED, SUBGROUP_DETACHED: the sub-group. */
  subgroup?: Maybe<Group>;
  /** IMPORTED_NOTICE: the notice as the export words it. */
  text?: Maybe<Scalars['String']['output']>;
  userCount: Scalars['Int']['output'];
  /** The people it is about, the first 20 of them (userCount counts them all). */
  users: Array<User>;
};

export type SystemEventKind =
  /** actor created the group, named name. */
  | 'GROUP_CREATED'
  /** actor renamed the group to name. */
  | 'GROUP_RENAMED'
  /** A notice of an imported chat (WhatsApp's own line: people added, the subject changed…), worded in text as the export has it. */
  | 'IMPORTED_NOTICE'
  /** users joined by themselves (actor: they, by an invite link), or became members on signing up after their phone number was added (actor null). */
  | 'JOINED'
  /** actor added users. */
  | 'MEMBERS_ADDED'
  /** actor removed users; null actor: no one in particular (they left the organisation). */
  | 'MEMBERS_REMOVED'
  /** users (one person, also the actor) left the group. */
  | 'MEMBER_LEFT'
  /** actor gave users the role role. */
  | 'ROLE_CHANGED'
  /** actor put the group subgroup (named name) under this one. */
  | 'SUBGROUP_ATTACHED'
  /** actor took the group subgroup (named name) from under this one. */
  | 'SUBGROUP_DETACHED';

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
};

export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  id: Scalars['ID']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Group: Group;
  Message: Message;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Group:
    ( { __typename: 'Group' }
    & GraphQLRecursivePick<FederationTypes['Group'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AnswerPollInput: AnswerPollInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AnswerPollPayload: ResolverTypeWrapper<Omit<AnswerPollPayload, 'message'> & { message: ResolversTypes['Message'] }>;
  Attachment: ResolverTypeWrapper<Attachment>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ConversationConnection: ResolverTypeWrapper<Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversTypes['ConversationEdge']> }>;
  ConversationEdge: ResolverTypeWrapper<Omit<ConversationEdge, 'node'> & { node: ResolversTypes['Group'] }>;
  CreatePollInput: CreatePollInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EditMessageInput: EditMessageInput;
  ExportJob: ResolverTypeWrapper<ExportJob>;
  Group: ResolverTypeWrapper<{ id: string }>;
  GroupRole: GroupRole;
  ImportGroupHistoryInput: ImportGroupHistoryInput;
  ImportGroupHistoryPayload: ResolverTypeWrapper<ImportGroupHistoryPayload>;
  ImportJob: ResolverTypeWrapper<ImportJob>;
  ImportedEntryInput: ImportedEntryInput;
  ImportedEntryKind: ImportedEntryKind;
  ImportedMessage: ResolverTypeWrapper<ImportedMessage>;
  MarkNotificationsReadInput: MarkNotificationsReadInput;
  MarkNotificationsReadPayload: ResolverTypeWrapper<MarkNotificationsReadPayload>;
  MarkReadInput: MarkReadInput;
  MarkReadPayload: ResolverTypeWrapper<MarkReadPayload>;
  Message: ResolverTypeWrapper<MessageEntity>;
  MessageAudience: MessageAudience;
  MessageChange: ResolverTypeWrapper<MessageEntity>;
  MessageChangeConnection: ResolverTypeWrapper<Omit<MessageChangeConnection, 'edges'> & { edges: Array<ResolversTypes['MessageChangeEdge']> }>;
  MessageChangeEdge: ResolverTypeWrapper<Omit<MessageChangeEdge, 'node'> & { node: ResolversTypes['MessageChange'] }>;
  MessageChangeKind: MessageChangeKind;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'edges'> & { edges: Array<ResolversTypes['MessageEdge']> }>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageInput: MessageInput;
  MessageKind: MessageKind;
  MessagePayload: ResolverTypeWrapper<Omit<MessagePayload, 'message'> & { message: ResolversTypes['Message'] }>;
  MessageSearchConnection: ResolverTypeWrapper<Omit<MessageSearchConnection, 'edges'> & { edges: Array<ResolversTypes['MessageSearchEdge']> }>;
  MessageSearchEdge: ResolverTypeWrapper<Omit<MessageSearchEdge, 'node'> & { node: ResolversTypes['MessageSearchHit'] }>;
  MessageSearchHit: ResolverTypeWrapper<Omit<MessageSearchHit, 'message'> & { message: ResolversTypes['Message'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notification: ResolverTypeWrapper<NotificationEntity>;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationKind: NotificationKind;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Poll: ResolverTypeWrapper<Poll>;
  PollOption: ResolverTypeWrapper<PollOption>;
  PollResultsVisibility: PollResultsVisibility;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReadSummary: ResolverTypeWrapper<ReadSummary>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: ResolverTypeWrapper<Omit<SendMessagePayload, 'message'> & { message: ResolversTypes['Message'] }>;
  SystemEvent: ResolverTypeWrapper<SystemEventRecord>;
  SystemEventKind: SystemEventKind;
  User: ResolverTypeWrapper<User>;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpoint>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AnswerPollInput: AnswerPollInput;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  AnswerPollPayload: Omit<AnswerPollPayload, 'message'> & { message: ResolversParentTypes['Message'] };
  Attachment: Attachment;
  String: Scalars['String']['output'];
  ConversationConnection: Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ConversationEdge']> };
  ConversationEdge: Omit<ConversationEdge, 'node'> & { node: ResolversParentTypes['Group'] };
  CreatePollInput: CreatePollInput;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  EditMessageInput: EditMessageInput;
  ExportJob: ExportJob;
  Group: { id: string };
  ImportGroupHistoryInput: ImportGroupHistoryInput;
  ImportGroupHistoryPayload: ImportGroupHistoryPayload;
  ImportJob: ImportJob;
  ImportedEntryInput: ImportedEntryInput;
  ImportedMessage: ImportedMessage;
  MarkNotificationsReadInput: MarkNotificationsReadInput;
  MarkNotificationsReadPayload: MarkNotificationsReadPayload;
  MarkReadInput: MarkReadInput;
  MarkReadPayload: MarkReadPayload;
  Message: MessageEntity;
  MessageChange: MessageEntity;
  MessageChangeConnection: Omit<MessageChangeConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageChangeEdge']> };
  MessageChangeEdge: Omit<MessageChangeEdge, 'node'> & { node: ResolversParentTypes['MessageChange'] };
  MessageConnection: Omit<MessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageEdge']> };
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  MessageInput: MessageInput;
  MessagePayload: Omit<MessagePayload, 'message'> & { message: ResolversParentTypes['Message'] };
  MessageSearchConnection: Omit<MessageSearchConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageSearchEdge']> };
  MessageSearchEdge: Omit<MessageSearchEdge, 'node'> & { node: ResolversParentTypes['MessageSearchHit'] };
  MessageSearchHit: Omit<MessageSearchHit, 'message'> & { message: ResolversParentTypes['Message'] };
  Mutation: Record<PropertyKey, never>;
  Notification: NotificationEntity;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  PageInfo: PageInfo;
  Poll: Poll;
  PollOption: PollOption;
  Query: Record<PropertyKey, never>;
  ReadSummary: ReadSummary;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: Omit<SendMessagePayload, 'message'> & { message: ResolversParentTypes['Message'] };
  SystemEvent: SystemEventRecord;
  User: User;
  WebhookEndpoint: WebhookEndpoint;
};

export type AnswerPollPayloadResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['AnswerPollPayload'] = ResolversParentTypes['AnswerPollPayload']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type AttachmentResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConversationConnectionResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['ConversationConnection'] = ResolversParentTypes['ConversationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ConversationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ConversationEdgeResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['ConversationEdge'] = ResolversParentTypes['ConversationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ExportJobResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['ExportJob'] = ResolversParentTypes['ExportJob']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type GroupResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group'], FederationReferenceType extends FederationReferenceTypes['Group'] = FederationReferenceTypes['Group']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Group']> | FederationReferenceType, FederationReferenceType, ContextType>;
  changesCursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  lastReadMessageId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  messageChanges?: Resolver<ResolversTypes['MessageChangeConnection'], ParentType, ContextType, RequireFields<GroupMessageChangesArgs, 'after'>>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, Partial<GroupMessagesArgs>>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportGroupHistoryPayloadResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['ImportGroupHistoryPayload'] = ResolversParentTypes['ImportGroupHistoryPayload']> = {
  alreadyThere?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  written?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportJobResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['ImportJob'] = ResolversParentTypes['ImportJob']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ImportedMessageResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['ImportedMessage'] = ResolversParentTypes['ImportedMessage']> = {
  importJob?: Resolver<ResolversTypes['ImportJob'], ParentType, ContextType>;
  originalAuthor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  placeholderAuthor?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MarkNotificationsReadPayloadResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MarkNotificationsReadPayload'] = ResolversParentTypes['MarkNotificationsReadPayload']> = {
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MarkReadPayloadResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MarkReadPayload'] = ResolversParentTypes['MarkReadPayload']> = {
  lastReadMessageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MessageResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attachments?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  audience?: Resolver<ResolversTypes['MessageAudience'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imported?: Resolver<Maybe<ResolversTypes['ImportedMessage']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MessageKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  poll?: Resolver<Maybe<ResolversTypes['Poll']>, ParentType, ContextType>;
  readBy?: Resolver<ResolversTypes['ReadSummary'], ParentType, ContextType>;
  replyTo?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  systemEvent?: Resolver<Maybe<ResolversTypes['SystemEvent']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MessageChangeResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageChange'] = ResolversParentTypes['MessageChange']> = {
  kind?: Resolver<ResolversTypes['MessageChangeKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MessageChangeConnectionResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageChangeConnection'] = ResolversParentTypes['MessageChangeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageChangeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessageChangeEdgeResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageChangeEdge'] = ResolversParentTypes['MessageChangeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MessageChange'], ParentType, ContextType>;
};

export type MessageConnectionResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessageEdgeResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageEdge'] = ResolversParentTypes['MessageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MessagePayloadResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessagePayload'] = ResolversParentTypes['MessagePayload']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MessageSearchConnectionResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageSearchConnection'] = ResolversParentTypes['MessageSearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageSearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessageSearchEdgeResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageSearchEdge'] = ResolversParentTypes['MessageSearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MessageSearchHit'], ParentType, ContextType>;
};

export type MessageSearchHitResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['MessageSearchHit'] = ResolversParentTypes['MessageSearchHit']> = {
  highlight?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  answerPoll?: Resolver<ResolversTypes['AnswerPollPayload'], ParentType, ContextType, RequireFields<MutationAnswerPollArgs, 'input'>>;
  createPoll?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationCreatePollArgs, 'input'>>;
  deleteMessage?: Resolver<ResolversTypes['MessagePayload'], ParentType, ContextType, RequireFields<MutationDeleteMessageArgs, 'input'>>;
  editMessage?: Resolver<ResolversTypes['MessagePayload'], ParentType, ContextType, RequireFields<MutationEditMessageArgs, 'input'>>;
  importGroupHistory?: Resolver<ResolversTypes['ImportGroupHistoryPayload'], ParentType, ContextType, RequireFields<MutationImportGroupHistoryArgs, 'input'>>;
  markNotificationsRead?: Resolver<ResolversTypes['MarkNotificationsReadPayload'], ParentType, ContextType, RequireFields<MutationMarkNotificationsReadArgs, 'input'>>;
  markRead?: Resolver<ResolversTypes['MarkReadPayload'], ParentType, ContextType, RequireFields<MutationMarkReadArgs, 'input'>>;
  sendMessage?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
};

export type NotificationResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exportJob?: Resolver<Maybe<ResolversTypes['ExportJob']>, ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importJob?: Resolver<Maybe<ResolversTypes['ImportJob']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type NotificationConnectionResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NotificationEdgeResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PollResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['Poll'] = ResolversParentTypes['Poll']> = {
  closed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deadline?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  multipleChoice?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  myAnswer?: Resolver<Maybe<Array<ResolversTypes['Int']>>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['PollOption']>, ParentType, ContextType>;
  question?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resultsVisibleTo?: Resolver<ResolversTypes['PollResultsVisibility'], ParentType, ContextType>;
  voters?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type PollOptionResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['PollOption'] = ResolversParentTypes['PollOption']> = {
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  votes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<QueryMessageArgs, 'id'>>;
  myConversations?: Resolver<ResolversTypes['ConversationConnection'], ParentType, ContextType, RequireFields<QueryMyConversationsArgs, 'first'>>;
  notification?: Resolver<Maybe<ResolversTypes['Notification']>, ParentType, ContextType, RequireFields<QueryNotificationArgs, 'id'>>;
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first'>>;
  searchMessages?: Resolver<ResolversTypes['MessageSearchConnection'], ParentType, ContextType, RequireFields<QuerySearchMessagesArgs, 'first' | 'query'>>;
  unreadNotificationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReadSummaryResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['ReadSummary'] = ResolversParentTypes['ReadSummary']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  of?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SendMessagePayloadResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['SendMessagePayload'] = ResolversParentTypes['SendMessagePayload']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type SystemEventResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['SystemEvent'] = ResolversParentTypes['SystemEvent']> = {
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SystemEventKind'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['GroupRole']>, ParentType, ContextType>;
  subgroup?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = MessagingContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = MessagingContext> = {
  AnswerPollPayload?: AnswerPollPayloadResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  ConversationConnection?: ConversationConnectionResolvers<ContextType>;
  ConversationEdge?: ConversationEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  ExportJob?: ExportJobResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  ImportGroupHistoryPayload?: ImportGroupHistoryPayloadResolvers<ContextType>;
  ImportJob?: ImportJobResolvers<ContextType>;
  ImportedMessage?: ImportedMessageResolvers<ContextType>;
  MarkNotificationsReadPayload?: MarkNotificationsReadPayloadResolvers<ContextType>;
  MarkReadPayload?: MarkReadPayloadResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageChange?: MessageChangeResolvers<ContextType>;
  MessageChangeConnection?: MessageChangeConnectionResolvers<ContextType>;
  MessageChangeEdge?: MessageChangeEdgeResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  MessagePayload?: MessagePayloadResolvers<ContextType>;
  MessageSearchConnection?: MessageSearchConnectionResolvers<ContextType>;
  MessageSearchEdge?: MessageSearchEdgeResolvers<ContextType>;
  MessageSearchHit?: MessageSearchHitResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Poll?: PollResolvers<ContextType>;
  PollOption?: PollOptionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReadSummary?: ReadSummaryResolvers<ContextType>;
  SendMessagePayload?: SendMessagePayloadResolvers<ContextType>;
  SystemEvent?: SystemEventResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
};

