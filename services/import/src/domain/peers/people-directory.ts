/** An attribute an organisation defines for the people in its directory: a column of its member CSV. */
export interface AttributeColumn {
  name: string;
  type: 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATE';
  mandatory: boolean;
}

export interface OrganizationForImport {
  name: string;
  /** False for a plain member. */
  isAdmin: boolean;
  attributes: AttributeColumn[];
}

export type DirectoryOutcomeStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'INVALID';

export interface DirectoryImportCall {
  orgId: string;
  members: { phone: string; displayName: string; network: 'EMPLOYEE' | 'OTHER'; attributes: { name: string; value: string }[] }[];
  updateExisting: boolean;
  dryRun: boolean;
  /** Repeating a call with the same key gets the first call's answer. */
  requestKey: string;
}

export interface DirectoryImportResult {
  /** One per person, in the order of the call. */
  outcomes: { status: DirectoryOutcomeStatus; message: string | null }[];
  /** The directory's receipt for the people now in it; null for a dry run. */
  receipt: string | null;
}

/**
 * What imports need of the organisations' people directory. Calls with a
 * `token` act for its holder: the uploader when an import starts, the import's
 * own access token (ImportAuthority) while it runs. Failures are PeerCallErrors.
 */
export interface PeopleDirectory {
  /** Null when the organisation is unknown to the caller. */
  organization(token: string, orgId: string): Promise<OrganizationForImport | null>;
  /** The grant that lets the import act for the uploader (`token`'s holder) in this organisation until it ends. */
  issueImportGrant(token: string, orgId: string, importId: string): Promise<string>;
  /** A few minutes' access token for an import's grant. */
  exchangeImportGrant(grant: string): Promise<{ accessToken: string; expiresInSeconds: number }>;
  importDirectoryMembers(token: string, call: DirectoryImportCall): Promise<DirectoryImportResult>;
  /** Directory members by E.164 numbers and by whole names (only when one member has the name), one answer per number or name. */
  directoryMatches(token: string, orgId: string, phones: readonly string[], names: readonly string[]): Promise<DirectoryMatch[]>;
}

export interface DirectoryMatch {
  query: string;
  by: 'PHONE' | 'NAME';
  member: { userId: string; displayName: string; phone: string } | null;
}
