import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { WebhookEndpointRecord } from '../domain/webhook-endpoint';
import type { DeliveryRecord, DeliveryAttemptRecord } from '../domain/deliveries.service';
import type { WebhooksContext } from '../context';
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

export type DeleteWebhookEndpointPayload = {
  __typename?: 'DeleteWebhookEndpointPayload';
  deletedId: Scalars['ID']['output'];
};

export type Group = {
  __typename?: 'Group';
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  deleteWebhookEndpoint: DeleteWebhookEndpointPayload;
  pauseWebhookEndpoint: WebhookEndpointPayload;
  /** Sends one delivery again, marked as a redelivery. */
  redeliverWebhook: RedeliverWebhookPayload;
  registerWebhookEndpoint: RegisterWebhookEndpointPayload;
  replayWebhookEvents: ReplayWebhookEventsPayload;
  /** Resumes a paused or disabled endpoint. */
  resumeWebhookEndpoint: WebhookEndpointPayload;
  rotateWebhookSecret: RotateWebhookSecretPayload;
  updateWebhookEndpoint: WebhookEndpointPayload;
};


export type MutationDeleteWebhookEndpointArgs = {
  input: WebhookEndpointIdInput;
};


export type MutationPauseWebhookEndpointArgs = {
  input: WebhookEndpointIdInput;
};


export type MutationRedeliverWebhookArgs = {
  input: RedeliverWebhookInput;
};


export type MutationRegisterWebhookEndpointArgs = {
  input: RegisterWebhookEndpointInput;
};


export type MutationReplayWebhookEventsArgs = {
  input: ReplayWebhookEventsInput;
};


export type MutationResumeWebhookEndpointArgs = {
  input: WebhookEndpointIdInput;
};


export type MutationRotateWebhookSecretArgs = {
  input: RotateWebhookSecretInput;
};


export type MutationUpdateWebhookEndpointArgs = {
  input: UpdateWebhookEndpointInput;
};

export type Organization = {
  __typename?: 'Organization';
  id: Scalars['ID']['output'];
  /** The organisation's webhook endpoints (its admins and connectors holding WEBHOOKS only). */
  webhookEndpoints: Array<WebhookEndpoint>;
};

export type Query = {
  __typename?: 'Query';
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};


export type QueryWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};

export type RedeliverWebhookInput = {
  deliveryId: Scalars['ID']['input'];
};

export type RedeliverWebhookPayload = {
  __typename?: 'RedeliverWebhookPayload';
  delivery: WebhookDelivery;
};

export type RegisterWebhookEndpointInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  eventTypes: Array<WebhookEventType>;
  /** Groups of the organisation to receive events of; none for all of them. */
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  includeSubgroups?: InputMaybe<Scalars['Boolean']['input']>;
  organizationId: Scalars['ID']['input'];
  /** https:// in production. Before it is saved, it is sent a validation request whose challenge it must echo within 5 seconds. */
  url: Scalars['URL']['input'];
};

export type RegisterWebhookEndpointPayload = {
  __typename?: 'RegisterWebhookEndpointPayload';
  endpoint: WebhookEndpoint;
  /** The signing secret (whsec_…), shown this once: store it where the receiver verifies signatures. */
  signingSecret: Scalars['String']['output'];
};

export type ReplayWebhookEventsInput = {
  endpointId: Scalars['ID']['input'];
  /** Every event for the endpoint since this time is sent again, in order, marked as a redelivery. */
  since: Scalars['DateTime']['input'];
};

export type ReplayWebhookEventsPayload = {
  __typename?: 'ReplayWebhookEventsPayload';
  /** How many events were queued again. */
  queued: Scalars['Int']['output'];
};

export type RotateWebhookSecretInput = {
  id: Scalars['ID']['input'];
  /** How long the old secret keeps signing beside the new one, in seconds (0 to 7 days); 24 hours by default. */
  overlapSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type RotateWebhookSecretPayload = {
  __typename?: 'RotateWebhookSecretPayload';
  endpoint: WebhookEndpoint;
  /** The new signing secret, shown this once. */
  signingSecret: Scalars['String']['output'];
};

export type UpdateWebhookEndpointInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  eventTypes?: InputMaybe<Array<WebhookEventType>>;
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  id: Scalars['ID']['input'];
  includeSubgroups?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new URL is validated with a challenge, as at registration. */
  url?: InputMaybe<Scalars['URL']['input']>;
};

