export type GroupOutcomeStatus = 'ADDED' | 'PENDING' | 'ALREADY_MEMBER' | 'INVALID' | 'NOT_ALLOWED';

export interface GroupForImport {
  id: string;
  /** The caller's role in the group, if any. */
  myRole: string | null;
  orgId: string | null;
}

/** What imports need of groups; every call acts for `token`'s holder. Failures are PeerCallErrors. */
export interface GroupDirectory {
  /** Null when the caller cannot see the group. */
  group(token: string, groupId: string): Promise<GroupForImport | null>;
  /** A new organisation group, made by `token`'s holder (who owns it). */
  createGroup(token: string, orgId: string, name: string): Promise<{ id: string }>;
  /**
   * One outcome per member, in the order given. `directoryReceipt` vouches for
   * people just added to the directory; repeating a call with the same
   * `requestKey` gets the first call's answer.
   */
  addGroupMembers(
    token: string,
    groupId: string,
    members: { phone: string; role: 'MEMBER' | 'ADMIN' }[],
    requestKey: string,
    directoryReceipt: string | null,
  ): Promise<{ status: GroupOutcomeStatus; message: string | null }[]>;
}
