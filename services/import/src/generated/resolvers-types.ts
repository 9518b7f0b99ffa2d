import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ImportJobEntity } from '../entities/import-job.entity';
import type { ExportJobEntity } from '../entities/export-job.entity';
import type { ChatImportEntity } from '../entities/chat-import.entity';
import type { ChatPreview, PreviewAuthor, AuthorMatch, ChatSample } from '../domain/chat-export/chat-preview';
import type { ChatFormat } from '../domain/chat-export/whatsapp-parser';
import type { ImportContext } from '../context';
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
  /** An absolute http(s) URL. */
  URL: { input: string; output: string; }
  _FieldSet: { input: string; output: string; }
};

export type ApplyChatImportInput = {
  /** Add the people the authors are mapped to as members of the group. */
  addAuthorsAsMembers: Scalars['Boolean']['input'];
  /** Changes to the preview's matches; authors not named keep the person the preview matched (or stay placeholders). */
  authors: Array<ChatAuthorMappingInput>;
  /** The chat import whose preview is applied. */
  importId: Scalars['ID']['input'];
};

export type ApplyChatImportPayload = {
  __typename?: 'ApplyChatImportPayload';
  /** The import that writes the history into the group; follow it as any import (importJob, importProgress). */
  import: ImportJob;
};

export type CancelExportInput = {
  exportId: Scalars['ID']['input'];
};

export type CancelExportPayload = {
  __typename?: 'CancelExportPayload';
  export: ExportJob;
};

export type CancelImportInput = {
  importId: Scalars['ID']['input'];
};

export type CancelImportPayload = {
  __typename?: 'CancelImportPayload';
  import: ImportJob;
};

export type ChatAuthor = {
  __typename?: 'ChatAuthor';
  /** The directory member the author matches: by number, or by a name only one member has; null when unsure. */
  match?: Maybe<ChatAuthorMatch>;
  messages: Scalars['Int']['output'];
  /** The author as the export names them. */
  name: Scalars['String']['output'];
  /** The number the export shows instead of a name, in E.164 when it can be read so; null for a name. */
  phone?: Maybe<Scalars['String']['output']>;
};

export type ChatAuthorMapping = {
  __typename?: 'ChatAuthorMapping';
  name: Scalars['String']['output'];
  user?: Maybe<User>;
};

