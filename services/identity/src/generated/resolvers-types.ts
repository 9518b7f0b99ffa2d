import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AttributeDefinitionEntity } from '../entities/attribute-definition.entity';
import type { ConnectorEntity } from '../entities/connector.entity';
import type { DirectoryEntry as DirectoryEntryRecord } from '../domain/directory.service';
import type { DirectoryImportOutcome as DirectoryImportRecord } from '../domain/directory-import.service';
import type { OrganizationEntity } from '../entities/organization.entity';
import type { UserRecord } from '../domain/users.service';
import type { IdentityContext } from '../context';
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
  /** A phone number. Input may be local to the configured region or international; output is E.164, e.g. +14155550123. */
  PhoneNumber: { input: string; output: string; }
  _FieldSet: { input: string; output: string; }
};

export type AddDirectoryMemberInput = {
  attributes?: InputMaybe<Array<AttributeValueInput>>;
  displayName: Scalars['String']['input'];
  network: Network;
  organizationId: Scalars['ID']['input'];
  phone: Scalars['String']['input'];
};

export type AttributeDefinition = {
  __typename?: 'AttributeDefinition';
  mandatory: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  type: AttributeType;
};

export type AttributeType =
  /** yes or no */
  | 'BOOLEAN'
  /** YYYY-MM-DD */
  | 'DATE'
  | 'NUMBER'
  | 'STRING';

export type AttributeValue = {
  __typename?: 'AttributeValue';
  name: Scalars['String']['output'];
  /** The value as text: numbers as digits, yes/no as true/false, dates as YYYY-MM-DD. */
  value: Scalars['String']['output'];
};

export type AttributeValueInput = {
  name: Scalars['String']['input'];
  /** Text of the value; null clears it. */
  value?: InputMaybe<Scalars['String']['input']>;
};

export type AuditActorKind =
  | 'CONNECTOR'
  | 'PERSON'
  /** The platform itself, such as a background job. */
  | 'SYSTEM';

export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** What was done, such as group.members-added or directory.member-removed. */
  action: Scalars['String']['output'];
  /** The person or connector; null for the platform. */
  actorId?: Maybe<Scalars['ID']['output']>;
  actorKind: AuditActorKind;
  /** Their name as the organisation knows it now. */
  actorName?: Maybe<Scalars['String']['output']>;
  /** The same fields afterwards (JSON object); null when it removed something. */
  after?: Maybe<Scalars['String']['output']>;
  /** The fields the action changed, as they were (JSON object); null when it created something. */
  before?: Maybe<Scalars['String']['output']>;
  /** The address the request came from. */
  clientAddress?: Maybe<Scalars['String']['output']>;
  /** How many a bulk action touched. */
  count?: Maybe<Scalars['Int']['output']>;
  /** SHA-256 of the previous entry's hash and this entry (hex). */
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** 1, 2, 3… within the organisation, in the order entries were recorded. */
  sequence: Scalars['String']['output'];
  targetId: Scalars['ID']['output'];
  /** Its name at the time, when it has one. */
  targetName?: Maybe<Scalars['String']['output']>;
  /** The kind of thing acted on: organization, person, group, connector, import, webhook-endpoint, … */
  targetType: Scalars['String']['output'];
  /** What they acted through, when not directly: import:<id> for a member import. */
  via?: Maybe<Scalars['String']['output']>;
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
};

export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuditLogFilter = {
  /** An action such as group.created, or the start of several, such as group. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Entries of this person or connector. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** From this time on (inclusive). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entries about this group, person, connector, import or other thing. */
  targetId?: InputMaybe<Scalars['ID']['input']>;
  /** Before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AuditLogIntegrity = {
  __typename?: 'AuditLogIntegrity';
  /** Where the chain first breaks. */
  brokenAt?: Maybe<Scalars['String']['output']>;
  /** Entries checked before the first break, or all of them. */
  entries: Scalars['Int']['output'];
  /** The newest entry's hash when intact: keep it elsewhere to check later that nothing before it changed. */
  headHash?: Maybe<Scalars['String']['output']>;
  /** True when every entry is as recorded and none is missing. */
  intact: Scalars['Boolean']['output'];
  /** What is wrong there, in words. */
  problem?: Maybe<Scalars['String']['output']>;
};

export type Connector = {
  __typename?: 'Connector';
  clientId: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  permissions: Array<ConnectorPermission>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  secretRotatedAt: Scalars['DateTime']['output'];
};

export type ConnectorInput = {
  connectorId: Scalars['ID']['input'];
};

export type ConnectorPayload = {
  __typename?: 'ConnectorPayload';
  connector: Connector;
};

export type ConnectorPermission =
  /** Read the organisation's audit log and check its chain (for a SIEM), as its admins do. */
  | 'AUDIT_LOG'
  /** Read the organisation's groups. */
  | 'GROUP_INFO'
  /** Read member lists of the organisation's groups. */
  | 'MEMBER_LISTS'
  /** Read messages of the organisation's groups. */
  | 'MESSAGES'
  /** Read the organisation and its directory. */
  | 'ORGANIZATION_DATA'
  /**
   * Send messages, announcements and polls to the organisation's groups, shown as from the connector (a User of kind
   * CONNECTOR).
   */
  | 'POST_MESSAGES'
  /** Receive event deliveries. */
  | 'WEBHOOKS';

export type ConnectorSecretPayload = {
  __typename?: 'ConnectorSecretPayload';
  /** Shown once; store it now. */
  clientSecret: Scalars['String']['output'];
  connector: Connector;
};

export type ConnectorTokenPayload = {
  __typename?: 'ConnectorTokenPayload';
  accessToken: Scalars['String']['output'];
  expiresInSeconds: Scalars['Int']['output'];
};

export type CreateOrganizationInput = {
  name: Scalars['String']['input'];
};

export type CreateOrganizationPayload = {
  __typename?: 'CreateOrganizationPayload';
  organization: Organization;
};

export type DefineUserAttributeInput = {
  mandatory: Scalars['Boolean']['input'];
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  type: AttributeType;
};

export type DefineUserAttributePayload = {
  __typename?: 'DefineUserAttributePayload';
  definition: AttributeDefinition;
};

export type DelegatedTokenPayload = {
  __typename?: 'DelegatedTokenPayload';
  accessToken: Scalars['String']['output'];
  expiresInSeconds: Scalars['Int']['output'];
};

export type DirectoryConnection = {
  __typename?: 'DirectoryConnection';
  edges: Array<DirectoryEdge>;
  pageInfo: PageInfo;
};

