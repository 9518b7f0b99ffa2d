import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GroupEntity } from '../entities/group.entity';
import type { InviteLinkEntity } from '../entities/invite-link.entity';
import type { JoinRequestEntity } from '../entities/join-request.entity';
import type { MembershipEntity } from '../entities/membership.entity';
import type { GroupsContext } from '../context';
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

export type AddGroupMembersInput = {
  /**
   * The receipt of identity's importDirectoryMembers: the people it names are
   * added at once instead of waiting as PENDING until this service hears of them.
   */
  directoryReceipt?: InputMaybe<Scalars['String']['input']>;
  groupId: Scalars['ID']['input'];
  members: Array<NewMemberInput>;
  /** Makes the call idempotent: a retry with the same key (per caller and group, for 2 days) gets the first answer and adds nothing more. */
  requestKey?: InputMaybe<Scalars['String']['input']>;
};

export type AddGroupMembersPayload = {
  __typename?: 'AddGroupMembersPayload';
  group: Group;
  outcomes: Array<AddMemberOutcome>;
};

export type AddMemberOutcome = {
  __typename?: 'AddMemberOutcome';
  /** Why, for INVALID and NOT_ALLOWED. */
  message?: Maybe<Scalars['String']['output']>;
  /** The phone number as given. */
  phone: Scalars['String']['output'];
  status: AddMemberStatus;
  user?: Maybe<User>;
};

export type AddMemberStatus =
  /** Now an active member. */
  | 'ADDED'
  | 'ALREADY_MEMBER'
  /** The phone number is not valid. */
  | 'INVALID'
  /** The caller may not grant this role. */
  | 'NOT_ALLOWED'
  /** Not registered yet: the membership activates when this number signs up. */
  | 'PENDING';

export type AttachSubgroupInput = {
  groupId: Scalars['ID']['input'];
  parentId: Scalars['ID']['input'];
};

export type CreateGroupInput = {
  announcementOnly?: InputMaybe<Scalars['Boolean']['input']>;
  avatarUrl?: InputMaybe<Scalars['URL']['input']>;
  /** BROADCAST makes a broadcast group; otherwise the kind follows from organizationId. */
  broadcast?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  welcomeMessage?: InputMaybe<Scalars['String']['input']>;
};

export type CreateGroupPayload = {
  __typename?: 'CreateGroupPayload';
  group: Group;
};

export type CreateInviteLinkInput = {
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  groupId: Scalars['ID']['input'];
  maxUses?: InputMaybe<Scalars['Int']['input']>;
  requiresApproval?: InputMaybe<Scalars['Boolean']['input']>;
  /** ADMIN or MEMBER. */
  role?: InputMaybe<GroupRole>;
};

export type DecideJoinRequestInput = {
  accept: Scalars['Boolean']['input'];
  joinRequestId: Scalars['ID']['input'];
};

export type DecideJoinRequestPayload = {
  __typename?: 'DecideJoinRequestPayload';
  joinRequest: JoinRequest;
};

export type DeleteGroupPayload = {
  __typename?: 'DeleteGroupPayload';
  deleted: Scalars['Boolean']['output'];
};

