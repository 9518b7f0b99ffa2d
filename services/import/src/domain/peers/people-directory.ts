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
 * What imports need of the organisations' people directory. Every call acts
 * for `token`'s holder: the uploader when an import starts, the import's
 * delegated token while it runs. Failures are PeerCallErrors.
 */
export interface PeopleDirectory {
  /** Null when the organisation is unknown to the caller. */
  organization(token: string, orgId: string): Promise<OrganizationForImport | null>;
  /** A token that lets the import act for the uploader in this organisation while it runs. */
  issueImportToken(token: string, orgId: string, importId: string): Promise<string>;
  importDirectoryMembers(token: string, call: DirectoryImportCall): Promise<DirectoryImportResult>;
}