export type DirectoryEdge = {
  __typename?: 'DirectoryEdge';
  cursor: Scalars['String']['output'];
  node: DirectoryEntry;
};

export type DirectoryEntry = {
  __typename?: 'DirectoryEntry';
  attributes: Array<AttributeValue>;
  /** The person's name as the directory shows it. */
  displayName: Scalars['String']['output'];
  joinedAt: Scalars['DateTime']['output'];
  network: Network;
  /** Shown to admins and connectors only. */
  phone?: Maybe<Scalars['PhoneNumber']['output']>;
  role: OrganizationRole;
  user: User;
};

export type DirectoryImportOutcome = {
  __typename?: 'DirectoryImportOutcome';
  message?: Maybe<Scalars['String']['output']>;
  /** The phone number as given. */
  phone: Scalars['String']['output'];
  status: DirectoryImportStatus;
  user?: Maybe<User>;
};

export type DirectoryImportStatus =
  /** New to the directory. */
  | 'CREATED'
  /** Not imported; message says why. */
  | 'INVALID'
  /** Already in the directory; nothing changed (or updateExisting was false). */
  | 'UNCHANGED'
  /** Already in the directory; their record changed. */
  | 'UPDATED';

export type DirectoryMatch = {
  __typename?: 'DirectoryMatch';
  by: DirectoryMatchKind;
  /** How many members have the number or name. */
  candidates: Scalars['Int']['output'];
  /** The member it matches; null when none does or, for a name, when several do. */
  member?: Maybe<DirectoryEntry>;
  /** The number or name asked about, as asked. */
  query: Scalars['String']['output'];
};

export type DirectoryMatchKind =
  | 'NAME'
  | 'PHONE';

export type DirectoryMemberInput = {
  attributes?: InputMaybe<Array<AttributeValueInput>>;
  displayName: Scalars['String']['input'];
  network: Network;
  phone: Scalars['String']['input'];
};

export type ExchangeImportGrantInput = {
  grant: Scalars['String']['input'];
};

export type ImportDirectoryMembersInput = {
  /** ISO country of numbers written without a prefix, e.g. IN; the service's default when absent. */
  defaultCountry?: InputMaybe<Scalars['String']['input']>;
  /** Validate and report what would happen; change nothing. */
  dryRun: Scalars['Boolean']['input'];
  members: Array<DirectoryMemberInput>;
  organizationId: Scalars['ID']['input'];
  /** Makes the call idempotent: a retry with the same key (per caller and organisation, for 2 days) gets the first answer. */
  requestKey?: InputMaybe<Scalars['String']['input']>;
  /** Existing directory members get the given network, attributes and (if they never signed in) name; otherwise they are left alone. */
  updateExisting: Scalars['Boolean']['input'];
};

export type ImportDirectoryMembersPayload = {
  __typename?: 'ImportDirectoryMembersPayload';
  outcomes: Array<DirectoryImportOutcome>;
  /**
   * A signed statement of the people now in the directory (id, number, name),
   * valid for a day; pass it to addGroupMembers to add them before the groups
   * service has heard of them. Null for a dry run.
   */
  receipt?: Maybe<Scalars['String']['output']>;
};

export type ImportGrantPayload = {
  __typename?: 'ImportGrantPayload';
  /** The longest it lasts; it ends sooner, when the import does. */
  expiresInSeconds: Scalars['Int']['output'];
  grant: Scalars['String']['output'];
};

export type IssueConnectorTokenInput = {
  clientId: Scalars['String']['input'];
  clientSecret: Scalars['String']['input'];
};

export type IssueImportGrantInput = {
  /** The import the grant is for. */
  importId: Scalars['ID']['input'];
  organizationId: Scalars['ID']['input'];
};

export type LeaveOrganizationInput = {
  organizationId: Scalars['ID']['input'];
};

export type LeaveOrganizationPayload = {
  __typename?: 'LeaveOrganizationPayload';
  left: Scalars['Boolean']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds one person to the directory by phone number, registered or not. */
  addDirectoryMember: OrganizationMemberPayload;
  /** Creates an organisation; its creator becomes its first admin. */
  createOrganization: CreateOrganizationPayload;
  /** Defines a user attribute, or changes whether it is mandatory. */
  defineUserAttribute: DefineUserAttributePayload;
  /**
   * Service use only: a few minutes' access token for an import's grant, which
   * identity's importDirectoryMembers and groups' addGroupMembers take for the
   * import's organisation, and nothing else does.
   */
  exchangeImportGrant: DelegatedTokenPayload;
  /**
   * Adds or updates up to 5,000 people in an organisation's directory at once,
   * with one outcome per person in input order; admins only. A retry with the
   * same requestKey returns the first answer and changes nothing more.
   */
  importDirectoryMembers: ImportDirectoryMembersPayload;
  /** A connector exchanges its client id and secret for an access token limited to its organisation and permissions. */
  issueConnectorToken: ConnectorTokenPayload;
  /**
   * Service use only (not in the public API): the grant a member import acts
   * with for the signed-in admin who starts it, until it ends. Its secret is
   * shown once; identity keeps only a digest.
   */
  issueImportGrant: ImportGrantPayload;
  /** The signed-in person leaves an organisation, as removeOrganizationMember would remove them. Its last admin cannot. */
  leaveOrganization: LeaveOrganizationPayload;
  /** Exchanges a refresh token for a new access token and a new refresh token; the old one stops working. Reusing an old one signs out every session that came from it. */
  refreshSession: SignInPayload;
  /** Registers a partner connector. The client secret is shown only in this answer. */
  registerConnector: ConnectorSecretPayload;
  /**
   * Removes someone from the organisation: their membership of its groups ends, and so do phone invitations to its
   * groups and join requests waiting for them; its groups' invite links refuse them until they are added to its
   * directory again. Their messages stay. The last admin cannot be removed.
   */
  removeOrganizationMember: RemoveOrganizationMemberPayload;
  /**
   * Removes up to 1,000 people from the organisation at once, each as
   * removeOrganizationMember would (their membership of its groups ends), one
   * after another in input order, with one outcome per id; admins only. The last
   * admin is never removed: when a call names every admin, the last one named is
   * refused with LAST_ADMIN.
   */
  removeOrganizationMembers: RemoveOrganizationMembersPayload;
  /** Removes an attribute and its values. */
  removeUserAttribute: RemoveUserAttributePayload;
  renameOrganization: RenameOrganizationPayload;
  /** Sends a one-time sign-in code to a phone number. The answer is the same whether or not the number is registered. */
  requestSignInCode: RequestSignInCodePayload;
  /** Revokes a connector: no new tokens; tokens already issued expire within 5 minutes. */
  revokeConnector: ConnectorPayload;
  /** Replaces a connector's secret; the old one stops working. The new secret is shown only in this answer. */
  rotateConnectorSecret: ConnectorSecretPayload;
  /** Sets (or, with a null value, clears) attribute values of a directory member. */
  setMemberAttributes: OrganizationMemberPayload;
  /** Moves a member between the Employees and Others networks. */
  setMemberNetwork: OrganizationMemberPayload;
  /**
   * Moves up to 1,000 members between the Employees and Others networks at once,
   * each as setMemberNetwork would, with one outcome per id in input order;
   * admins only. Someone not in the organisation gets a NOT_FOUND outcome rather
   * than failing the call.
   */
  setMembersNetwork: SetMembersNetworkPayload;
  /**
   * How long the organisation keeps its messages and their files, in days;
   * null keeps them for ever (the default). A group may set its own period,
   * shorter or longer, and a legal hold stops deletion in it. Admins only.
   */
  setMessageRetention: RenameOrganizationPayload;
  /** Makes a member an admin, or an admin a member. The last admin cannot step down. */
  setOrganizationRole: OrganizationMemberPayload;
  /** Exchanges a phone number and its one-time code for an access token; registers the number on first sign-in. */
  signIn: SignInPayload;
  /** Signs out one session (by its refresh token) or every session of the signed-in user. */
  signOut: SignOutPayload;
  updateProfile: UpdateProfilePayload;
};