export type Group = {
  __typename?: 'Group';
  /** Only admins post. In a broadcast group, members' replies reach the admins only. */
  announcementOnly: Scalars['Boolean']['output'];
  avatarUrl?: Maybe<Scalars['URL']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Invite links; admins only. */
  inviteLinks: Array<InviteLink>;
  /** Join requests waiting for a decision; admins only. */
  joinRequests: JoinRequestConnection;
  kind: GroupKind;
  /** A legal hold suspends the deletion of this group's messages. Its managers see it (false for anyone else). */
  legalHold: Scalars['Boolean']['output'];
  /** Active members of this group (pending invitations not counted). */
  memberCount: Scalars['Int']['output'];
  /** Memberships of this group and all its sub-groups, at any depth; someone in two of them counts twice. */
  memberCountWithSubgroups: Scalars['Int']['output'];
  /**
   * Members in join order; with search, in name order (a prefix of a name, or of
   * a phone number when it starts with + or a digit); role filters. The group's
   * admins, its organisation's admins and connectors granted MEMBER_LISTS see
   * every member and may search by phone number (FORBIDDEN for anyone else); in a
   * BROADCAST group, subscribers see only its admins and themselves. totalCount
   * counts every member. No list shows phone numbers: only the directory does,
   * to its admins.
   */
  members: MembershipConnection;
  /** Days this group keeps its messages; null: as its organisation does. Its managers see it (null for anyone else). */
  messageRetentionDays?: Maybe<Scalars['Int']['output']>;
  /** The signed-in user's role, or null when they see the group as an organisation admin or a connector. */
  myRole?: Maybe<GroupRole>;
  name: Scalars['String']['output'];
  /** The organisation that owns the group; null for a private group. */
  organization?: Maybe<Organization>;
  /** The group this one is a sub-group of. */
  parent?: Maybe<Group>;
  /** Direct sub-groups, newest first. */
  subgroups: GroupConnection;
  /** Shown to each new member. */
  welcomeMessage?: Maybe<Scalars['String']['output']>;
};


export type GroupJoinRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type GroupMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<GroupRole>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type GroupSubgroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type GroupConnection = {
  __typename?: 'GroupConnection';
  edges: Array<GroupEdge>;
  pageInfo: PageInfo;
};

export type GroupEdge = {
  __typename?: 'GroupEdge';
  cursor: Scalars['String']['output'];
  node: Group;
};

export type GroupInput = {
  groupId: Scalars['ID']['input'];
};

export type GroupKind =
  /** Admins post, subscribers receive; a subscriber's reply goes only to the admins. */
  | 'BROADCAST'
  /** Owned by an organisation, whose admins manage it even when not members. */
  | 'ORGANIZATION'
  /** Created by anyone; only its members and admins see or manage it. */
  | 'PRIVATE';

export type GroupPayload = {
  __typename?: 'GroupPayload';
  group: Group;
};

export type GroupRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

export type InviteLink = {
  __typename?: 'InviteLink';
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  maxUses?: Maybe<Scalars['Int']['output']>;
  /** The same link as a QR code, a PNG image as a data: URL. */
  qrCodePng: Scalars['String']['output'];
  /** The same link as a QR code, an SVG document. */
  qrCodeSvg: Scalars['String']['output'];
  requiresApproval: Scalars['Boolean']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: GroupRole;
  /** The link to share. */
  url: Scalars['URL']['output'];
  uses: Scalars['Int']['output'];
};

export type InviteLinkInput = {
  inviteLinkId: Scalars['ID']['input'];
};

export type InviteLinkPayload = {
  __typename?: 'InviteLinkPayload';
  inviteLink: InviteLink;
};

export type InvitePreview = {
  __typename?: 'InvitePreview';
  /** The group's picture; null when it has none (show its initials). */
  groupAvatarUrl?: Maybe<Scalars['URL']['output']>;
  groupKind: GroupKind;
  groupName: Scalars['String']['output'];
  memberCount: Scalars['Int']['output'];
  requiresApproval: Scalars['Boolean']['output'];
};

export type JoinGroupByLinkInput = {
  /** The token at the end of the link, or the whole link. */
  token: Scalars['String']['input'];
};

export type JoinGroupByLinkPayload = {
  __typename?: 'JoinGroupByLinkPayload';
  /** The group, once joined. */
  group?: Maybe<Group>;
  outcome: JoinOutcome;
};

export type JoinOutcome =
  | 'ALREADY_MEMBER'
  | 'JOINED'
  /** An admin must approve; the request is waiting. */
  | 'REQUESTED';

export type JoinRequest = {
  __typename?: 'JoinRequest';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  status: JoinRequestStatus;
  user: User;
};

export type JoinRequestConnection = {
  __typename?: 'JoinRequestConnection';
  edges: Array<JoinRequestEdge>;
  pageInfo: PageInfo;
};