/** One event on its way to one endpoint, with every attempt made. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Array<WebhookDeliveryAttempt>;
  createdAt: Scalars['DateTime']['output'];
  /** The event's id, sent as the webhook-id header: the same on every attempt and redelivery, so receivers can tell repeats. */
  eventId: Scalars['ID']['output'];
  eventType: WebhookEventType;
  id: Scalars['ID']['output'];
  /** When the next attempt is due; null once delivered or given up. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The JSON body sent. */
  payload: Scalars['String']['output'];
  /** Whether it was sent again on request (resend or replay); the payload says so too. */
  redelivery: Scalars['Boolean']['output'];
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryAttempt = {
  __typename?: 'WebhookDeliveryAttempt';
  attemptedAt: Scalars['DateTime']['output'];
  /** What went wrong, when it did: no response, a timeout, a refused address. */
  error?: Maybe<Scalars['String']['output']>;
  /** The HTTP status answered; null when no response came. */
  httpStatus?: Maybe<Scalars['Int']['output']>;
  latencyMs: Scalars['Int']['output'];
  /** The first bytes of the response body. */
  responseExcerpt: Scalars['String']['output'];
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: WebhookPageInfo;
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryStatus =
  | 'DELIVERED'
  /** Given up: the endpoint refused it for good (a 4xx other than 408, 425 or 429), answered 410, or failed every attempt. */
  | 'FAILED'
  | 'PENDING';

/**
 * A partner's HTTPS endpoint that receives an organisation's events as signed JSON (the Standard Webhooks specification:
 * webhook-id, webhook-timestamp and webhook-signature headers, HMAC-SHA256). Only the organisation's admins and its
 * connectors holding the WEBHOOKS permission see or change it.
 */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  createdAt: Scalars['DateTime']['output'];
  /** Deliveries to it, newest first. */
  deliveries: WebhookDeliveryConnection;
  description: Scalars['String']['output'];
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was disabled, in words its owner can act on; null unless DISABLED. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** The kinds of event it receives. */
  eventTypes: Array<WebhookEventType>;
  /** The groups whose events it receives; empty for every group of the organisation and the organisation's own events. */
  groups: Array<Group>;
  id: Scalars['ID']['output'];
  /** Whether events of the chosen groups' sub-groups, at any depth, are sent too. */
  includeSubgroups: Scalars['Boolean']['output'];
  organization: Organization;
  /** Since when it has been paused (replay from here to catch up after resuming); null unless PAUSED. */
  pausedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Until when the secret it replaced still signs deliveries beside the current one (both signatures are sent); null when no rotation overlaps. */
  previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  status: WebhookEndpointStatus;
  updatedAt: Scalars['DateTime']['output'];
  url: Scalars['URL']['output'];
};


/**
 * A partner's HTTPS endpoint that receives an organisation's events as signed JSON (the Standard Webhooks specification:
 * webhook-id, webhook-timestamp and webhook-signature headers, HMAC-SHA256). Only the organisation's admins and its
 * connectors holding the WEBHOOKS permission see or change it.
 */
export type WebhookEndpointDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

export type WebhookEndpointIdInput = {
  id: Scalars['ID']['input'];
};

export type WebhookEndpointPayload = {
  __typename?: 'WebhookEndpointPayload';
  endpoint: WebhookEndpoint;
};

export type WebhookEndpointStatus =
  | 'ACTIVE'
  /** Stopped after every attempt of a delivery failed (9 attempts over about two days, by default), or after the endpoint answered 410 Gone; resume it once fixed. */
  | 'DISABLED'
  /** Receives nothing until resumed; what happened meanwhile can be replayed. */
  | 'PAUSED';

/** What happened, as a webhook's type field names it (shown in brackets). */
export type WebhookEventType =
  /** group.created */
  | 'GROUP_CREATED'
  /** group.deleted */
  | 'GROUP_DELETED'
  /** group.linked: a group was mapped to the organisation. */
  | 'GROUP_LINKED'
  /** group.unlinked */
  | 'GROUP_UNLINKED'
  /** group.updated */
  | 'GROUP_UPDATED'
  /** import.finished: a bulk import completed, failed or was cancelled. */
  | 'IMPORT_FINISHED'
  /** group.join_requested: someone asked to join through a link that needs approval. */
  | 'JOIN_REQUESTED'
  /** member.added: people joined a group. */
  | 'MEMBER_ADDED'
  /** member.removed: people left or were removed from a group. */
  | 'MEMBER_REMOVED'
  /** member.role_changed */
  | 'MEMBER_ROLE_CHANGED'
  /** message.expired: messages past the group's retention period were deleted (up to 1,000 ids per event). */
  | 'MESSAGES_EXPIRED'
  /** message.deleted */
  | 'MESSAGE_DELETED'
  /** message.edited */
  | 'MESSAGE_EDITED'
  /** message.sent */
  | 'MESSAGE_SENT'
  /** organization.member_joined: people were added to the organisation's directory. */
  | 'ORGANIZATION_MEMBER_JOINED'
  /** organization.member_left */
  | 'ORGANIZATION_MEMBER_LEFT'
  /** organization.member_role_changed */
  | 'ORGANIZATION_MEMBER_ROLE_CHANGED'
  /** organization.updated */
  | 'ORGANIZATION_UPDATED'
  /** poll.answered: someone voted or changed their vote. */
  | 'POLL_ANSWERED'
  /** poll.created */
  | 'POLL_CREATED'
  /** group.subgroup_attached */
  | 'SUBGROUP_ATTACHED'
  /** group.subgroup_detached */
  | 'SUBGROUP_DETACHED';