export type MutationAddDirectoryMemberArgs = {
  input: AddDirectoryMemberInput;
};


export type MutationCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


export type MutationDefineUserAttributeArgs = {
  input: DefineUserAttributeInput;
};


export type MutationExchangeImportGrantArgs = {
  input: ExchangeImportGrantInput;
};


export type MutationImportDirectoryMembersArgs = {
  input: ImportDirectoryMembersInput;
};


export type MutationIssueConnectorTokenArgs = {
  input: IssueConnectorTokenInput;
};


export type MutationIssueImportGrantArgs = {
  input: IssueImportGrantInput;
};


export type MutationLeaveOrganizationArgs = {
  input: LeaveOrganizationInput;
};


export type MutationRefreshSessionArgs = {
  input: RefreshSessionInput;
};


export type MutationRegisterConnectorArgs = {
  input: RegisterConnectorInput;
};


export type MutationRemoveOrganizationMemberArgs = {
  input: RemoveOrganizationMemberInput;
};


export type MutationRemoveOrganizationMembersArgs = {
  input: RemoveOrganizationMembersInput;
};


export type MutationRemoveUserAttributeArgs = {
  input: RemoveUserAttributeInput;
};


export type MutationRenameOrganizationArgs = {
  input: RenameOrganizationInput;
};


export type MutationRequestSignInCodeArgs = {
  input: RequestSignInCodeInput;
};


export type MutationRevokeConnectorArgs = {
  input: ConnectorInput;
};


export type MutationRotateConnectorSecretArgs = {
  input: ConnectorInput;
};


export type MutationSetMemberAttributesArgs = {
  input: SetMemberAttributesInput;
};


export type MutationSetMemberNetworkArgs = {
  input: SetMemberNetworkInput;
};


export type MutationSetMembersNetworkArgs = {
  input: SetMembersNetworkInput;
};


export type MutationSetMessageRetentionArgs = {
  input: SetMessageRetentionInput;
};


export type MutationSetOrganizationRoleArgs = {
  input: SetOrganizationRoleInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignOutArgs = {
  input: SignOutInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

export type Network =
  /** Employees of the organisation. */
  | 'EMPLOYEE'
  /** Partners, vendors and contractors. */
  | 'OTHER';

export type Organization = {
  __typename?: 'Organization';
  /** User attributes this organisation defines, oldest first. */
  attributeDefinitions: Array<AttributeDefinition>;
  /**
   * What the organisation's admins, connectors and imports did, newest first:
   * every administrative action of every service. Admins, and connectors granted
   * AUDIT_LOG. Also as a file:
   * GET /audit/<organization id>/entries.csv or entries.jsonl with the same
   * filters as query parameters (actorId, action, targetId, from, to).
   */
  auditLog: AuditEntryConnection;
  /**
   * Recomputes the hash chain over the whole audit log: whether any entry was
   * changed or removed since it was recorded. Admins, and connectors granted
   * AUDIT_LOG.
   */
  auditLogIntegrity: AuditLogIntegrity;
  /** Registered partner connectors; admins only. */
  connectors: Array<Connector>;
  createdAt: Scalars['DateTime']['output'];
  /**
   * The directory in name order. search is a prefix of a name, or of a phone
   * number when it starts with + or a digit (admins only). Open to admins,
   * employees and connectors granted ORGANIZATION_DATA.
   */
  directory: DirectoryConnection;
  /**
   * Directory members matching phone numbers (E.164, exactly) and names (whole, in any case; only when exactly one
   * member has the name), one answer per number or name asked, in order: how the authors of an imported chat are
   * matched to people. At most 10,000 at once. Admins only.
   */
  directoryMatches: Array<DirectoryMatch>;
  id: Scalars['ID']['output'];
  /** Days its messages are kept before they are deleted; null: for ever. Admins only. */
  messageRetentionDays?: Maybe<Scalars['Int']['output']>;
  /** The signed-in user's role in this organisation. */
  myRole?: Maybe<OrganizationRole>;
  name: Scalars['String']['output'];
};


export type OrganizationAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type OrganizationDirectoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  network?: InputMaybe<Network>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type OrganizationDirectoryMatchesArgs = {
  names: Array<Scalars['String']['input']>;
  phones: Array<Scalars['String']['input']>;
};

export type OrganizationMemberPayload = {
  __typename?: 'OrganizationMemberPayload';
  member: DirectoryEntry;
};

export type OrganizationMembership = {
  __typename?: 'OrganizationMembership';
  network: Network;
  organization: Organization;
  role: OrganizationRole;
};

export type OrganizationRole =
  | 'ADMIN'
  | 'MEMBER';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in user. */
  me?: Maybe<User>;
  /** An organisation the signed-in user belongs to (or, for a connector, its own organisation). */
  organization?: Maybe<Organization>;
  /** Attributes most organisations define; a starting point for defineUserAttribute. */
  suggestedUserAttributes: Array<SuggestedAttribute>;
};


export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};