export type JoinRequestEdge = {
  __typename?: 'JoinRequestEdge';
  cursor: Scalars['String']['output'];
  node: JoinRequest;
};

export type JoinRequestStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PENDING';

export type LeaveGroupPayload = {
  __typename?: 'LeaveGroupPayload';
  left: Scalars['Boolean']['output'];
};

export type LinkGroupInput = {
  groupId: Scalars['ID']['input'];
  organizationId: Scalars['ID']['input'];
};

export type Membership = {
  __typename?: 'Membership';
  joinedAt: Scalars['DateTime']['output'];
  role: GroupRole;
  user: User;
};

export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  edges: Array<MembershipEdge>;
  pageInfo: PageInfo;
  /** All active members of the group, whatever the filter. */
  totalCount: Scalars['Int']['output'];
};

export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  cursor: Scalars['String']['output'];
  node: Membership;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds people by phone number, up to 10,000 in one call; an unregistered number becomes a pending membership that turns active when it signs up. */
  addGroupMembers: AddGroupMembersPayload;
  /** Makes an existing group a sub-group of another; cycles are refused. */
  attachSubgroup: GroupPayload;
  /**
   * Creates a group; its creator becomes its owner. With organizationId it
   * belongs to that organisation (the caller must be a member); with parentId it
   * is a sub-group (the caller must administer the parent) and belongs to the
   * parent's organisation.
   */
  createGroup: CreateGroupPayload;
  createInviteLink: InviteLinkPayload;
  decideJoinRequest: DecideJoinRequestPayload;
  /** Deletes a group; its sub-groups become top-level groups. */
  deleteGroup: DeleteGroupPayload;
  detachSubgroup: GroupPayload;
  /** Joins by link: at once, or as a request an admin decides when the link needs approval. */
  joinGroupByLink: JoinGroupByLinkPayload;
  /** Leaves a group. The last admin must name a successor first. */
  leaveGroup: LeaveGroupPayload;
  /**
   * Links a private group to an organisation the caller belongs to; its data then belongs to the organisation. A
   * sub-group, or a group with sub-groups, is refused (CONFLICT): a tree of groups belongs to one organisation or none.
   */
  linkGroupToOrganization: GroupPayload;
  /** Removes members, up to 10,000 in one call. */
  removeGroupMembers: RemoveGroupMembersPayload;
  revokeInviteLink: InviteLinkPayload;
  /**
   * How long an organisation group keeps its messages and their files, shorter
   * or longer than its organisation (keepDays null: the organisation's period),
   * and whether a legal hold suspends their deletion. The organisation's admins
   * only.
   */
  setGroupRetention: GroupPayload;
  /** Makes members admins, or admins members. The last admin cannot be demoted. */
  setGroupRole: SetGroupRolePayload;
  /** Turns an organisation group back into a private group; organisation admins only. Refused in a tree, as linking is. */
  unlinkGroupFromOrganization: GroupPayload;
  updateGroup: GroupPayload;
};


export type MutationAddGroupMembersArgs = {
  input: AddGroupMembersInput;
};


export type MutationAttachSubgroupArgs = {
  input: AttachSubgroupInput;
};


export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


export type MutationCreateInviteLinkArgs = {
  input: CreateInviteLinkInput;
};


export type MutationDecideJoinRequestArgs = {
  input: DecideJoinRequestInput;
};


export type MutationDeleteGroupArgs = {
  input: GroupInput;
};


export type MutationDetachSubgroupArgs = {
  input: GroupInput;
};


export type MutationJoinGroupByLinkArgs = {
  input: JoinGroupByLinkInput;
};


export type MutationLeaveGroupArgs = {
  input: GroupInput;
};


export type MutationLinkGroupToOrganizationArgs = {
  input: LinkGroupInput;
};


export type MutationRemoveGroupMembersArgs = {
  input: RemoveGroupMembersInput;
};


export type MutationRevokeInviteLinkArgs = {
  input: InviteLinkInput;
};


export type MutationSetGroupRetentionArgs = {
  input: SetGroupRetentionInput;
};