export type ChatAuthorMappingInput = {
  /** The author as the preview lists them. */
  name: Scalars['String']['input'];
  /** A directory member's number: the author's messages become theirs. Null or left out: kept as a named placeholder (not a member). */
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type ChatAuthorMatch = {
  __typename?: 'ChatAuthorMatch';
  by: ChatAuthorMatchKind;
  /** The member's name in the directory. */
  displayName: Scalars['String']['output'];
  user: User;
};

export type ChatAuthorMatchKind =
  | 'NAME'
  | 'PHONE';

export type ChatClock =
  | 'H12'
  | 'H24';

export type ChatDateOrder =
  | 'DAY_FIRST'
  | 'MONTH_FIRST';

export type ChatDateOrderSource =
  | 'DEFAULT'
  | 'FILE'
  | 'SETTING';

export type ChatExportDateOrder =
  | 'DAY_FIRST'
  | 'MONTH_FIRST'
  | 'YEAR_FIRST';

export type ChatExportFormat = {
  __typename?: 'ChatExportFormat';
  clock: ChatClock;
  dateOrder: ChatExportDateOrder;
  /** Where the date order came from: the file itself (a day above 12), the import's setting, or the default (day first). */
  dateOrderFrom: ChatDateOrderSource;
  platform: ChatPlatform;
};

export type ChatFileKind =
  /** A .txt export (without media). */
  | 'TEXT'
  /** The .zip WhatsApp makes when exporting with media. */
  | 'ZIP';

/** A chat import's target, settings and, once its file is read, its preview. */
export type ChatImport = {
  __typename?: 'ChatImport';
  /** For an applied import: whether the mapped people were added to the group. */
  addAuthorsAsMembers: Scalars['Boolean']['output'];
  /** How dates the file cannot settle (no day above 12) are read, as asked; null: day first. */
  dateOrder?: Maybe<ChatDateOrder>;
  /** The group the history goes into; null when a new organisation group is made for it. */
  group?: Maybe<Group>;
  /** For an applied import: each author and the person their messages are written as (null: a named placeholder). */
  mapping?: Maybe<Array<ChatAuthorMapping>>;
  /** The new group's name: as given, or from the export's file name once it is uploaded. */
  newGroupName?: Maybe<Scalars['String']['output']>;
  /** What the file holds and whom its authors match; null until it is uploaded and read. */
  preview?: Maybe<ChatImportPreview>;
  /** The export line by line with what became of each line (CSV: line, text, became, detail), downloaded with the same access token; null until the file is read. */
  reportUrl?: Maybe<Scalars['URL']['output']>;
  /** For an applied import: the preview (dry run) it applies. */
  source?: Maybe<ImportJob>;
  /** The exporting phone's time zone (IANA): the export's times are read in it. */
  timeZone: Scalars['String']['output'];
};

/** What a chat export holds, before anything is written. */
export type ChatImportPreview = {
  __typename?: 'ChatImportPreview';
  /** Each distinct author, most messages first, with the directory member they match. */
  authors: Array<ChatAuthor>;
  fileKind: ChatFileKind;
  firstAt?: Maybe<Scalars['DateTime']['output']>;
  format: ChatExportFormat;
  lastAt?: Maybe<Scalars['DateTime']['output']>;
  media: ChatMediaCounts;
  messages: Scalars['Int']['output'];
  /** The first few messages, as they will read. */
  samples: Array<ChatSampleMessage>;
  /** Lines that are none of these (and not part of a message): in the import's report with the reason. */
  skippedLines: Scalars['Int']['output'];
  /** WhatsApp's own notices (group created, people added or left, subject changed…), kept as system events. */
  systemEvents: Scalars['Int']['output'];
};

/** Messages that name a file: those whose file is in the .zip, and those without it (left out of the export, or missing). */
export type ChatMediaCounts = {
  __typename?: 'ChatMediaCounts';
  inArchive: Scalars['Int']['output'];
  missing: Scalars['Int']['output'];
  referenced: Scalars['Int']['output'];
};

export type ChatPlatform =
  | 'ANDROID'
  | 'IOS';

export type ChatSampleMessage = {
  __typename?: 'ChatSampleMessage';
  author: Scalars['String']['output'];
  /** The line of the file the message starts on. */
  line: Scalars['Int']['output'];
  sentAt: Scalars['DateTime']['output'];
  text: Scalars['String']['output'];
};

export type ExistingUsers =
  /** People already in the directory keep their record (they are still added to the groups). */
  | 'SKIP'
  /** People already in the directory get the file's network and attributes, and its name if they never signed in. */
  | 'UPDATE';

/**
 * An export of an organisation's data to one archive (.tar.gz): a manifest.json with counts and SHA-256 checksums,
 * JSON Lines per kind of record (organization, attribute-definitions, people, groups, memberships, messages, polls,
 * votes, attachments) and the attachments' files. Seen by the organisation's admins only.
 */
export type ExportJob = {
  __typename?: 'ExportJob';
  /** The archive's size in bytes, once COMPLETED. */
  archiveBytes?: Maybe<Scalars['Float']['output']>;
  /** The archive's SHA-256 (hex), once COMPLETED, to check a download against. */
  archiveSha256?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The archive, downloaded with an admin's access token (GET; a Range header resumes a download); null unless COMPLETED. */
  downloadUrl?: Maybe<Scalars['URL']['output']>;
  /** When the archive of a COMPLETED export is deleted. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why a FAILED export stopped, in words a person can act on. */
  failureReason?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Messages sent from this time on are exported; null: from the first. */
  from?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  organization: Organization;
  /** Share of the records written, 0 to 100. */
  percent: Scalars['Float']['output'];
  /** Records to write, as counted when the export began (0 before); the final count once COMPLETED. */
  recordsTotal: Scalars['Float']['output'];
  /** Records written so far, of every kind. */
  recordsWritten: Scalars['Float']['output'];
  /** When a worker began it. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The admin who started it. */
  startedBy: User;
  status: ExportStatus;
  /** Messages sent before this time are exported: the time asked for, or when the export was started. */
  to: Scalars['DateTime']['output'];
};

export type ExportJobConnection = {
  __typename?: 'ExportJobConnection';
  edges: Array<ExportJobEdge>;
  pageInfo: PageInfo;
};

export type ExportJobEdge = {
  __typename?: 'ExportJobEdge';
  cursor: Scalars['String']['output'];
  node: ExportJob;
};

export type ExportStatus =
  /** Stopped on request; nothing of it is kept. */
  | 'CANCELLED'
  /** The archive is ready to download until expiresAt. */
  | 'COMPLETED'
  /** The archive was kept for its time and then deleted. */
  | 'EXPIRED'
  /** Stopped by an error; see failureReason. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Records are being written. */
  | 'RUNNING';

export type Group = {
  __typename?: 'Group';
  id: Scalars['ID']['output'];
};

/** Row counts of an import; they grow while it runs. */
export type ImportCounts = {
  __typename?: 'ImportCounts';
  created: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  processed: Scalars['Int']['output'];
  /** Rows in the file, once known. */
  total: Scalars['Int']['output'];
  /** Rows that matched what was already there. */
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** A bulk upload (a member CSV to the directory or to groups, or a chat's history) and how far it has got. */
export type ImportJob = {
  __typename?: 'ImportJob';
  /** For a chat import: where its history goes and what its file holds; null for a member import. */
  chat?: Maybe<ChatImport>;
  counts: ImportCounts;
  createdAt: Scalars['DateTime']['output'];
  /** Country of numbers written without a prefix. */
  defaultCountry: Scalars['String']['output'];
  /** The failed rows as CSV (row number, the row as written, the reason), downloaded with the same access token; null while no row has failed. */
  errorReportUrl?: Maybe<Scalars['URL']['output']>;
  /** Seconds until the last row, at the current rate; null when not running. */
  estimatedSecondsLeft?: Maybe<Scalars['Int']['output']>;
  existingUsers: ExistingUsers;
  /** Why a FAILED import stopped, in words a person can act on. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** The uploaded file's name, once it is in. */
  fileName?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Groups the people are added to; empty when only the directory is filled. */
  groups: Array<Group>;
  id: Scalars['ID']['output'];
  kind: ImportKind;
  mode: ImportMode;
  /** The organisation the rows are imported into. */
  organization: Organization;
  /** Share of the rows processed, 0 to 100. */
  percent: Scalars['Float']['output'];
  /** When the file was in and checked, and rows began to be applied. */
  processingStartedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Rows processed per second since processing began; null before. */
  rowsPerSecond?: Maybe<Scalars['Float']['output']>;
  /** The person who uploaded the file. */
  startedBy: User;
  status: ImportStatus;
};

export type ImportJobConnection = {
  __typename?: 'ImportJobConnection';
  edges: Array<ImportJobEdge>;
  pageInfo: PageInfo;
};

export type ImportJobEdge = {
  __typename?: 'ImportJobEdge';
  cursor: Scalars['String']['output'];
  node: ImportJob;
};

export type ImportKind =
  /** A chat's history into a group, from a WhatsApp export (.txt, or .zip with media). */
  | 'CHAT'
  /** People into the organisation's directory and groups, from a CSV file. */
  | 'MEMBERS';

export type ImportMode =
  | 'APPLY'
  /** Check every row and report what would happen; change nothing. */
  | 'DRY_RUN';

export type ImportStatus =
  /** Stopped on request; rows already applied stay applied. */
  | 'CANCELLED'
  /** Every row was applied. */
  | 'COMPLETED'
  /** Finished, but some rows could not be applied; see the failed count. */
  | 'COMPLETED_WITH_ERRORS'
  /** Stopped by an error that affects the whole upload; nothing more will be applied. */
  | 'FAILED'
  /** Accepted and waiting for a worker. */
  | 'QUEUED'
  /** Rows are being applied. */
  | 'RUNNING'
  /** The file is being checked before any row is applied. */
  | 'VALIDATING';

/** The CSV an organisation's member imports take. */
export type ImportTemplate = {
  __typename?: 'ImportTemplate';
  columns: Array<ImportTemplateColumn>;
  /** The template as a CSV file (header row only), downloaded with the same access token. */
  downloadUrl: Scalars['URL']['output'];
};

export type ImportTemplateColumn = {
  __typename?: 'ImportTemplateColumn';
  description: Scalars['String']['output'];
  /** The header to use; mandatory attributes end in *. */
  name: Scalars['String']['output'];
  required: Scalars['Boolean']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Applies a chat import's preview: the export's messages land in the group (made now, when the preview asked for a
   * new one) in their original order and times, marked as imported, with each author as mapped. A new import of its own
   * does it, in chunks; importing the same export into the same group again writes nothing twice.
   */
  applyChatImport: ApplyChatImportPayload;
  /** Stops an export; nothing of it is kept. */
  cancelExport: CancelExportPayload;
  /** Stops an import at its next chunk; rows already applied stay applied and counted. */
  cancelImport: CancelImportPayload;
  /**
   * Starts importing a WhatsApp chat export into an organisation group: organisation admins only, who must administer
   * the group when it exists. Upload the export (.txt, or the .zip with media) to uploadUrl next; the answer, and
   * ImportJob.chat.preview, say what it holds and whom its authors match. Nothing is written to the group yet.
   */
  startChatImport: StartImportPayload;
  /**
   * Starts an export of an organisation's data (its directory, groups, memberships, and the messages, polls, votes and
   * attachments of the range) to one archive; its admins only, one export at a time per organisation. Follow it with
   * exportJob or the exportProgress subscription, then download the archive at downloadUrl.
   */
  startExport: StartExportPayload;
  /**
   * Starts a member import into an organisation's directory, and into groups if
   * named; organisation admins only, who must also manage the groups. Upload the
   * file to uploadUrl next.
   */
  startImport: StartImportPayload;
};


export type MutationApplyChatImportArgs = {
  input: ApplyChatImportInput;
};


export type MutationCancelExportArgs = {
  input: CancelExportInput;
};


export type MutationCancelImportArgs = {
  input: CancelImportInput;
};


export type MutationStartChatImportArgs = {
  input: StartChatImportInput;
};


export type MutationStartExportArgs = {
  input: StartExportInput;
};


export type MutationStartImportArgs = {
  input: StartImportInput;
};

export type Organization = {
  __typename?: 'Organization';
  /** Exports of this organisation's data, newest first. Its admins only: FORBIDDEN for anyone else. */
  exports: ExportJobConnection;
  id: Scalars['ID']['output'];
  /** Uploads into this organisation, newest first: all of them for its admins, one's own for anyone else. */
  imports: ImportJobConnection;
};


export type OrganizationExportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type OrganizationImportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** An export of an organisation the signed-in user administers; NOT_FOUND otherwise. */
  exportJob?: Maybe<ExportJob>;
  /** An import the signed-in user started, or one into an organisation they administer; NOT_FOUND otherwise. */
  importJob?: Maybe<ImportJob>;
  /** The member CSV template of an organisation: its columns and where to download it. Admins only. */
  importTemplate: ImportTemplate;
};


export type QueryExportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportTemplateArgs = {
  organizationId: Scalars['ID']['input'];
};

export type StartChatImportInput = {
  /** How to read dates the file cannot settle (no day above 12 anywhere in it); left out: day first. */
  dateOrder?: InputMaybe<ChatDateOrder>;
  /** ISO country for numbers the export shows without a prefix (authors outside the exporter's contacts). */
  defaultCountry: Scalars['String']['input'];
  /** An organisation group the caller owns or administers; left out, a new organisation group is made. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** The new group's name; left out, it is taken from the export's file name (WhatsApp Chat with <name>.txt). */
  newGroupName?: InputMaybe<Scalars['String']['input']>;
  organizationId: Scalars['ID']['input'];
  /** The exporting phone's time zone, by its IANA name (e.g. Asia/Kolkata): export times carry no offset. */
  timeZone: Scalars['String']['input'];
};

export type StartExportInput = {
  /** Export the messages sent from this time on; left out: from the first. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  organizationId: Scalars['ID']['input'];
  /** Export the messages sent before this time; left out, or later than now: until now. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type StartExportPayload = {
  __typename?: 'StartExportPayload';
  export: ExportJob;
};

export type StartImportInput = {
  /** ISO country of numbers written without a prefix, e.g. IN. */
  defaultCountry: Scalars['String']['input'];
  existingUsers: ExistingUsers;
  /** Groups to add everyone to; none fills the directory only. */
  groupIds: Array<Scalars['ID']['input']>;
  mode: ImportMode;
  organizationId: Scalars['ID']['input'];
};

export type StartImportPayload = {
  __typename?: 'StartImportPayload';
  import: ImportJob;
  /** The largest file accepted, in bytes. */
  maxUploadBytes: Scalars['Float']['output'];
  /** Send the CSV file here as the body of a PUT (or POST), with the same access token; the answer is the import's state. */
  uploadUrl: Scalars['URL']['output'];
};

export type User = {
  __typename?: 'User';
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
  ExportJob: ExportJob;
  ImportJob: ImportJob;
  Organization: Organization;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ExportJob:
    ( { __typename: 'ExportJob' }
    & GraphQLRecursivePick<FederationTypes['ExportJob'], {"id":true}> );
  ImportJob:
    ( { __typename: 'ImportJob' }
    & GraphQLRecursivePick<FederationTypes['ImportJob'], {"id":true}> );
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApplyChatImportInput: ApplyChatImportInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApplyChatImportPayload: ResolverTypeWrapper<Omit<ApplyChatImportPayload, 'import'> & { import: ResolversTypes['ImportJob'] }>;
  CancelExportInput: CancelExportInput;
  CancelExportPayload: ResolverTypeWrapper<Omit<CancelExportPayload, 'export'> & { export: ResolversTypes['ExportJob'] }>;
  CancelImportInput: CancelImportInput;
  CancelImportPayload: ResolverTypeWrapper<Omit<CancelImportPayload, 'import'> & { import: ResolversTypes['ImportJob'] }>;
  ChatAuthor: ResolverTypeWrapper<PreviewAuthor>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ChatAuthorMapping: ResolverTypeWrapper<ChatAuthorMapping>;
  ChatAuthorMappingInput: ChatAuthorMappingInput;
  ChatAuthorMatch: ResolverTypeWrapper<AuthorMatch>;
  ChatAuthorMatchKind: ChatAuthorMatchKind;
  ChatClock: ChatClock;
  ChatDateOrder: ChatDateOrder;
  ChatDateOrderSource: ChatDateOrderSource;
  ChatExportDateOrder: ChatExportDateOrder;
  ChatExportFormat: ResolverTypeWrapper<ChatFormat>;
  ChatFileKind: ChatFileKind;
  ChatImport: ResolverTypeWrapper<ChatImportEntity>;
  ChatImportPreview: ResolverTypeWrapper<ChatPreview>;
  ChatMediaCounts: ResolverTypeWrapper<ChatMediaCounts>;
  ChatPlatform: ChatPlatform;
  ChatSampleMessage: ResolverTypeWrapper<ChatSample>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ExistingUsers: ExistingUsers;
  ExportJob: ResolverTypeWrapper<ExportJobEntity>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ExportJobConnection: ResolverTypeWrapper<Omit<ExportJobConnection, 'edges'> & { edges: Array<ResolversTypes['ExportJobEdge']> }>;
  ExportJobEdge: ResolverTypeWrapper<Omit<ExportJobEdge, 'node'> & { node: ResolversTypes['ExportJob'] }>;
  ExportStatus: ExportStatus;
  Group: ResolverTypeWrapper<Group>;
  ImportCounts: ResolverTypeWrapper<ImportCounts>;
  ImportJob: ResolverTypeWrapper<ImportJobEntity>;
  ImportJobConnection: ResolverTypeWrapper<Omit<ImportJobConnection, 'edges'> & { edges: Array<ResolversTypes['ImportJobEdge']> }>;
  ImportJobEdge: ResolverTypeWrapper<Omit<ImportJobEdge, 'node'> & { node: ResolversTypes['ImportJob'] }>;
  ImportKind: ImportKind;
  ImportMode: ImportMode;
  ImportStatus: ImportStatus;
  ImportTemplate: ResolverTypeWrapper<ImportTemplate>;
  ImportTemplateColumn: ResolverTypeWrapper<ImportTemplateColumn>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organization: ResolverTypeWrapper<{ id: string }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StartChatImportInput: StartChatImportInput;
  StartExportInput: StartExportInput;
  StartExportPayload: ResolverTypeWrapper<Omit<StartExportPayload, 'export'> & { export: ResolversTypes['ExportJob'] }>;
  StartImportInput: StartImportInput;
  StartImportPayload: ResolverTypeWrapper<Omit<StartImportPayload, 'import'> & { import: ResolversTypes['ImportJob'] }>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  User: ResolverTypeWrapper<User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApplyChatImportInput: ApplyChatImportInput;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  ApplyChatImportPayload: Omit<ApplyChatImportPayload, 'import'> & { import: ResolversParentTypes['ImportJob'] };
  CancelExportInput: CancelExportInput;
  CancelExportPayload: Omit<CancelExportPayload, 'export'> & { export: ResolversParentTypes['ExportJob'] };
  CancelImportInput: CancelImportInput;
  CancelImportPayload: Omit<CancelImportPayload, 'import'> & { import: ResolversParentTypes['ImportJob'] };
  ChatAuthor: PreviewAuthor;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ChatAuthorMapping: ChatAuthorMapping;
  ChatAuthorMappingInput: ChatAuthorMappingInput;
  ChatAuthorMatch: AuthorMatch;
  ChatExportFormat: ChatFormat;
  ChatImport: ChatImportEntity;
  ChatImportPreview: ChatPreview;
  ChatMediaCounts: ChatMediaCounts;
  ChatSampleMessage: ChatSample;
  DateTime: Scalars['DateTime']['output'];
  ExportJob: ExportJobEntity;
  Float: Scalars['Float']['output'];
  ExportJobConnection: Omit<ExportJobConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExportJobEdge']> };
  ExportJobEdge: Omit<ExportJobEdge, 'node'> & { node: ResolversParentTypes['ExportJob'] };
  Group: Group;
  ImportCounts: ImportCounts;
  ImportJob: ImportJobEntity;
  ImportJobConnection: Omit<ImportJobConnection, 'edges'> & { edges: Array<ResolversParentTypes['ImportJobEdge']> };
  ImportJobEdge: Omit<ImportJobEdge, 'node'> & { node: ResolversParentTypes['ImportJob'] };
  ImportTemplate: ImportTemplate;
  ImportTemplateColumn: ImportTemplateColumn;
  Mutation: Record<PropertyKey, never>;
  Organization: { id: string };
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  StartChatImportInput: StartChatImportInput;
  StartExportInput: StartExportInput;
  StartExportPayload: Omit<StartExportPayload, 'export'> & { export: ResolversParentTypes['ExportJob'] };
  StartImportInput: StartImportInput;
  StartImportPayload: Omit<StartImportPayload, 'import'> & { import: ResolversParentTypes['ImportJob'] };
  URL: Scalars['URL']['output'];
  User: User;
};

export type ApplyChatImportPayloadResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ApplyChatImportPayload'] = ResolversParentTypes['ApplyChatImportPayload']> = {
  import?: Resolver<ResolversTypes['ImportJob'], ParentType, ContextType>;
};

export type CancelExportPayloadResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['CancelExportPayload'] = ResolversParentTypes['CancelExportPayload']> = {
  export?: Resolver<ResolversTypes['ExportJob'], ParentType, ContextType>;
};

export type CancelImportPayloadResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['CancelImportPayload'] = ResolversParentTypes['CancelImportPayload']> = {
  import?: Resolver<ResolversTypes['ImportJob'], ParentType, ContextType>;
};

export type ChatAuthorResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatAuthor'] = ResolversParentTypes['ChatAuthor']> = {
  match?: Resolver<Maybe<ResolversTypes['ChatAuthorMatch']>, ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChatAuthorMappingResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatAuthorMapping'] = ResolversParentTypes['ChatAuthorMapping']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type ChatAuthorMatchResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatAuthorMatch'] = ResolversParentTypes['ChatAuthorMatch']> = {
  by?: Resolver<ResolversTypes['ChatAuthorMatchKind'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type ChatExportFormatResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatExportFormat'] = ResolversParentTypes['ChatExportFormat']> = {
  clock?: Resolver<ResolversTypes['ChatClock'], ParentType, ContextType>;
  dateOrder?: Resolver<ResolversTypes['ChatExportDateOrder'], ParentType, ContextType>;
  dateOrderFrom?: Resolver<ResolversTypes['ChatDateOrderSource'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['ChatPlatform'], ParentType, ContextType>;
};

export type ChatImportResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatImport'] = ResolversParentTypes['ChatImport']> = {
  addAuthorsAsMembers?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dateOrder?: Resolver<Maybe<ResolversTypes['ChatDateOrder']>, ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  mapping?: Resolver<Maybe<Array<ResolversTypes['ChatAuthorMapping']>>, ParentType, ContextType>;
  newGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  preview?: Resolver<Maybe<ResolversTypes['ChatImportPreview']>, ParentType, ContextType>;
  reportUrl?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['ImportJob']>, ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChatImportPreviewResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatImportPreview'] = ResolversParentTypes['ChatImportPreview']> = {
  authors?: Resolver<Array<ResolversTypes['ChatAuthor']>, ParentType, ContextType>;
  fileKind?: Resolver<ResolversTypes['ChatFileKind'], ParentType, ContextType>;
  firstAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['ChatExportFormat'], ParentType, ContextType>;
  lastAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  media?: Resolver<ResolversTypes['ChatMediaCounts'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['ChatSampleMessage']>, ParentType, ContextType>;
  skippedLines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  systemEvents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChatMediaCountsResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatMediaCounts'] = ResolversParentTypes['ChatMediaCounts']> = {
  inArchive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  referenced?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChatSampleMessageResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ChatSampleMessage'] = ResolversParentTypes['ChatSampleMessage']> = {
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ExportJobResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ExportJob'] = ResolversParentTypes['ExportJob'], FederationReferenceType extends FederationReferenceTypes['ExportJob'] = FederationReferenceTypes['ExportJob']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ExportJob']> | FederationReferenceType, FederationReferenceType, ContextType>;
  archiveBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  archiveSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloadUrl?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recordsTotal?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recordsWritten?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  startedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExportStatus'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ExportJobConnectionResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ExportJobConnection'] = ResolversParentTypes['ExportJobConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExportJobEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ExportJobEdgeResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ExportJobEdge'] = ResolversParentTypes['ExportJobEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ExportJob'], ParentType, ContextType>;
};