export type RefreshSessionInput = {
  refreshToken: Scalars['String']['input'];
};

export type RegisterConnectorInput = {
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  permissions: Array<ConnectorPermission>;
};

export type RemoveOrganizationMemberInput = {
  organizationId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type RemoveOrganizationMemberOutcome = {
  __typename?: 'RemoveOrganizationMemberOutcome';
  /** Why, for NOT_FOUND and LAST_ADMIN. */
  message?: Maybe<Scalars['String']['output']>;
  status: RemoveOrganizationMemberStatus;
  /** The user id as given. */
  userId: Scalars['ID']['output'];
};

export type RemoveOrganizationMemberPayload = {
  __typename?: 'RemoveOrganizationMemberPayload';
  removed: Scalars['Boolean']['output'];
};

export type RemoveOrganizationMemberStatus =
  /** Refused: they are the organisation's last admin, counting those removed earlier in the same call. Make someone else admin first. */
  | 'LAST_ADMIN'
  /** Not a member of this organisation (or not a user id); nothing changed. */
  | 'NOT_FOUND'
  /** Removed from the organisation; their membership of its groups ends as the groups service hears of it. */
  | 'REMOVED';

export type RemoveOrganizationMembersInput = {
  organizationId: Scalars['ID']['input'];
  /** The people to remove: 1 to 1,000 user ids. An id named more than once gets the same outcome each time. */
  userIds: Array<Scalars['ID']['input']>;
};

export type RemoveOrganizationMembersPayload = {
  __typename?: 'RemoveOrganizationMembersPayload';
  /** One outcome per id of the input, in the same order. */
  outcomes: Array<RemoveOrganizationMemberOutcome>;
};

export type RemoveUserAttributeInput = {
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
};

export type RemoveUserAttributePayload = {
  __typename?: 'RemoveUserAttributePayload';
  removed: Scalars['Boolean']['output'];
};

export type RenameOrganizationInput = {
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
};

export type RenameOrganizationPayload = {
  __typename?: 'RenameOrganizationPayload';
  organization: Organization;
};

export type RequestSignInCodeInput = {
  phone: Scalars['PhoneNumber']['input'];
};

export type RequestSignInCodePayload = {
  __typename?: 'RequestSignInCodePayload';
  /** Seconds the code stays valid. */
  expiresInSeconds: Scalars['Int']['output'];
  /** Seconds until another code may be requested for this number. */
  retryAfterSeconds: Scalars['Int']['output'];
};

export type SetMemberAttributesInput = {
  attributes: Array<AttributeValueInput>;
  organizationId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type SetMemberNetworkInput = {
  network: Network;
  organizationId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type SetMemberNetworkOutcome = {
  __typename?: 'SetMemberNetworkOutcome';
  /** The member as they are after the call; null for NOT_FOUND. */
  member?: Maybe<DirectoryEntry>;
  /** Why, for UNCHANGED and NOT_FOUND. */
  message?: Maybe<Scalars['String']['output']>;
  status: SetMemberNetworkStatus;
  /** The user id as given. */
  userId: Scalars['ID']['output'];
};

export type SetMemberNetworkStatus =
  /** Moved to the network asked for. */
  | 'CHANGED'
  /** Not a member of this organisation (or not a user id); nothing changed. */
  | 'NOT_FOUND'
  /** Already in that network; nothing changed. */
  | 'UNCHANGED';

export type SetMembersNetworkInput = {
  network: Network;
  organizationId: Scalars['ID']['input'];
  /** The people to move: 1 to 1,000 user ids. An id named more than once gets the same outcome each time. */
  userIds: Array<Scalars['ID']['input']>;
};

export type SetMembersNetworkPayload = {
  __typename?: 'SetMembersNetworkPayload';
  /** One outcome per id of the input, in the same order. */
  outcomes: Array<SetMemberNetworkOutcome>;
};

export type SetMessageRetentionInput = {
  /** 1 to 36500 days; null: for ever. */
  keepDays?: InputMaybe<Scalars['Int']['input']>;
  organizationId: Scalars['ID']['input'];
};

export type SetOrganizationRoleInput = {
  organizationId: Scalars['ID']['input'];
  role: OrganizationRole;
  userId: Scalars['ID']['input'];
};

export type SignInInput = {
  code: Scalars['String']['input'];
  /** Display name for a first sign-in; ignored afterwards. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  phone: Scalars['PhoneNumber']['input'];
};

export type SignInPayload = {
  __typename?: 'SignInPayload';
  accessToken: Scalars['String']['output'];
  /** Seconds until the access token expires. */
  expiresInSeconds: Scalars['Int']['output'];
  /** Keep it secret; exchange it with refreshSession before the access token expires. */
  refreshToken: Scalars['String']['output'];
  user: User;
};

export type SignOutInput = {
  /** Sign out every session of the signed-in user. */
  everywhere?: InputMaybe<Scalars['Boolean']['input']>;
  refreshToken?: InputMaybe<Scalars['String']['input']>;
};

export type SignOutPayload = {
  __typename?: 'SignOutPayload';
  signedOut: Scalars['Boolean']['output'];
};

export type SuggestedAttribute = {
  __typename?: 'SuggestedAttribute';
  name: Scalars['String']['output'];
  type: AttributeType;
};

export type UpdateProfileInput = {
  displayName: Scalars['String']['input'];
};

export type UpdateProfilePayload = {
  __typename?: 'UpdateProfilePayload';
  user: User;
};

/**
 * A person, or a partner system's connector where it posted in groups (kind CONNECTOR: its displayName is the
 * connector's name, and it has no phone or organisations).
 */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: UserKind;
  /** The organisations this user belongs to; shown to the user themself only. */
  organizations: Array<OrganizationMembership>;
  /** Shown to the user themself only. */
  phone?: Maybe<Scalars['PhoneNumber']['output']>;
};

export type UserKind =
  /** A partner system's connector, the author of what it posted. */
  | 'CONNECTOR'
  | 'PERSON';



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
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AddDirectoryMemberInput: AddDirectoryMemberInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AttributeDefinition: ResolverTypeWrapper<AttributeDefinitionEntity>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AttributeType: AttributeType;
  AttributeValue: ResolverTypeWrapper<AttributeValue>;
  AttributeValueInput: AttributeValueInput;
  AuditActorKind: AuditActorKind;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnection>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdge>;
  AuditLogFilter: AuditLogFilter;
  AuditLogIntegrity: ResolverTypeWrapper<AuditLogIntegrity>;
  Connector: ResolverTypeWrapper<ConnectorEntity>;
  ConnectorInput: ConnectorInput;
  ConnectorPayload: ResolverTypeWrapper<Omit<ConnectorPayload, 'connector'> & { connector: ResolversTypes['Connector'] }>;
  ConnectorPermission: ConnectorPermission;
  ConnectorSecretPayload: ResolverTypeWrapper<Omit<ConnectorSecretPayload, 'connector'> & { connector: ResolversTypes['Connector'] }>;
  ConnectorTokenPayload: ResolverTypeWrapper<ConnectorTokenPayload>;
  CreateOrganizationInput: CreateOrganizationInput;
  CreateOrganizationPayload: ResolverTypeWrapper<Omit<CreateOrganizationPayload, 'organization'> & { organization: ResolversTypes['Organization'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DefineUserAttributeInput: DefineUserAttributeInput;
  DefineUserAttributePayload: ResolverTypeWrapper<Omit<DefineUserAttributePayload, 'definition'> & { definition: ResolversTypes['AttributeDefinition'] }>;
  DelegatedTokenPayload: ResolverTypeWrapper<DelegatedTokenPayload>;
  DirectoryConnection: ResolverTypeWrapper<Omit<DirectoryConnection, 'edges'> & { edges: Array<ResolversTypes['DirectoryEdge']> }>;
  DirectoryEdge: ResolverTypeWrapper<Omit<DirectoryEdge, 'node'> & { node: ResolversTypes['DirectoryEntry'] }>;
  DirectoryEntry: ResolverTypeWrapper<DirectoryEntryRecord>;
  DirectoryImportOutcome: ResolverTypeWrapper<DirectoryImportRecord>;
  DirectoryImportStatus: DirectoryImportStatus;
  DirectoryMatch: ResolverTypeWrapper<Omit<DirectoryMatch, 'member'> & { member?: Maybe<ResolversTypes['DirectoryEntry']> }>;
  DirectoryMatchKind: DirectoryMatchKind;
  DirectoryMemberInput: DirectoryMemberInput;
  ExchangeImportGrantInput: ExchangeImportGrantInput;
  ImportDirectoryMembersInput: ImportDirectoryMembersInput;
  ImportDirectoryMembersPayload: ResolverTypeWrapper<Omit<ImportDirectoryMembersPayload, 'outcomes'> & { outcomes: Array<ResolversTypes['DirectoryImportOutcome']> }>;
  ImportGrantPayload: ResolverTypeWrapper<ImportGrantPayload>;
  IssueConnectorTokenInput: IssueConnectorTokenInput;
  IssueImportGrantInput: IssueImportGrantInput;
  LeaveOrganizationInput: LeaveOrganizationInput;
  LeaveOrganizationPayload: ResolverTypeWrapper<LeaveOrganizationPayload>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Network: Network;
  Organization: ResolverTypeWrapper<OrganizationEntity>;
  OrganizationMemberPayload: ResolverTypeWrapper<Omit<OrganizationMemberPayload, 'member'> & { member: ResolversTypes['DirectoryEntry'] }>;
  OrganizationMembership: ResolverTypeWrapper<Omit<OrganizationMembership, 'organization'> & { organization: ResolversTypes['Organization'] }>;
  OrganizationRole: OrganizationRole;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PhoneNumber: ResolverTypeWrapper<Scalars['PhoneNumber']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RefreshSessionInput: RefreshSessionInput;
  RegisterConnectorInput: RegisterConnectorInput;
  RemoveOrganizationMemberInput: RemoveOrganizationMemberInput;
  RemoveOrganizationMemberOutcome: ResolverTypeWrapper<RemoveOrganizationMemberOutcome>;
  RemoveOrganizationMemberPayload: ResolverTypeWrapper<RemoveOrganizationMemberPayload>;
  RemoveOrganizationMemberStatus: RemoveOrganizationMemberStatus;
  RemoveOrganizationMembersInput: RemoveOrganizationMembersInput;
  RemoveOrganizationMembersPayload: ResolverTypeWrapper<RemoveOrganizationMembersPayload>;
  RemoveUserAttributeInput: RemoveUserAttributeInput;
  RemoveUserAttributePayload: ResolverTypeWrapper<RemoveUserAttributePayload>;
  RenameOrganizationInput: RenameOrganizationInput;
  RenameOrganizationPayload: ResolverTypeWrapper<Omit<RenameOrganizationPayload, 'organization'> & { organization: ResolversTypes['Organization'] }>;
  RequestSignInCodeInput: RequestSignInCodeInput;
  RequestSignInCodePayload: ResolverTypeWrapper<RequestSignInCodePayload>;
  SetMemberAttributesInput: SetMemberAttributesInput;
  SetMemberNetworkInput: SetMemberNetworkInput;
  SetMemberNetworkOutcome: ResolverTypeWrapper<Omit<SetMemberNetworkOutcome, 'member'> & { member?: Maybe<ResolversTypes['DirectoryEntry']> }>;
  SetMemberNetworkStatus: SetMemberNetworkStatus;
  SetMembersNetworkInput: SetMembersNetworkInput;
  SetMembersNetworkPayload: ResolverTypeWrapper<Omit<SetMembersNetworkPayload, 'outcomes'> & { outcomes: Array<ResolversTypes['SetMemberNetworkOutcome']> }>;
  SetMessageRetentionInput: SetMessageRetentionInput;
  SetOrganizationRoleInput: SetOrganizationRoleInput;
  SignInInput: SignInInput;
  SignInPayload: ResolverTypeWrapper<Omit<SignInPayload, 'user'> & { user: ResolversTypes['User'] }>;
  SignOutInput: SignOutInput;
  SignOutPayload: ResolverTypeWrapper<SignOutPayload>;
  SuggestedAttribute: ResolverTypeWrapper<SuggestedAttribute>;
  UpdateProfileInput: UpdateProfileInput;
  UpdateProfilePayload: ResolverTypeWrapper<Omit<UpdateProfilePayload, 'user'> & { user: ResolversTypes['User'] }>;
  User: ResolverTypeWrapper<UserRecord>;
  UserKind: UserKind;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddDirectoryMemberInput: AddDirectoryMemberInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AttributeDefinition: AttributeDefinitionEntity;
  Boolean: Scalars['Boolean']['output'];
  AttributeValue: AttributeValue;
  AttributeValueInput: AttributeValueInput;
  AuditEntry: AuditEntry;
  Int: Scalars['Int']['output'];
  AuditEntryConnection: AuditEntryConnection;
  AuditEntryEdge: AuditEntryEdge;
  AuditLogFilter: AuditLogFilter;
  AuditLogIntegrity: AuditLogIntegrity;
  Connector: ConnectorEntity;
  ConnectorInput: ConnectorInput;
  ConnectorPayload: Omit<ConnectorPayload, 'connector'> & { connector: ResolversParentTypes['Connector'] };
  ConnectorSecretPayload: Omit<ConnectorSecretPayload, 'connector'> & { connector: ResolversParentTypes['Connector'] };
  ConnectorTokenPayload: ConnectorTokenPayload;
  CreateOrganizationInput: CreateOrganizationInput;
  CreateOrganizationPayload: Omit<CreateOrganizationPayload, 'organization'> & { organization: ResolversParentTypes['Organization'] };
  DateTime: Scalars['DateTime']['output'];
  DefineUserAttributeInput: DefineUserAttributeInput;
  DefineUserAttributePayload: Omit<DefineUserAttributePayload, 'definition'> & { definition: ResolversParentTypes['AttributeDefinition'] };
  DelegatedTokenPayload: DelegatedTokenPayload;
  DirectoryConnection: Omit<DirectoryConnection, 'edges'> & { edges: Array<ResolversParentTypes['DirectoryEdge']> };
  DirectoryEdge: Omit<DirectoryEdge, 'node'> & { node: ResolversParentTypes['DirectoryEntry'] };
  DirectoryEntry: DirectoryEntryRecord;
  DirectoryImportOutcome: DirectoryImportRecord;
  DirectoryMatch: Omit<DirectoryMatch, 'member'> & { member?: Maybe<ResolversParentTypes['DirectoryEntry']> };
  DirectoryMemberInput: DirectoryMemberInput;
  ExchangeImportGrantInput: ExchangeImportGrantInput;
  ImportDirectoryMembersInput: ImportDirectoryMembersInput;
  ImportDirectoryMembersPayload: Omit<ImportDirectoryMembersPayload, 'outcomes'> & { outcomes: Array<ResolversParentTypes['DirectoryImportOutcome']> };
  ImportGrantPayload: ImportGrantPayload;
  IssueConnectorTokenInput: IssueConnectorTokenInput;
  IssueImportGrantInput: IssueImportGrantInput;
  LeaveOrganizationInput: LeaveOrganizationInput;
  LeaveOrganizationPayload: LeaveOrganizationPayload;
  Mutation: Record<PropertyKey, never>;
  Organization: OrganizationEntity;
  OrganizationMemberPayload: Omit<OrganizationMemberPayload, 'member'> & { member: ResolversParentTypes['DirectoryEntry'] };
  OrganizationMembership: Omit<OrganizationMembership, 'organization'> & { organization: ResolversParentTypes['Organization'] };
  PageInfo: PageInfo;
  PhoneNumber: Scalars['PhoneNumber']['output'];
  Query: Record<PropertyKey, never>;
  RefreshSessionInput: RefreshSessionInput;
  RegisterConnectorInput: RegisterConnectorInput;
  RemoveOrganizationMemberInput: RemoveOrganizationMemberInput;
  RemoveOrganizationMemberOutcome: RemoveOrganizationMemberOutcome;
  RemoveOrganizationMemberPayload: RemoveOrganizationMemberPayload;
  RemoveOrganizationMembersInput: RemoveOrganizationMembersInput;
  RemoveOrganizationMembersPayload: RemoveOrganizationMembersPayload;
  RemoveUserAttributeInput: RemoveUserAttributeInput;
  RemoveUserAttributePayload: RemoveUserAttributePayload;
  RenameOrganizationInput: RenameOrganizationInput;
  RenameOrganizationPayload: Omit<RenameOrganizationPayload, 'organization'> & { organization: ResolversParentTypes['Organization'] };
  RequestSignInCodeInput: RequestSignInCodeInput;
  RequestSignInCodePayload: RequestSignInCodePayload;
  SetMemberAttributesInput: SetMemberAttributesInput;
  SetMemberNetworkInput: SetMemberNetworkInput;
  SetMemberNetworkOutcome: Omit<SetMemberNetworkOutcome, 'member'> & { member?: Maybe<ResolversParentTypes['DirectoryEntry']> };
  SetMembersNetworkInput: SetMembersNetworkInput;
  SetMembersNetworkPayload: Omit<SetMembersNetworkPayload, 'outcomes'> & { outcomes: Array<ResolversParentTypes['SetMemberNetworkOutcome']> };
  SetMessageRetentionInput: SetMessageRetentionInput;
  SetOrganizationRoleInput: SetOrganizationRoleInput;
  SignInInput: SignInInput;
  SignInPayload: Omit<SignInPayload, 'user'> & { user: ResolversParentTypes['User'] };
  SignOutInput: SignOutInput;
  SignOutPayload: SignOutPayload;
  SuggestedAttribute: SuggestedAttribute;
  UpdateProfileInput: UpdateProfileInput;
  UpdateProfilePayload: Omit<UpdateProfilePayload, 'user'> & { user: ResolversParentTypes['User'] };
  User: UserRecord;
};

export type AttributeDefinitionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AttributeDefinition'] = ResolversParentTypes['AttributeDefinition']> = {
  mandatory?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AttributeType'], ParentType, ContextType>;
};

export type AttributeValueResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AttributeValue'] = ResolversParentTypes['AttributeValue']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  actorKind?: Resolver<ResolversTypes['AuditActorKind'], ParentType, ContextType>;
  actorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  targetType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  via?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export type AuditLogIntegrityResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuditLogIntegrity'] = ResolversParentTypes['AuditLogIntegrity']> = {
  brokenAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  entries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  headHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  intact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  problem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ConnectorResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Connector'] = ResolversParentTypes['Connector']> = {
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['ConnectorPermission']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  secretRotatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ConnectorPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ConnectorPayload'] = ResolversParentTypes['ConnectorPayload']> = {
  connector?: Resolver<ResolversTypes['Connector'], ParentType, ContextType>;
};

export type ConnectorSecretPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ConnectorSecretPayload'] = ResolversParentTypes['ConnectorSecretPayload']> = {
  clientSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  connector?: Resolver<ResolversTypes['Connector'], ParentType, ContextType>;
};