export type MutationSetGroupRoleArgs = {
  input: SetGroupRoleInput;
};


export type MutationUnlinkGroupFromOrganizationArgs = {
  input: GroupInput;
};


export type MutationUpdateGroupArgs = {
  input: UpdateGroupInput;
};

export type NewMemberInput = {
  phone: Scalars['String']['input'];
  role?: InputMaybe<GroupRole>;
};

export type Organization = {
  __typename?: 'Organization';
  /** The organisation's groups, newest first: for its admins and connectors granted GROUP_INFO. */
  groups: GroupConnection;
  id: Scalars['ID']['output'];
};


export type OrganizationGroupsArgs = {
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
  /** A group the signed-in user may see; NOT_FOUND otherwise. */
  group?: Maybe<Group>;
  /** What an invite link leads to, before joining. */
  inviteLink: InvitePreview;
  /** Groups the signed-in user is a member of, newest first. */
  myGroups: GroupConnection;
};


export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInviteLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryMyGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RemoveGroupMembersInput = {
  groupId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};

export type RemoveGroupMembersPayload = {
  __typename?: 'RemoveGroupMembersPayload';
  group: Group;
  outcomes: Array<RemoveMemberOutcome>;
};

export type RemoveMemberOutcome = {
  __typename?: 'RemoveMemberOutcome';
  message?: Maybe<Scalars['String']['output']>;
  status: RemoveMemberStatus;
  userId: Scalars['ID']['output'];
};

export type RemoveMemberStatus =
  /** The id is not a user id. */
  | 'INVALID'
  /** Removing them would leave the group without an admin. */
  | 'NOT_ALLOWED'
  | 'NOT_A_MEMBER'
  | 'REMOVED';

export type SetGroupRetentionInput = {
  groupId: Scalars['ID']['input'];
  /** 1 to 36500 days; null: the organisation's period. */
  keepDays?: InputMaybe<Scalars['Int']['input']>;
  legalHold: Scalars['Boolean']['input'];
};

export type SetGroupRoleInput = {
  groupId: Scalars['ID']['input'];
  /** ADMIN or MEMBER. */
  role: GroupRole;
  userId: Scalars['ID']['input'];
};

export type SetGroupRolePayload = {
  __typename?: 'SetGroupRolePayload';
  membership: Membership;
};