export type GroupResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ImportCountsResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ImportCounts'] = ResolversParentTypes['ImportCounts']> = {
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  processed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportJobResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ImportJob'] = ResolversParentTypes['ImportJob'], FederationReferenceType extends FederationReferenceTypes['ImportJob'] = FederationReferenceTypes['ImportJob']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ImportJob']> | FederationReferenceType, FederationReferenceType, ContextType>;
  chat?: Resolver<Maybe<ResolversTypes['ChatImport']>, ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['ImportCounts'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  defaultCountry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  errorReportUrl?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  estimatedSecondsLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  existingUsers?: Resolver<ResolversTypes['ExistingUsers'], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fileName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImportKind'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ImportMode'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  processingStartedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rowsPerSecond?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  startedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ImportStatus'], ParentType, ContextType>;
};

export type ImportJobConnectionResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ImportJobConnection'] = ResolversParentTypes['ImportJobConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ImportJobEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ImportJobEdgeResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ImportJobEdge'] = ResolversParentTypes['ImportJobEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ImportJob'], ParentType, ContextType>;
};

export type ImportTemplateResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ImportTemplate'] = ResolversParentTypes['ImportTemplate']> = {
  columns?: Resolver<Array<ResolversTypes['ImportTemplateColumn']>, ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['URL'], ParentType, ContextType>;
};