export type ConnectorTokenPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ConnectorTokenPayload'] = ResolversParentTypes['ConnectorTokenPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresInSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CreateOrganizationPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['CreateOrganizationPayload'] = ResolversParentTypes['CreateOrganizationPayload']> = {
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DefineUserAttributePayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DefineUserAttributePayload'] = ResolversParentTypes['DefineUserAttributePayload']> = {
  definition?: Resolver<ResolversTypes['AttributeDefinition'], ParentType, ContextType>;
};

export type DelegatedTokenPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DelegatedTokenPayload'] = ResolversParentTypes['DelegatedTokenPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresInSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DirectoryConnectionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DirectoryConnection'] = ResolversParentTypes['DirectoryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DirectoryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type DirectoryEdgeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DirectoryEdge'] = ResolversParentTypes['DirectoryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DirectoryEntry'], ParentType, ContextType>;
};

export type DirectoryEntryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DirectoryEntry'] = ResolversParentTypes['DirectoryEntry']> = {
  attributes?: Resolver<Array<ResolversTypes['AttributeValue']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['OrganizationRole'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type DirectoryImportOutcomeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DirectoryImportOutcome'] = ResolversParentTypes['DirectoryImportOutcome']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DirectoryImportStatus'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type DirectoryMatchResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DirectoryMatch'] = ResolversParentTypes['DirectoryMatch']> = {
  by?: Resolver<ResolversTypes['DirectoryMatchKind'], ParentType, ContextType>;
  candidates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['DirectoryEntry']>, ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportDirectoryMembersPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ImportDirectoryMembersPayload'] = ResolversParentTypes['ImportDirectoryMembersPayload']> = {
  outcomes?: Resolver<Array<ResolversTypes['DirectoryImportOutcome']>, ParentType, ContextType>;
  receipt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ImportGrantPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ImportGrantPayload'] = ResolversParentTypes['ImportGrantPayload']> = {
  expiresInSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LeaveOrganizationPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['LeaveOrganizationPayload'] = ResolversParentTypes['LeaveOrganizationPayload']> = {
  left?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addDirectoryMember?: Resolver<ResolversTypes['OrganizationMemberPayload'], ParentType, ContextType, RequireFields<MutationAddDirectoryMemberArgs, 'input'>>;
  createOrganization?: Resolver<ResolversTypes['CreateOrganizationPayload'], ParentType, ContextType, RequireFields<MutationCreateOrganizationArgs, 'input'>>;
  defineUserAttribute?: Resolver<ResolversTypes['DefineUserAttributePayload'], ParentType, ContextType, RequireFields<MutationDefineUserAttributeArgs, 'input'>>;
  exchangeImportGrant?: Resolver<ResolversTypes['DelegatedTokenPayload'], ParentType, ContextType, RequireFields<MutationExchangeImportGrantArgs, 'input'>>;
  importDirectoryMembers?: Resolver<ResolversTypes['ImportDirectoryMembersPayload'], ParentType, ContextType, RequireFields<MutationImportDirectoryMembersArgs, 'input'>>;
  issueConnectorToken?: Resolver<ResolversTypes['ConnectorTokenPayload'], ParentType, ContextType, RequireFields<MutationIssueConnectorTokenArgs, 'input'>>;
  issueImportGrant?: Resolver<ResolversTypes['ImportGrantPayload'], ParentType, ContextType, RequireFields<MutationIssueImportGrantArgs, 'input'>>;
  leaveOrganization?: Resolver<ResolversTypes['LeaveOrganizationPayload'], ParentType, ContextType, RequireFields<MutationLeaveOrganizationArgs, 'input'>>;
  refreshSession?: Resolver<ResolversTypes['SignInPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'input'>>;
  registerConnector?: Resolver<ResolversTypes['ConnectorSecretPayload'], ParentType, ContextType, RequireFields<MutationRegisterConnectorArgs, 'input'>>;
  removeOrganizationMember?: Resolver<ResolversTypes['RemoveOrganizationMemberPayload'], ParentType, ContextType, RequireFields<MutationRemoveOrganizationMemberArgs, 'input'>>;
  removeOrganizationMembers?: Resolver<ResolversTypes['RemoveOrganizationMembersPayload'], ParentType, ContextType, RequireFields<MutationRemoveOrganizationMembersArgs, 'input'>>;
  removeUserAttribute?: Resolver<ResolversTypes['RemoveUserAttributePayload'], ParentType, ContextType, RequireFields<MutationRemoveUserAttributeArgs, 'input'>>;
  renameOrganization?: Resolver<ResolversTypes['RenameOrganizationPayload'], ParentType, ContextType, RequireFields<MutationRenameOrganizationArgs, 'input'>>;
  requestSignInCode?: Resolver<ResolversTypes['RequestSignInCodePayload'], ParentType, ContextType, RequireFields<MutationRequestSignInCodeArgs, 'input'>>;
  revokeConnector?: Resolver<ResolversTypes['ConnectorPayload'], ParentType, ContextType, RequireFields<MutationRevokeConnectorArgs, 'input'>>;
  rotateConnectorSecret?: Resolver<ResolversTypes['ConnectorSecretPayload'], ParentType, ContextType, RequireFields<MutationRotateConnectorSecretArgs, 'input'>>;
  setMemberAttributes?: Resolver<ResolversTypes['OrganizationMemberPayload'], ParentType, ContextType, RequireFields<MutationSetMemberAttributesArgs, 'input'>>;
  setMemberNetwork?: Resolver<ResolversTypes['OrganizationMemberPayload'], ParentType, ContextType, RequireFields<MutationSetMemberNetworkArgs, 'input'>>;
  setMembersNetwork?: Resolver<ResolversTypes['SetMembersNetworkPayload'], ParentType, ContextType, RequireFields<MutationSetMembersNetworkArgs, 'input'>>;
  setMessageRetention?: Resolver<ResolversTypes['RenameOrganizationPayload'], ParentType, ContextType, RequireFields<MutationSetMessageRetentionArgs, 'input'>>;
  setOrganizationRole?: Resolver<ResolversTypes['OrganizationMemberPayload'], ParentType, ContextType, RequireFields<MutationSetOrganizationRoleArgs, 'input'>>;
  signIn?: Resolver<ResolversTypes['SignInPayload'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'input'>>;
  signOut?: Resolver<ResolversTypes['SignOutPayload'], ParentType, ContextType, RequireFields<MutationSignOutArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['UpdateProfilePayload'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type OrganizationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attributeDefinitions?: Resolver<Array<ResolversTypes['AttributeDefinition']>, ParentType, ContextType>;
  auditLog?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<OrganizationAuditLogArgs, 'first'>>;
  auditLogIntegrity?: Resolver<ResolversTypes['AuditLogIntegrity'], ParentType, ContextType>;
  connectors?: Resolver<Array<ResolversTypes['Connector']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  directory?: Resolver<ResolversTypes['DirectoryConnection'], ParentType, ContextType, RequireFields<OrganizationDirectoryArgs, 'first'>>;
  directoryMatches?: Resolver<Array<ResolversTypes['DirectoryMatch']>, ParentType, ContextType, RequireFields<OrganizationDirectoryMatchesArgs, 'names' | 'phones'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messageRetentionDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  myRole?: Resolver<Maybe<ResolversTypes['OrganizationRole']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OrganizationMemberPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['OrganizationMemberPayload'] = ResolversParentTypes['OrganizationMemberPayload']> = {
  member?: Resolver<ResolversTypes['DirectoryEntry'], ParentType, ContextType>;
};

export type OrganizationMembershipResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['OrganizationMembership'] = ResolversParentTypes['OrganizationMembership']> = {
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['OrganizationRole'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface PhoneNumberScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['PhoneNumber'], any> {
  name: 'PhoneNumber';
}

export type QueryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<QueryOrganizationArgs, 'id'>>;
  suggestedUserAttributes?: Resolver<Array<ResolversTypes['SuggestedAttribute']>, ParentType, ContextType>;
};

export type RemoveOrganizationMemberOutcomeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RemoveOrganizationMemberOutcome'] = ResolversParentTypes['RemoveOrganizationMemberOutcome']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RemoveOrganizationMemberStatus'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RemoveOrganizationMemberPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RemoveOrganizationMemberPayload'] = ResolversParentTypes['RemoveOrganizationMemberPayload']> = {
  removed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RemoveOrganizationMembersPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RemoveOrganizationMembersPayload'] = ResolversParentTypes['RemoveOrganizationMembersPayload']> = {
  outcomes?: Resolver<Array<ResolversTypes['RemoveOrganizationMemberOutcome']>, ParentType, ContextType>;
};

export type RemoveUserAttributePayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RemoveUserAttributePayload'] = ResolversParentTypes['RemoveUserAttributePayload']> = {
  removed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RenameOrganizationPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RenameOrganizationPayload'] = ResolversParentTypes['RenameOrganizationPayload']> = {
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
};

export type RequestSignInCodePayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['RequestSignInCodePayload'] = ResolversParentTypes['RequestSignInCodePayload']> = {
  expiresInSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SetMemberNetworkOutcomeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SetMemberNetworkOutcome'] = ResolversParentTypes['SetMemberNetworkOutcome']> = {
  member?: Resolver<Maybe<ResolversTypes['DirectoryEntry']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SetMemberNetworkStatus'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SetMembersNetworkPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SetMembersNetworkPayload'] = ResolversParentTypes['SetMembersNetworkPayload']> = {
  outcomes?: Resolver<Array<ResolversTypes['SetMemberNetworkOutcome']>, ParentType, ContextType>;
};

export type SignInPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SignInPayload'] = ResolversParentTypes['SignInPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresInSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type SignOutPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SignOutPayload'] = ResolversParentTypes['SignOutPayload']> = {
  signedOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SuggestedAttributeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SuggestedAttribute'] = ResolversParentTypes['SuggestedAttribute']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AttributeType'], ParentType, ContextType>;
};

export type UpdateProfilePayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['UpdateProfilePayload'] = ResolversParentTypes['UpdateProfilePayload']> = {
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['UserKind'], ParentType, ContextType>;
  organizations?: Resolver<Array<ResolversTypes['OrganizationMembership']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = IdentityContext> = {
  AttributeDefinition?: AttributeDefinitionResolvers<ContextType>;
  AttributeValue?: AttributeValueResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuditLogIntegrity?: AuditLogIntegrityResolvers<ContextType>;
  Connector?: ConnectorResolvers<ContextType>;
  ConnectorPayload?: ConnectorPayloadResolvers<ContextType>;
  ConnectorSecretPayload?: ConnectorSecretPayloadResolvers<ContextType>;
  ConnectorTokenPayload?: ConnectorTokenPayloadResolvers<ContextType>;
  CreateOrganizationPayload?: CreateOrganizationPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DefineUserAttributePayload?: DefineUserAttributePayloadResolvers<ContextType>;
  DelegatedTokenPayload?: DelegatedTokenPayloadResolvers<ContextType>;
  DirectoryConnection?: DirectoryConnectionResolvers<ContextType>;
  DirectoryEdge?: DirectoryEdgeResolvers<ContextType>;
  DirectoryEntry?: DirectoryEntryResolvers<ContextType>;
  DirectoryImportOutcome?: DirectoryImportOutcomeResolvers<ContextType>;
  DirectoryMatch?: DirectoryMatchResolvers<ContextType>;
  ImportDirectoryMembersPayload?: ImportDirectoryMembersPayloadResolvers<ContextType>;
  ImportGrantPayload?: ImportGrantPayloadResolvers<ContextType>;
  LeaveOrganizationPayload?: LeaveOrganizationPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationMemberPayload?: OrganizationMemberPayloadResolvers<ContextType>;
  OrganizationMembership?: OrganizationMembershipResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PhoneNumber?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  RemoveOrganizationMemberOutcome?: RemoveOrganizationMemberOutcomeResolvers<ContextType>;
  RemoveOrganizationMemberPayload?: RemoveOrganizationMemberPayloadResolvers<ContextType>;
  RemoveOrganizationMembersPayload?: RemoveOrganizationMembersPayloadResolvers<ContextType>;
  RemoveUserAttributePayload?: RemoveUserAttributePayloadResolvers<ContextType>;
  RenameOrganizationPayload?: RenameOrganizationPayloadResolvers<ContextType>;
  RequestSignInCodePayload?: RequestSignInCodePayloadResolvers<ContextType>;
  SetMemberNetworkOutcome?: SetMemberNetworkOutcomeResolvers<ContextType>;
  SetMembersNetworkPayload?: SetMembersNetworkPayloadResolvers<ContextType>;
  SignInPayload?: SignInPayloadResolvers<ContextType>;
  SignOutPayload?: SignOutPayloadResolvers<ContextType>;
  SuggestedAttribute?: SuggestedAttributeResolvers<ContextType>;
  UpdateProfilePayload?: UpdateProfilePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