export type UpdateGroupInput = {
  announcementOnly?: InputMaybe<Scalars['Boolean']['input']>;
  avatarUrl?: InputMaybe<Scalars['URL']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  groupId: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  welcomeMessage?: InputMaybe<Scalars['String']['input']>;
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
  Group: Group;
  Organization: Organization;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Group:
    ( { __typename: 'Group' }
    & GraphQLRecursivePick<FederationTypes['Group'], {"id":true}> );
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AddGroupMembersInput: AddGroupMembersInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AddGroupMembersPayload: ResolverTypeWrapper<Omit<AddGroupMembersPayload, 'group'> & { group: ResolversTypes['Group'] }>;
  AddMemberOutcome: ResolverTypeWrapper<AddMemberOutcome>;
  AddMemberStatus: AddMemberStatus;
  AttachSubgroupInput: AttachSubgroupInput;
  CreateGroupInput: CreateGroupInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateGroupPayload: ResolverTypeWrapper<Omit<CreateGroupPayload, 'group'> & { group: ResolversTypes['Group'] }>;
  CreateInviteLinkInput: CreateInviteLinkInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecideJoinRequestInput: DecideJoinRequestInput;
  DecideJoinRequestPayload: ResolverTypeWrapper<Omit<DecideJoinRequestPayload, 'joinRequest'> & { joinRequest: ResolversTypes['JoinRequest'] }>;
  DeleteGroupPayload: ResolverTypeWrapper<DeleteGroupPayload>;
  Group: ResolverTypeWrapper<GroupEntity>;
  GroupConnection: ResolverTypeWrapper<Omit<GroupConnection, 'edges'> & { edges: Array<ResolversTypes['GroupEdge']> }>;
  GroupEdge: ResolverTypeWrapper<Omit<GroupEdge, 'node'> & { node: ResolversTypes['Group'] }>;
  GroupInput: GroupInput;
  GroupKind: GroupKind;
  GroupPayload: ResolverTypeWrapper<Omit<GroupPayload, 'group'> & { group: ResolversTypes['Group'] }>;
  GroupRole: GroupRole;
  InviteLink: ResolverTypeWrapper<InviteLinkEntity>;
  InviteLinkInput: InviteLinkInput;
  InviteLinkPayload: ResolverTypeWrapper<Omit<InviteLinkPayload, 'inviteLink'> & { inviteLink: ResolversTypes['InviteLink'] }>;
  InvitePreview: ResolverTypeWrapper<InvitePreview>;
  JoinGroupByLinkInput: JoinGroupByLinkInput;
  JoinGroupByLinkPayload: ResolverTypeWrapper<Omit<JoinGroupByLinkPayload, 'group'> & { group?: Maybe<ResolversTypes['Group']> }>;
  JoinOutcome: JoinOutcome;
  JoinRequest: ResolverTypeWrapper<JoinRequestEntity>;
  JoinRequestConnection: ResolverTypeWrapper<Omit<JoinRequestConnection, 'edges'> & { edges: Array<ResolversTypes['JoinRequestEdge']> }>;
  JoinRequestEdge: ResolverTypeWrapper<Omit<JoinRequestEdge, 'node'> & { node: ResolversTypes['JoinRequest'] }>;
  JoinRequestStatus: JoinRequestStatus;
  LeaveGroupPayload: ResolverTypeWrapper<LeaveGroupPayload>;
  LinkGroupInput: LinkGroupInput;
  Membership: ResolverTypeWrapper<MembershipEntity>;
  MembershipConnection: ResolverTypeWrapper<Omit<MembershipConnection, 'edges'> & { edges: Array<ResolversTypes['MembershipEdge']> }>;
  MembershipEdge: ResolverTypeWrapper<Omit<MembershipEdge, 'node'> & { node: ResolversTypes['Membership'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewMemberInput: NewMemberInput;
  Organization: ResolverTypeWrapper<{ id: string }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RemoveGroupMembersInput: RemoveGroupMembersInput;
  RemoveGroupMembersPayload: ResolverTypeWrapper<Omit<RemoveGroupMembersPayload, 'group'> & { group: ResolversTypes['Group'] }>;
  RemoveMemberOutcome: ResolverTypeWrapper<RemoveMemberOutcome>;
  RemoveMemberStatus: RemoveMemberStatus;
  SetGroupRetentionInput: SetGroupRetentionInput;
  SetGroupRoleInput: SetGroupRoleInput;
  SetGroupRolePayload: ResolverTypeWrapper<Omit<SetGroupRolePayload, 'membership'> & { membership: ResolversTypes['Membership'] }>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UpdateGroupInput: UpdateGroupInput;
  User: ResolverTypeWrapper<User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddGroupMembersInput: AddGroupMembersInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AddGroupMembersPayload: Omit<AddGroupMembersPayload, 'group'> & { group: ResolversParentTypes['Group'] };
  AddMemberOutcome: AddMemberOutcome;
  AttachSubgroupInput: AttachSubgroupInput;
  CreateGroupInput: CreateGroupInput;
  Boolean: Scalars['Boolean']['output'];
  CreateGroupPayload: Omit<CreateGroupPayload, 'group'> & { group: ResolversParentTypes['Group'] };
  CreateInviteLinkInput: CreateInviteLinkInput;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  DecideJoinRequestInput: DecideJoinRequestInput;
  DecideJoinRequestPayload: Omit<DecideJoinRequestPayload, 'joinRequest'> & { joinRequest: ResolversParentTypes['JoinRequest'] };
  DeleteGroupPayload: DeleteGroupPayload;
  Group: GroupEntity;
  GroupConnection: Omit<GroupConnection, 'edges'> & { edges: Array<ResolversParentTypes['GroupEdge']> };
  GroupEdge: Omit<GroupEdge, 'node'> & { node: ResolversParentTypes['Group'] };
  GroupInput: GroupInput;
  GroupPayload: Omit<GroupPayload, 'group'> & { group: ResolversParentTypes['Group'] };
  InviteLink: InviteLinkEntity;
  InviteLinkInput: InviteLinkInput;
  InviteLinkPayload: Omit<InviteLinkPayload, 'inviteLink'> & { inviteLink: ResolversParentTypes['InviteLink'] };
  InvitePreview: InvitePreview;
  JoinGroupByLinkInput: JoinGroupByLinkInput;
  JoinGroupByLinkPayload: Omit<JoinGroupByLinkPayload, 'group'> & { group?: Maybe<ResolversParentTypes['Group']> };
  JoinRequest: JoinRequestEntity;
  JoinRequestConnection: Omit<JoinRequestConnection, 'edges'> & { edges: Array<ResolversParentTypes['JoinRequestEdge']> };
  JoinRequestEdge: Omit<JoinRequestEdge, 'node'> & { node: ResolversParentTypes['JoinRequest'] };
  LeaveGroupPayload: LeaveGroupPayload;
  LinkGroupInput: LinkGroupInput;
  Membership: MembershipEntity;
  MembershipConnection: Omit<MembershipConnection, 'edges'> & { edges: Array<ResolversParentTypes['MembershipEdge']> };
  MembershipEdge: Omit<MembershipEdge, 'node'> & { node: ResolversParentTypes['Membership'] };
  Mutation: Record<PropertyKey, never>;
  NewMemberInput: NewMemberInput;
  Organization: { id: string };
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RemoveGroupMembersInput: RemoveGroupMembersInput;
  RemoveGroupMembersPayload: Omit<RemoveGroupMembersPayload, 'group'> & { group: ResolversParentTypes['Group'] };
  RemoveMemberOutcome: RemoveMemberOutcome;
  SetGroupRetentionInput: SetGroupRetentionInput;
  SetGroupRoleInput: SetGroupRoleInput;
  SetGroupRolePayload: Omit<SetGroupRolePayload, 'membership'> & { membership: ResolversParentTypes['Membership'] };
  URL: Scalars['URL']['output'];
  UpdateGroupInput: UpdateGroupInput;
  User: User;
};

export type AddGroupMembersPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['AddGroupMembersPayload'] = ResolversParentTypes['AddGroupMembersPayload']> = {
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  outcomes?: Resolver<Array<ResolversTypes['AddMemberOutcome']>, ParentType, ContextType>;
};

export type AddMemberOutcomeResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['AddMemberOutcome'] = ResolversParentTypes['AddMemberOutcome']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AddMemberStatus'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type CreateGroupPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['CreateGroupPayload'] = ResolversParentTypes['CreateGroupPayload']> = {
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DecideJoinRequestPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['DecideJoinRequestPayload'] = ResolversParentTypes['DecideJoinRequestPayload']> = {
  joinRequest?: Resolver<ResolversTypes['JoinRequest'], ParentType, ContextType>;
};

export type DeleteGroupPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['DeleteGroupPayload'] = ResolversParentTypes['DeleteGroupPayload']> = {
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type GroupResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group'], FederationReferenceType extends FederationReferenceTypes['Group'] = FederationReferenceTypes['Group']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Group']> | FederationReferenceType, FederationReferenceType, ContextType>;
  announcementOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  avatarUrl?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inviteLinks?: Resolver<Array<ResolversTypes['InviteLink']>, ParentType, ContextType>;
  joinRequests?: Resolver<ResolversTypes['JoinRequestConnection'], ParentType, ContextType, RequireFields<GroupJoinRequestsArgs, 'first'>>;
  kind?: Resolver<ResolversTypes['GroupKind'], ParentType, ContextType>;
  legalHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberCountWithSubgroups?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['MembershipConnection'], ParentType, ContextType, RequireFields<GroupMembersArgs, 'first'>>;
  messageRetentionDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  myRole?: Resolver<Maybe<ResolversTypes['GroupRole']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  subgroups?: Resolver<ResolversTypes['GroupConnection'], ParentType, ContextType, RequireFields<GroupSubgroupsArgs, 'first'>>;
  welcomeMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GroupConnectionResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['GroupConnection'] = ResolversParentTypes['GroupConnection']> = {
  edges?: Resolver<Array<ResolversTypes['GroupEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type GroupEdgeResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['GroupEdge'] = ResolversParentTypes['GroupEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export type GroupPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['GroupPayload'] = ResolversParentTypes['GroupPayload']> = {
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export type InviteLinkResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['InviteLink'] = ResolversParentTypes['InviteLink']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxUses?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  qrCodePng?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  qrCodeSvg?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiresApproval?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['GroupRole'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['URL'], ParentType, ContextType>;
  uses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InviteLinkPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['InviteLinkPayload'] = ResolversParentTypes['InviteLinkPayload']> = {
  inviteLink?: Resolver<ResolversTypes['InviteLink'], ParentType, ContextType>;
};

export type InvitePreviewResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['InvitePreview'] = ResolversParentTypes['InvitePreview']> = {
  groupAvatarUrl?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  groupKind?: Resolver<ResolversTypes['GroupKind'], ParentType, ContextType>;
  groupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requiresApproval?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type JoinGroupByLinkPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['JoinGroupByLinkPayload'] = ResolversParentTypes['JoinGroupByLinkPayload']> = {
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['JoinOutcome'], ParentType, ContextType>;
};

export type JoinRequestResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['JoinRequest'] = ResolversParentTypes['JoinRequest']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JoinRequestStatus'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type JoinRequestConnectionResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['JoinRequestConnection'] = ResolversParentTypes['JoinRequestConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JoinRequestEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type JoinRequestEdgeResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['JoinRequestEdge'] = ResolversParentTypes['JoinRequestEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['JoinRequest'], ParentType, ContextType>;
};

export type LeaveGroupPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['LeaveGroupPayload'] = ResolversParentTypes['LeaveGroupPayload']> = {
  left?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MembershipResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = {
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['GroupRole'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MembershipConnectionResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['MembershipConnection'] = ResolversParentTypes['MembershipConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MembershipEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MembershipEdgeResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['MembershipEdge'] = ResolversParentTypes['MembershipEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Membership'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addGroupMembers?: Resolver<ResolversTypes['AddGroupMembersPayload'], ParentType, ContextType, RequireFields<MutationAddGroupMembersArgs, 'input'>>;
  attachSubgroup?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationAttachSubgroupArgs, 'input'>>;
  createGroup?: Resolver<ResolversTypes['CreateGroupPayload'], ParentType, ContextType, RequireFields<MutationCreateGroupArgs, 'input'>>;
  createInviteLink?: Resolver<ResolversTypes['InviteLinkPayload'], ParentType, ContextType, RequireFields<MutationCreateInviteLinkArgs, 'input'>>;
  decideJoinRequest?: Resolver<ResolversTypes['DecideJoinRequestPayload'], ParentType, ContextType, RequireFields<MutationDecideJoinRequestArgs, 'input'>>;
  deleteGroup?: Resolver<ResolversTypes['DeleteGroupPayload'], ParentType, ContextType, RequireFields<MutationDeleteGroupArgs, 'input'>>;
  detachSubgroup?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationDetachSubgroupArgs, 'input'>>;
  joinGroupByLink?: Resolver<ResolversTypes['JoinGroupByLinkPayload'], ParentType, ContextType, RequireFields<MutationJoinGroupByLinkArgs, 'input'>>;
  leaveGroup?: Resolver<ResolversTypes['LeaveGroupPayload'], ParentType, ContextType, RequireFields<MutationLeaveGroupArgs, 'input'>>;
  linkGroupToOrganization?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationLinkGroupToOrganizationArgs, 'input'>>;
  removeGroupMembers?: Resolver<ResolversTypes['RemoveGroupMembersPayload'], ParentType, ContextType, RequireFields<MutationRemoveGroupMembersArgs, 'input'>>;
  revokeInviteLink?: Resolver<ResolversTypes['InviteLinkPayload'], ParentType, ContextType, RequireFields<MutationRevokeInviteLinkArgs, 'input'>>;
  setGroupRetention?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationSetGroupRetentionArgs, 'input'>>;
  setGroupRole?: Resolver<ResolversTypes['SetGroupRolePayload'], ParentType, ContextType, RequireFields<MutationSetGroupRoleArgs, 'input'>>;
  unlinkGroupFromOrganization?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationUnlinkGroupFromOrganizationArgs, 'input'>>;
  updateGroup?: Resolver<ResolversTypes['GroupPayload'], ParentType, ContextType, RequireFields<MutationUpdateGroupArgs, 'input'>>;
};

export type OrganizationResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  groups?: Resolver<ResolversTypes['GroupConnection'], ParentType, ContextType, RequireFields<OrganizationGroupsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<QueryGroupArgs, 'id'>>;
  inviteLink?: Resolver<ResolversTypes['InvitePreview'], ParentType, ContextType, RequireFields<QueryInviteLinkArgs, 'token'>>;
  myGroups?: Resolver<ResolversTypes['GroupConnection'], ParentType, ContextType, RequireFields<QueryMyGroupsArgs, 'first'>>;
};

export type RemoveGroupMembersPayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['RemoveGroupMembersPayload'] = ResolversParentTypes['RemoveGroupMembersPayload']> = {
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  outcomes?: Resolver<Array<ResolversTypes['RemoveMemberOutcome']>, ParentType, ContextType>;
};

export type RemoveMemberOutcomeResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['RemoveMemberOutcome'] = ResolversParentTypes['RemoveMemberOutcome']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RemoveMemberStatus'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SetGroupRolePayloadResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['SetGroupRolePayload'] = ResolversParentTypes['SetGroupRolePayload']> = {
  membership?: Resolver<ResolversTypes['Membership'], ParentType, ContextType>;
};

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserResolvers<ContextType = GroupsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GroupsContext> = {
  AddGroupMembersPayload?: AddGroupMembersPayloadResolvers<ContextType>;
  AddMemberOutcome?: AddMemberOutcomeResolvers<ContextType>;
  CreateGroupPayload?: CreateGroupPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DecideJoinRequestPayload?: DecideJoinRequestPayloadResolvers<ContextType>;
  DeleteGroupPayload?: DeleteGroupPayloadResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  GroupConnection?: GroupConnectionResolvers<ContextType>;
  GroupEdge?: GroupEdgeResolvers<ContextType>;
  GroupPayload?: GroupPayloadResolvers<ContextType>;
  InviteLink?: InviteLinkResolvers<ContextType>;
  InviteLinkPayload?: InviteLinkPayloadResolvers<ContextType>;
  InvitePreview?: InvitePreviewResolvers<ContextType>;
  JoinGroupByLinkPayload?: JoinGroupByLinkPayloadResolvers<ContextType>;
  JoinRequest?: JoinRequestResolvers<ContextType>;
  JoinRequestConnection?: JoinRequestConnectionResolvers<ContextType>;
  JoinRequestEdge?: JoinRequestEdgeResolvers<ContextType>;
  LeaveGroupPayload?: LeaveGroupPayloadResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  MembershipConnection?: MembershipConnectionResolvers<ContextType>;
  MembershipEdge?: MembershipEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RemoveGroupMembersPayload?: RemoveGroupMembersPayloadResolvers<ContextType>;
  RemoveMemberOutcome?: RemoveMemberOutcomeResolvers<ContextType>;
  SetGroupRolePayload?: SetGroupRolePayloadResolvers<ContextType>;
  URL?: GraphQLScalarType;
  User?: UserResolvers<ContextType>;
};