export type ImportTemplateColumnResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['ImportTemplateColumn'] = ResolversParentTypes['ImportTemplateColumn']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  applyChatImport?: Resolver<ResolversTypes['ApplyChatImportPayload'], ParentType, ContextType, RequireFields<MutationApplyChatImportArgs, 'input'>>;
  cancelExport?: Resolver<ResolversTypes['CancelExportPayload'], ParentType, ContextType, RequireFields<MutationCancelExportArgs, 'input'>>;
  cancelImport?: Resolver<ResolversTypes['CancelImportPayload'], ParentType, ContextType, RequireFields<MutationCancelImportArgs, 'input'>>;
  startChatImport?: Resolver<ResolversTypes['StartImportPayload'], ParentType, ContextType, RequireFields<MutationStartChatImportArgs, 'input'>>;
  startExport?: Resolver<ResolversTypes['StartExportPayload'], ParentType, ContextType, RequireFields<MutationStartExportArgs, 'input'>>;
  startImport?: Resolver<ResolversTypes['StartImportPayload'], ParentType, ContextType, RequireFields<MutationStartImportArgs, 'input'>>;
};

export type OrganizationResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  exports?: Resolver<ResolversTypes['ExportJobConnection'], ParentType, ContextType, RequireFields<OrganizationExportsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imports?: Resolver<ResolversTypes['ImportJobConnection'], ParentType, ContextType, RequireFields<OrganizationImportsArgs, 'first'>>;
};