export type WebhookPageInfo = {
  __typename?: 'WebhookPageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
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
  Organization: Organization;
  WebhookEndpoint: WebhookEndpoint;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"id":true}> );
  WebhookEndpoint:
    ( { __typename: 'WebhookEndpoint' }
    & GraphQLRecursivePick<FederationTypes['WebhookEndpoint'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteWebhookEndpointPayload: ResolverTypeWrapper<DeleteWebhookEndpointPayload>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Group: ResolverTypeWrapper<Group>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organization: ResolverTypeWrapper<{ id: string }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RedeliverWebhookInput: RedeliverWebhookInput;
  RedeliverWebhookPayload: ResolverTypeWrapper<Omit<RedeliverWebhookPayload, 'delivery'> & { delivery: ResolversTypes['WebhookDelivery'] }>;
  RegisterWebhookEndpointInput: RegisterWebhookEndpointInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  RegisterWebhookEndpointPayload: ResolverTypeWrapper<Omit<RegisterWebhookEndpointPayload, 'endpoint'> & { endpoint: ResolversTypes['WebhookEndpoint'] }>;
  ReplayWebhookEventsInput: ReplayWebhookEventsInput;
  ReplayWebhookEventsPayload: ResolverTypeWrapper<ReplayWebhookEventsPayload>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  RotateWebhookSecretInput: RotateWebhookSecretInput;
  RotateWebhookSecretPayload: ResolverTypeWrapper<Omit<RotateWebhookSecretPayload, 'endpoint'> & { endpoint: ResolversTypes['WebhookEndpoint'] }>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  WebhookDelivery: ResolverTypeWrapper<DeliveryRecord>;
  WebhookDeliveryAttempt: ResolverTypeWrapper<DeliveryAttemptRecord>;
  WebhookDeliveryConnection: ResolverTypeWrapper<Omit<WebhookDeliveryConnection, 'edges'> & { edges: Array<ResolversTypes['WebhookDeliveryEdge']> }>;
  WebhookDeliveryEdge: ResolverTypeWrapper<Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversTypes['WebhookDelivery'] }>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpointRecord>;
  WebhookEndpointIdInput: WebhookEndpointIdInput;
  WebhookEndpointPayload: ResolverTypeWrapper<Omit<WebhookEndpointPayload, 'endpoint'> & { endpoint: ResolversTypes['WebhookEndpoint'] }>;
  WebhookEndpointStatus: WebhookEndpointStatus;
  WebhookEventType: WebhookEventType;
  WebhookPageInfo: ResolverTypeWrapper<WebhookPageInfo>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  DeleteWebhookEndpointPayload: DeleteWebhookEndpointPayload;
  ID: Scalars['ID']['output'];
  Group: Group;
  Mutation: Record<PropertyKey, never>;
  Organization: { id: string };
  Query: Record<PropertyKey, never>;
  RedeliverWebhookInput: RedeliverWebhookInput;
  RedeliverWebhookPayload: Omit<RedeliverWebhookPayload, 'delivery'> & { delivery: ResolversParentTypes['WebhookDelivery'] };
  RegisterWebhookEndpointInput: RegisterWebhookEndpointInput;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  RegisterWebhookEndpointPayload: Omit<RegisterWebhookEndpointPayload, 'endpoint'> & { endpoint: ResolversParentTypes['WebhookEndpoint'] };
  ReplayWebhookEventsInput: ReplayWebhookEventsInput;
  ReplayWebhookEventsPayload: ReplayWebhookEventsPayload;
  Int: Scalars['Int']['output'];
  RotateWebhookSecretInput: RotateWebhookSecretInput;
  RotateWebhookSecretPayload: Omit<RotateWebhookSecretPayload, 'endpoint'> & { endpoint: ResolversParentTypes['WebhookEndpoint'] };
  URL: Scalars['URL']['output'];
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  WebhookDelivery: DeliveryRecord;
  WebhookDeliveryAttempt: DeliveryAttemptRecord;
  WebhookDeliveryConnection: Omit<WebhookDeliveryConnection, 'edges'> & { edges: Array<ResolversParentTypes['WebhookDeliveryEdge']> };
  WebhookDeliveryEdge: Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversParentTypes['WebhookDelivery'] };
  WebhookEndpoint: WebhookEndpointRecord;
  WebhookEndpointIdInput: WebhookEndpointIdInput;
  WebhookEndpointPayload: Omit<WebhookEndpointPayload, 'endpoint'> & { endpoint: ResolversParentTypes['WebhookEndpoint'] };
  WebhookPageInfo: WebhookPageInfo;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteWebhookEndpointPayloadResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['DeleteWebhookEndpointPayload'] = ResolversParentTypes['DeleteWebhookEndpointPayload']> = {
  deletedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type GroupResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  deleteWebhookEndpoint?: Resolver<ResolversTypes['DeleteWebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationDeleteWebhookEndpointArgs, 'input'>>;
  pauseWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationPauseWebhookEndpointArgs, 'input'>>;
  redeliverWebhook?: Resolver<ResolversTypes['RedeliverWebhookPayload'], ParentType, ContextType, RequireFields<MutationRedeliverWebhookArgs, 'input'>>;
  registerWebhookEndpoint?: Resolver<ResolversTypes['RegisterWebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationRegisterWebhookEndpointArgs, 'input'>>;
  replayWebhookEvents?: Resolver<ResolversTypes['ReplayWebhookEventsPayload'], ParentType, ContextType, RequireFields<MutationReplayWebhookEventsArgs, 'input'>>;
  resumeWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationResumeWebhookEndpointArgs, 'input'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['RotateWebhookSecretPayload'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'input'>>;
  updateWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationUpdateWebhookEndpointArgs, 'input'>>;
};

export type OrganizationResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  webhookEndpoints?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType, RequireFields<QueryWebhookEndpointArgs, 'id'>>;
};

export type RedeliverWebhookPayloadResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['RedeliverWebhookPayload'] = ResolversParentTypes['RedeliverWebhookPayload']> = {
  delivery?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType>;
};

export type RegisterWebhookEndpointPayloadResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['RegisterWebhookEndpointPayload'] = ResolversParentTypes['RegisterWebhookEndpointPayload']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  signingSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReplayWebhookEventsPayloadResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['ReplayWebhookEventsPayload'] = ResolversParentTypes['ReplayWebhookEventsPayload']> = {
  queued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RotateWebhookSecretPayloadResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['RotateWebhookSecretPayload'] = ResolversParentTypes['RotateWebhookSecretPayload']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  signingSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type WebhookDeliveryResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<Array<ResolversTypes['WebhookDeliveryAttempt']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['WebhookEventType'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  redelivery?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
};

export type WebhookDeliveryAttemptResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['WebhookDeliveryAttempt'] = ResolversParentTypes['WebhookDeliveryAttempt']> = {
  attemptedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  httpStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  responseExcerpt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookDeliveryConnectionResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['WebhookPageInfo'], ParentType, ContextType>;
};

export type WebhookDeliveryEdgeResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['WebhookDeliveryEdge'] = ResolversParentTypes['WebhookDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint'], FederationReferenceType extends FederationReferenceTypes['WebhookEndpoint'] = FederationReferenceTypes['WebhookEndpoint']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WebhookEndpoint']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, RequireFields<WebhookEndpointDeliveriesArgs, 'first'>>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['WebhookEventType']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  includeSubgroups?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  pausedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  previousSecretExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookEndpointStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['URL'], ParentType, ContextType>;
};

export type WebhookEndpointPayloadResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['WebhookEndpointPayload'] = ResolversParentTypes['WebhookEndpointPayload']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
};

export type WebhookPageInfoResolvers<ContextType = WebhooksContext, ParentType extends ResolversParentTypes['WebhookPageInfo'] = ResolversParentTypes['WebhookPageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type Resolvers<ContextType = WebhooksContext> = {
  DateTime?: GraphQLScalarType;
  DeleteWebhookEndpointPayload?: DeleteWebhookEndpointPayloadResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RedeliverWebhookPayload?: RedeliverWebhookPayloadResolvers<ContextType>;
  RegisterWebhookEndpointPayload?: RegisterWebhookEndpointPayloadResolvers<ContextType>;
  ReplayWebhookEventsPayload?: ReplayWebhookEventsPayloadResolvers<ContextType>;
  RotateWebhookSecretPayload?: RotateWebhookSecretPayloadResolvers<ContextType>;
  URL?: GraphQLScalarType;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryAttempt?: WebhookDeliveryAttemptResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WebhookDeliveryEdge?: WebhookDeliveryEdgeResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointPayload?: WebhookEndpointPayloadResolvers<ContextType>;
  WebhookPageInfo?: WebhookPageInfoResolvers<ContextType>;
};