export type PageInfoResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  exportJob?: Resolver<Maybe<ResolversTypes['ExportJob']>, ParentType, ContextType, RequireFields<QueryExportJobArgs, 'id'>>;
  importJob?: Resolver<Maybe<ResolversTypes['ImportJob']>, ParentType, ContextType, RequireFields<QueryImportJobArgs, 'id'>>;
  importTemplate?: Resolver<ResolversTypes['ImportTemplate'], ParentType, ContextType, RequireFields<QueryImportTemplateArgs, 'organizationId'>>;
};

export type StartExportPayloadResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['StartExportPayload'] = ResolversParentTypes['StartExportPayload']> = {
  export?: Resolver<ResolversTypes['ExportJob'], ParentType, ContextType>;
};

export type StartImportPayloadResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['StartImportPayload'] = ResolversParentTypes['StartImportPayload']> = {
  import?: Resolver<ResolversTypes['ImportJob'], ParentType, ContextType>;
  maxUploadBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  uploadUrl?: Resolver<ResolversTypes['URL'], ParentType, ContextType>;
};

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserResolvers<ContextType = ImportContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ImportContext> = {
  ApplyChatImportPayload?: ApplyChatImportPayloadResolvers<ContextType>;
  CancelExportPayload?: CancelExportPayloadResolvers<ContextType>;
  CancelImportPayload?: CancelImportPayloadResolvers<ContextType>;
  ChatAuthor?: ChatAuthorResolvers<ContextType>;
  ChatAuthorMapping?: ChatAuthorMappingResolvers<ContextType>;
  ChatAuthorMatch?: ChatAuthorMatchResolvers<ContextType>;
  ChatExportFormat?: ChatExportFormatResolvers<ContextType>;
  ChatImport?: ChatImportResolvers<ContextType>;
  ChatImportPreview?: ChatImportPreviewResolvers<ContextType>;
  ChatMediaCounts?: ChatMediaCountsResolvers<ContextType>;
  ChatSampleMessage?: ChatSampleMessageResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  ExportJob?: ExportJobResolvers<ContextType>;
  ExportJobConnection?: ExportJobConnectionResolvers<ContextType>;
  ExportJobEdge?: ExportJobEdgeResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  ImportCounts?: ImportCountsResolvers<ContextType>;
  ImportJob?: ImportJobResolvers<ContextType>;
  ImportJobConnection?: ImportJobConnectionResolvers<ContextType>;
  ImportJobEdge?: ImportJobEdgeResolvers<ContextType>;
  ImportTemplate?: ImportTemplateResolvers<ContextType>;
  ImportTemplateColumn?: ImportTemplateColumnResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StartExportPayload?: StartExportPayloadResolvers<ContextType>;
  StartImportPayload?: StartImportPayloadResolvers<ContextType>;
  URL?: GraphQLScalarType;
  User?: UserResolvers<ContextType>;
};

