/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment AttributeRow on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n": typeof types.AttributeRowFragmentDoc,
    "\n  mutation DefineUserAttribute($input: DefineUserAttributeInput!) {\n    defineUserAttribute(input: $input) {\n      definition {\n        name\n        type\n        mandatory\n      }\n    }\n  }\n": typeof types.DefineUserAttributeDocument,
    "\n  query OrganizationAttributes($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeRow\n      }\n    }\n    suggestedUserAttributes {\n      ...SuggestedAttribute\n    }\n  }\n": typeof types.OrganizationAttributesDocument,
    "\n  mutation RemoveUserAttribute($input: RemoveUserAttributeInput!) {\n    removeUserAttribute(input: $input) {\n      removed\n    }\n  }\n": typeof types.RemoveUserAttributeDocument,
    "\n  fragment SuggestedAttribute on SuggestedAttribute {\n    name\n    type\n  }\n": typeof types.SuggestedAttributeFragmentDoc,
    "\n  fragment AuditEntryRow on AuditEntry {\n    id\n    sequence\n    occurredAt\n    action\n    actorKind\n    actorId\n    actorName\n    via\n    clientAddress\n    targetType\n    targetId\n    targetName\n    before\n    after\n    count\n  }\n": typeof types.AuditEntryRowFragmentDoc,
    "\n  query AuditLogIntegrity($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      auditLogIntegrity {\n        intact\n        entries\n        headHash\n        brokenAt\n        problem\n      }\n    }\n  }\n": typeof types.AuditLogIntegrityDocument,
    "\n  query AuditLogScreen($orgId: ID!, $first: Int!, $after: String, $filter: AuditLogFilter) {\n    organization(id: $orgId) {\n      id\n      name\n      auditLog(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEntryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.AuditLogScreenDocument,
    "\n  query ChatImportGroups($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100) {\n        edges {\n          node {\n            id\n            name\n            myRole\n          }\n        }\n      }\n    }\n  }\n": typeof types.ChatImportGroupsDocument,
    "\n  mutation StartChatImport($input: StartChatImportInput!) {\n    startChatImport(input: $input) {\n      uploadUrl\n      import {\n        id\n      }\n    }\n  }\n": typeof types.StartChatImportDocument,
    "\n  query ChatImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      mode\n      failureReason\n      chat {\n        group {\n          id\n        }\n      }\n      ...ChatPreviewPanel\n      ...ImportProgressPanel\n    }\n  }\n": typeof types.ChatImportJobDocument,
    "\n  fragment ChatPreviewPanel on ImportJob {\n    id\n    fileName\n    chat {\n      newGroupName\n      reportUrl\n      group {\n        id\n      }\n      preview {\n        fileKind\n        format {\n          platform\n          dateOrder\n          clock\n        }\n        messages\n        systemEvents\n        skippedLines\n        media {\n          referenced\n          inArchive\n          missing\n        }\n        firstAt\n        lastAt\n        authors {\n          name\n          phone\n          messages\n          match {\n            displayName\n            by\n          }\n        }\n        samples {\n          line\n          sentAt\n          author\n          text\n        }\n      }\n    }\n  }\n": typeof types.ChatPreviewPanelFragmentDoc,
    "\n  mutation ApplyChatImport($input: ApplyChatImportInput!) {\n    applyChatImport(input: $input) {\n      import {\n        id\n      }\n    }\n  }\n": typeof types.ApplyChatImportDocument,
    "\n  fragment MessageAttachment on Attachment {\n    id\n    filename\n    contentType\n    size\n    url\n  }\n": typeof types.MessageAttachmentFragmentDoc,
    "\n  fragment ConversationListItem on Group {\n    id\n    name\n    kind\n    announcementOnly\n    avatarUrl\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n": typeof types.ConversationListItemFragmentDoc,
    "\n  query MyConversations($first: Int!, $after: String, $search: String) {\n    myConversations(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConversationListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyConversationsDocument,
    "\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.EditMessageDocument,
    "\n  mutation DeleteMessage($input: MessageInput!) {\n    deleteMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.DeleteMessageDocument,
    "\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.CreatePollDocument,
    "\n  fragment ChatMessage on Message {\n    id\n    kind\n    text\n    sentAt\n    editedAt\n    deleted\n    audience\n    author {\n      id\n      kind\n      displayName\n    }\n    replyTo {\n      id\n      text\n      deleted\n      author {\n        id\n        displayName\n      }\n    }\n    mentions {\n      id\n      displayName\n    }\n    readBy {\n      count\n      of\n    }\n    attachments {\n      ...MessageAttachment\n    }\n    poll {\n      ...PollCard\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n": typeof types.ChatMessageFragmentDoc,
    "\n  fragment MessagePreview on Message {\n    id\n    kind\n    text\n    deleted\n    sentAt\n    author {\n      id\n      displayName\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n": typeof types.MessagePreviewFragmentDoc,
    "\n  fragment PollCard on Poll {\n    question\n    options {\n      index\n      text\n      votes\n    }\n    multipleChoice\n    deadline\n    closed\n    resultsVisibleTo\n    voters\n    myAnswer\n  }\n": typeof types.PollCardFragmentDoc,
    "\n  mutation AnswerPoll($input: AnswerPollInput!) {\n    answerPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.AnswerPollDocument,
    "\n  query SearchMessages($query: String!, $after: String) {\n    searchMessages(query: $query, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          highlight\n          message {\n            id\n            sentAt\n            author {\n              id\n              displayName\n            }\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchMessagesDocument,
    "\n  fragment SystemEventLine on SystemEvent {\n    kind\n    userCount\n    name\n    role\n    actor {\n      id\n      displayName\n    }\n    users {\n      id\n      displayName\n    }\n  }\n": typeof types.SystemEventLineFragmentDoc,
    "\n  query ConversationCursor($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      changesCursor\n    }\n  }\n": typeof types.ConversationCursorDocument,
    "\n  query Conversation($groupId: ID!, $last: Int, $around: ID) {\n    group(id: $groupId) {\n      id\n      name\n      kind\n      announcementOnly\n      memberCount\n      myRole\n      avatarUrl\n      unreadCount\n      lastReadMessageId\n      messages(last: $last, around: $around) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query OlderMessages($groupId: ID!, $before: String!) {\n    group(id: $groupId) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": typeof types.OlderMessagesDocument,
    "\n  query NewerMessages($groupId: ID!, $after: String!) {\n    group(id: $groupId) {\n      id\n      messages(first: 50, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.NewerMessagesDocument,
    "\n  query ReadProgress($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      messages(last: 30) {\n        edges {\n          node {\n            id\n            readBy {\n              count\n              of\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReadProgressDocument,
    "\n  subscription ConversationEvents($groupId: ID!, $after: String) {\n    messageEvents(groupId: $groupId, after: $after) {\n      kind\n      messageId\n      cursor\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.ConversationEventsDocument,
    "\n  subscription ConversationActivity {\n    messageEvents {\n      kind\n      groupId\n      message {\n        ...MessagePreview\n      }\n    }\n  }\n": typeof types.ConversationActivityDocument,
    "\n  subscription MyMembershipChanges {\n    membershipEvents {\n      kind\n      groupId\n      userIds\n    }\n  }\n": typeof types.MyMembershipChangesDocument,
    "\n  fragment ListedGroupActivity on Group {\n    id\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n": typeof types.ListedGroupActivityFragmentDoc,
    "\n  query GroupActivity($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      ...ListedGroupActivity\n    }\n  }\n": typeof types.GroupActivityDocument,
    "\n  mutation MarkRead($input: MarkReadInput!) {\n    markRead(input: $input) {\n      lastReadMessageId\n      unreadCount\n    }\n  }\n": typeof types.MarkReadDocument,
    "\n  query MentionCandidates($groupId: ID!, $search: String!) {\n    group(id: $groupId) {\n      id\n      members(first: 6, search: $search) {\n        edges {\n          node {\n            user {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MentionCandidatesDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation RotateConnectorSecret($input: ConnectorInput!) {\n    rotateConnectorSecret(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n": typeof types.RotateConnectorSecretDocument,
    "\n  mutation RevokeConnector($input: ConnectorInput!) {\n    revokeConnector(input: $input) {\n      connector {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n": typeof types.RevokeConnectorDocument,
    "\n  fragment ConnectorRow on Connector {\n    id\n    name\n    clientId\n    permissions\n    createdAt\n    secretRotatedAt\n    revokedAt\n  }\n": typeof types.ConnectorRowFragmentDoc,
    "\n  query ConnectorsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      connectors {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n": typeof types.ConnectorsScreenDocument,
    "\n  mutation RegisterConnector($input: RegisterConnectorInput!) {\n    registerConnector(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n": typeof types.RegisterConnectorDocument,
    "\n  mutation AddDirectoryMember($input: AddDirectoryMemberInput!) {\n    addDirectoryMember(input: $input) {\n      member {\n        displayName\n        user {\n          id\n        }\n      }\n    }\n  }\n": typeof types.AddDirectoryMemberDocument,
    "\n  fragment AttributeFields on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n": typeof types.AttributeFieldsFragmentDoc,
    "\n  mutation SetMembersNetwork($input: SetMembersNetworkInput!) {\n    setMembersNetwork(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n        member {\n          ...ChangedDirectoryEntry\n        }\n      }\n    }\n  }\n": typeof types.SetMembersNetworkDocument,
    "\n  mutation RemoveOrganizationMembers($input: RemoveOrganizationMembersInput!) {\n    removeOrganizationMembers(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n": typeof types.RemoveOrganizationMembersDocument,
    "\n  fragment ChangedDirectoryEntry on DirectoryEntry {\n    network\n    role\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n": typeof types.ChangedDirectoryEntryFragmentDoc,
    "\n  fragment DirectoryRow on DirectoryEntry {\n    displayName\n    phone\n    network\n    role\n    joinedAt\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n": typeof types.DirectoryRowFragmentDoc,
    "\n  query DirectoryPage($orgId: ID!, $first: Int!, $after: String, $search: String, $network: Network) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeFields\n      }\n      directory(first: $first, after: $after, search: $search, network: $network) {\n        edges {\n          cursor\n          node {\n            displayName\n            user {\n              id\n            }\n            ...DirectoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.DirectoryPageDocument,
    "\n  mutation SetOrganizationRole($input: SetOrganizationRoleInput!) {\n    setOrganizationRole(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n": typeof types.SetOrganizationRoleDocument,
    "\n  mutation SetMemberNetwork($input: SetMemberNetworkInput!) {\n    setMemberNetwork(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n": typeof types.SetMemberNetworkDocument,
    "\n  mutation SetMemberAttributes($input: SetMemberAttributesInput!) {\n    setMemberAttributes(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n": typeof types.SetMemberAttributesDocument,
    "\n  mutation RemoveOrganizationMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removed\n    }\n  }\n": typeof types.RemoveOrganizationMemberDocument,
    "\n  fragment ExportRow on ExportJob {\n    id\n    status\n    createdAt\n    from\n    to\n    recordsWritten\n    recordsTotal\n    percent\n    expiresAt\n    failureReason\n    downloadUrl\n    archiveBytes\n    archiveSha256\n    startedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.ExportRowFragmentDoc,
    "\n  subscription ExportProgress($exportId: ID!) {\n    exportProgress(exportId: $exportId) {\n      exportId\n      status\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n": typeof types.ExportProgressDocument,
    "\n  mutation CancelExport($input: CancelExportInput!) {\n    cancelExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n": typeof types.CancelExportDocument,
    "\n  query ExportsScreen($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      exports(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            ...ExportRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ExportsScreenDocument,
    "\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n": typeof types.StartExportDocument,
    "\n  fragment GroupBadges on Group {\n    kind\n    announcementOnly\n  }\n": typeof types.GroupBadgesFragmentDoc,
    "\n  query GroupSettings($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      organization {\n        id\n        name\n        myRole\n      }\n      parent {\n        id\n        name\n      }\n      ...GroupDetailsForm\n      ...GroupRetention\n    }\n  }\n": typeof types.GroupSettingsDocument,
    "\n  query GroupFrame($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      memberCountWithSubgroups\n      ...GroupBadges\n      organization {\n        id\n        name\n      }\n      # Three levels of ancestors cover the breadcrumbs of nearly every tree without a request per level.\n      parent {\n        id\n        name\n        parent {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupFrameDocument,
    "\n  mutation CreateInviteLink($input: CreateInviteLinkInput!) {\n    createInviteLink(input: $input) {\n      inviteLink {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n": typeof types.CreateInviteLinkDocument,
    "\n  query GroupInviteLinks($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      inviteLinks {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n": typeof types.GroupInviteLinksDocument,
    "\n  fragment InviteLinkCard on InviteLink {\n    id\n    url\n    role\n    requiresApproval\n    expiresAt\n    maxUses\n    uses\n    revokedAt\n    createdAt\n    qrCodePng\n    qrCodeSvg\n  }\n": typeof types.InviteLinkCardFragmentDoc,
    "\n  mutation RevokeInviteLink($input: InviteLinkInput!) {\n    revokeInviteLink(input: $input) {\n      inviteLink {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeInviteLinkDocument,
    "\n  fragment JoinRequestRow on JoinRequest {\n    id\n    createdAt\n    status\n    user {\n      id\n      displayName\n    }\n  }\n": typeof types.JoinRequestRowFragmentDoc,
    "\n  mutation DecideJoinRequest($input: DecideJoinRequestInput!) {\n    decideJoinRequest(input: $input) {\n      joinRequest {\n        id\n        status\n      }\n    }\n  }\n": typeof types.DecideJoinRequestDocument,
    "\n  query GroupJoinRequests($groupId: ID!, $first: Int!, $after: String) {\n    group(id: $groupId) {\n      id\n      name\n      joinRequests(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            ...JoinRequestRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.GroupJoinRequestsDocument,
    "\n  mutation AddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        phone\n        status\n        message\n      }\n    }\n  }\n": typeof types.AddGroupMembersDocument,
    "\n  fragment MemberRow on Membership {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n    }\n  }\n": typeof types.MemberRowFragmentDoc,
    "\n  query GroupMembers($groupId: ID!, $first: Int!, $after: String, $search: String, $role: GroupRole) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      myRole\n      organization {\n        id\n        myRole\n      }\n      members(first: $first, after: $after, search: $search, role: $role) {\n        edges {\n          cursor\n          node {\n            user {\n              id\n              displayName\n            }\n            ...MemberRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.GroupMembersDocument,
    "\n  mutation SetGroupRole($input: SetGroupRoleInput!) {\n    setGroupRole(input: $input) {\n      membership {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SetGroupRoleDocument,
    "\n  mutation RemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n": typeof types.RemoveGroupMembersDocument,
    "\n  mutation DeleteGroup($input: GroupInput!) {\n    deleteGroup(input: $input) {\n      deleted\n    }\n  }\n": typeof types.DeleteGroupDocument,
    "\n  fragment GroupDetailsForm on Group {\n    id\n    name\n    kind\n    description\n    avatarUrl\n    welcomeMessage\n    announcementOnly\n  }\n": typeof types.GroupDetailsFormFragmentDoc,
    "\n  mutation UpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        ...GroupDetailsForm\n      }\n    }\n  }\n": typeof types.UpdateGroupDocument,
    "\n  mutation AttachSubgroup($input: AttachSubgroupInput!) {\n    attachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AttachSubgroupDocument,
    "\n  mutation DetachSubgroup($input: GroupInput!) {\n    detachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n        }\n      }\n    }\n  }\n": typeof types.DetachSubgroupDocument,
    "\n  fragment GroupRetention on Group {\n    id\n    messageRetentionDays\n    legalHold\n    organization {\n      id\n      messageRetentionDays\n    }\n  }\n": typeof types.GroupRetentionFragmentDoc,
    "\n  mutation SetGroupRetention($input: SetGroupRetentionInput!) {\n    setGroupRetention(input: $input) {\n      group {\n        id\n        ...GroupRetention\n      }\n    }\n  }\n": typeof types.SetGroupRetentionDocument,
    "\n  mutation UnlinkGroupFromOrganization($input: GroupInput!) {\n    unlinkGroupFromOrganization(input: $input) {\n      group {\n        id\n        kind\n      }\n    }\n  }\n": typeof types.UnlinkGroupFromOrganizationDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  fragment GroupTreeRow on Group {\n    id\n    name\n    memberCount\n    memberCountWithSubgroups\n    ...GroupBadges\n  }\n": typeof types.GroupTreeRowFragmentDoc,
    "\n  query MyPrivateGroups($first: Int!, $after: String) {\n    myGroups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          myRole\n          memberCount\n          organization {\n            id\n          }\n          parent {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyPrivateGroupsDocument,
    "\n  mutation LinkGroupToOrganization($input: LinkGroupInput!) {\n    linkGroupToOrganization(input: $input) {\n      group {\n        id\n        name\n        kind\n        organization {\n          id\n        }\n      }\n    }\n  }\n": typeof types.LinkGroupToOrganizationDocument,
    "\n  query OrganizationGroups($orgId: ID!, $first: Int!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      groups(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            parent {\n              id\n            }\n            ...GroupTreeRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.OrganizationGroupsDocument,
    "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      left\n    }\n  }\n": typeof types.LeaveOrganizationDocument,
    "\n  fragment ApplyDryRun on ImportJob {\n    id\n    mode\n    status\n    fileName\n    defaultCountry\n    existingUsers\n    organization {\n      id\n    }\n    groups {\n      id\n    }\n    counts {\n      total\n      failed\n    }\n  }\n": typeof types.ApplyDryRunFragmentDoc,
    "\n  mutation CancelImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        ...ImportProgressPanel\n        ...ImportFacts\n      }\n    }\n  }\n": typeof types.CancelImportDocument,
    "\n  query DryRunResult($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      fileName\n      errorReportUrl\n      organization {\n        id\n      }\n      counts {\n        failed\n      }\n      ...ImportProgressPanel\n      ...ApplyDryRun\n    }\n  }\n": typeof types.DryRunResultDocument,
    "\n  fragment ImportFacts on ImportJob {\n    id\n    fileName\n    createdAt\n    processingStartedAt\n    finishedAt\n    defaultCountry\n    existingUsers\n    startedBy {\n      id\n      displayName\n    }\n    groups {\n      id\n      name\n    }\n  }\n": typeof types.ImportFactsFragmentDoc,
    "\n  fragment ImportHistoryRow on ImportJob {\n    id\n    kind\n    fileName\n    mode\n    status\n    createdAt\n    errorReportUrl\n    startedBy {\n      id\n      displayName\n    }\n    counts {\n      total\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n": typeof types.ImportHistoryRowFragmentDoc,
    "\n  fragment ImportHistory on Organization {\n    id\n    imports(first: 20) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportHistoryRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ImportHistoryFragmentDoc,
    "\n  fragment ImportProgressPanel on ImportJob {\n    id\n    mode\n    status\n    percent\n    rowsPerSecond\n    estimatedSecondsLeft\n    failureReason\n    counts {\n      total\n      processed\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n": typeof types.ImportProgressPanelFragmentDoc,
    "\n  fragment ImportTargetGroup on Group {\n    id\n    name\n    myRole\n  }\n": typeof types.ImportTargetGroupFragmentDoc,
    "\n  fragment ImportTargetGroups on Organization {\n    groups(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportTargetGroup\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ImportTargetGroupsFragmentDoc,
    "\n  fragment ImportTemplateCard on ImportTemplate {\n    downloadUrl\n    columns {\n      name\n      required\n      description\n    }\n  }\n": typeof types.ImportTemplateCardFragmentDoc,
    "\n  query ImportScreen($id: ID!) {\n    importJob(id: $id) {\n      id\n      mode\n      status\n      fileName\n      errorReportUrl\n      counts {\n        failed\n      }\n      organization {\n        id\n        name\n      }\n      ...ImportProgressPanel\n      ...ImportFacts\n      ...ApplyDryRun\n    }\n  }\n": typeof types.ImportScreenDocument,
    "\n  query ImportsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      ...ImportTargetGroups\n      ...ImportHistory\n    }\n    importTemplate(organizationId: $orgId) {\n      ...ImportTemplateCard\n    }\n  }\n": typeof types.ImportsScreenDocument,
    "\n  query MoreImportTargetGroups($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportTargetGroup\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MoreImportTargetGroupsDocument,
    "\n  query MoreImportHistory($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      imports(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportHistoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MoreImportHistoryDocument,
    "\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) {\n      importId\n      status\n      import {\n        id\n        ...ImportProgressPanel\n        ...ApplyDryRun\n        ...ImportFacts\n        ...ImportHistoryRow\n      }\n    }\n  }\n": typeof types.ImportProgressDocument,
    "\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      uploadUrl\n      maxUploadBytes\n      import {\n        id\n        mode\n        status\n      }\n    }\n  }\n": typeof types.StartImportDocument,
    "\n  mutation CancelOversizedImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CancelOversizedImportDocument,
    "\n  query InvitePreview($token: String!) {\n    inviteLink(token: $token) {\n      groupName\n      groupAvatarUrl\n      groupKind\n      memberCount\n      requiresApproval\n    }\n  }\n": typeof types.InvitePreviewDocument,
    "\n  mutation JoinGroupByLink($input: JoinGroupByLinkInput!) {\n    joinGroupByLink(input: $input) {\n      outcome\n      group {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n": typeof types.JoinGroupByLinkDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    createdAt\n    read\n    actor {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      organization {\n        id\n      }\n    }\n    message {\n      id\n      text\n    }\n    importJob {\n      id\n      fileName\n      status\n      organization {\n        id\n      }\n    }\n    webhookEndpoint {\n      id\n      url\n      organization {\n        id\n      }\n    }\n    exportJob {\n      id\n      status\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.NotificationItemFragmentDoc,
    "\n  query Notifications($after: String) {\n    notifications(first: 30, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  subscription NotificationEvents {\n    notificationEvents {\n      id\n      ...NotificationItem\n    }\n  }\n": typeof types.NotificationEventsDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  fragment OrganizationRetention on Organization {\n    id\n    messageRetentionDays\n  }\n": typeof types.OrganizationRetentionFragmentDoc,
    "\n  mutation SetMessageRetention($input: SetMessageRetentionInput!) {\n    setMessageRetention(input: $input) {\n      organization {\n        id\n        ...OrganizationRetention\n      }\n    }\n  }\n": typeof types.SetMessageRetentionDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n      ...OrganizationRetention\n    }\n  }\n": typeof types.OrganizationSettingsDocument,
    "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenameOrganizationDocument,
    "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n": typeof types.RequestSignInCodeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RegisterWebhookEndpoint($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": typeof types.RegisterWebhookEndpointDocument,
    "\n  query OrganizationGroupChoices($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 200) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationGroupChoicesDocument,
    "\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    redelivery\n    createdAt\n    nextAttemptAt\n    payload\n    attempts {\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseExcerpt\n      error\n    }\n  }\n": typeof types.WebhookDeliveryRowFragmentDoc,
    "\n  query WebhookDeliveriesScreen($id: ID!, $first: Int!, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      status\n      organization {\n        id\n        name\n      }\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...WebhookDeliveryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesScreenDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      delivery {\n        id\n      }\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation ReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      queued\n    }\n  }\n": typeof types.ReplayWebhookEventsDocument,
    "\n  mutation PauseWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    pauseWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": typeof types.PauseWebhookEndpointDocument,
    "\n  mutation ResumeWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    resumeWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": typeof types.ResumeWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        previousSecretExpiresAt\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    includeSubgroups\n    groups {\n      id\n    }\n    status\n    disabledReason\n    disabledAt\n    createdAt\n  }\n": typeof types.WebhookEndpointRowFragmentDoc,
    "\n  query WebhooksScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      webhookEndpoints {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": typeof types.WebhooksScreenDocument,
};
const documents: Documents = {
    "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment AttributeRow on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n": types.AttributeRowFragmentDoc,
    "\n  mutation DefineUserAttribute($input: DefineUserAttributeInput!) {\n    defineUserAttribute(input: $input) {\n      definition {\n        name\n        type\n        mandatory\n      }\n    }\n  }\n": types.DefineUserAttributeDocument,
    "\n  query OrganizationAttributes($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeRow\n      }\n    }\n    suggestedUserAttributes {\n      ...SuggestedAttribute\n    }\n  }\n": types.OrganizationAttributesDocument,
    "\n  mutation RemoveUserAttribute($input: RemoveUserAttributeInput!) {\n    removeUserAttribute(input: $input) {\n      removed\n    }\n  }\n": types.RemoveUserAttributeDocument,
    "\n  fragment SuggestedAttribute on SuggestedAttribute {\n    name\n    type\n  }\n": types.SuggestedAttributeFragmentDoc,
    "\n  fragment AuditEntryRow on AuditEntry {\n    id\n    sequence\n    occurredAt\n    action\n    actorKind\n    actorId\n    actorName\n    via\n    clientAddress\n    targetType\n    targetId\n    targetName\n    before\n    after\n    count\n  }\n": types.AuditEntryRowFragmentDoc,
    "\n  query AuditLogIntegrity($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      auditLogIntegrity {\n        intact\n        entries\n        headHash\n        brokenAt\n        problem\n      }\n    }\n  }\n": types.AuditLogIntegrityDocument,
    "\n  query AuditLogScreen($orgId: ID!, $first: Int!, $after: String, $filter: AuditLogFilter) {\n    organization(id: $orgId) {\n      id\n      name\n      auditLog(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEntryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.AuditLogScreenDocument,
    "\n  query ChatImportGroups($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100) {\n        edges {\n          node {\n            id\n            name\n            myRole\n          }\n        }\n      }\n    }\n  }\n": types.ChatImportGroupsDocument,
    "\n  mutation StartChatImport($input: StartChatImportInput!) {\n    startChatImport(input: $input) {\n      uploadUrl\n      import {\n        id\n      }\n    }\n  }\n": types.StartChatImportDocument,
    "\n  query ChatImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      mode\n      failureReason\n      chat {\n        group {\n          id\n        }\n      }\n      ...ChatPreviewPanel\n      ...ImportProgressPanel\n    }\n  }\n": types.ChatImportJobDocument,
    "\n  fragment ChatPreviewPanel on ImportJob {\n    id\n    fileName\n    chat {\n      newGroupName\n      reportUrl\n      group {\n        id\n      }\n      preview {\n        fileKind\n        format {\n          platform\n          dateOrder\n          clock\n        }\n        messages\n        systemEvents\n        skippedLines\n        media {\n          referenced\n          inArchive\n          missing\n        }\n        firstAt\n        lastAt\n        authors {\n          name\n          phone\n          messages\n          match {\n            displayName\n            by\n          }\n        }\n        samples {\n          line\n          sentAt\n          author\n          text\n        }\n      }\n    }\n  }\n": types.ChatPreviewPanelFragmentDoc,
    "\n  mutation ApplyChatImport($input: ApplyChatImportInput!) {\n    applyChatImport(input: $input) {\n      import {\n        id\n      }\n    }\n  }\n": types.ApplyChatImportDocument,
    "\n  fragment MessageAttachment on Attachment {\n    id\n    filename\n    contentType\n    size\n    url\n  }\n": types.MessageAttachmentFragmentDoc,
    "\n  fragment ConversationListItem on Group {\n    id\n    name\n    kind\n    announcementOnly\n    avatarUrl\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n": types.ConversationListItemFragmentDoc,
    "\n  query MyConversations($first: Int!, $after: String, $search: String) {\n    myConversations(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConversationListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyConversationsDocument,
    "\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": types.EditMessageDocument,
    "\n  mutation DeleteMessage($input: MessageInput!) {\n    deleteMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": types.DeleteMessageDocument,
    "\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": types.CreatePollDocument,
    "\n  fragment ChatMessage on Message {\n    id\n    kind\n    text\n    sentAt\n    editedAt\n    deleted\n    audience\n    author {\n      id\n      kind\n      displayName\n    }\n    replyTo {\n      id\n      text\n      deleted\n      author {\n        id\n        displayName\n      }\n    }\n    mentions {\n      id\n      displayName\n    }\n    readBy {\n      count\n      of\n    }\n    attachments {\n      ...MessageAttachment\n    }\n    poll {\n      ...PollCard\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n": types.ChatMessageFragmentDoc,
    "\n  fragment MessagePreview on Message {\n    id\n    kind\n    text\n    deleted\n    sentAt\n    author {\n      id\n      displayName\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n": types.MessagePreviewFragmentDoc,
    "\n  fragment PollCard on Poll {\n    question\n    options {\n      index\n      text\n      votes\n    }\n    multipleChoice\n    deadline\n    closed\n    resultsVisibleTo\n    voters\n    myAnswer\n  }\n": types.PollCardFragmentDoc,
    "\n  mutation AnswerPoll($input: AnswerPollInput!) {\n    answerPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": types.AnswerPollDocument,
    "\n  query SearchMessages($query: String!, $after: String) {\n    searchMessages(query: $query, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          highlight\n          message {\n            id\n            sentAt\n            author {\n              id\n              displayName\n            }\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchMessagesDocument,
    "\n  fragment SystemEventLine on SystemEvent {\n    kind\n    userCount\n    name\n    role\n    actor {\n      id\n      displayName\n    }\n    users {\n      id\n      displayName\n    }\n  }\n": types.SystemEventLineFragmentDoc,
    "\n  query ConversationCursor($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      changesCursor\n    }\n  }\n": types.ConversationCursorDocument,
    "\n  query Conversation($groupId: ID!, $last: Int, $around: ID) {\n    group(id: $groupId) {\n      id\n      name\n      kind\n      announcementOnly\n      memberCount\n      myRole\n      avatarUrl\n      unreadCount\n      lastReadMessageId\n      messages(last: $last, around: $around) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  query OlderMessages($groupId: ID!, $before: String!) {\n    group(id: $groupId) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": types.OlderMessagesDocument,
    "\n  query NewerMessages($groupId: ID!, $after: String!) {\n    group(id: $groupId) {\n      id\n      messages(first: 50, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.NewerMessagesDocument,
    "\n  query ReadProgress($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      messages(last: 30) {\n        edges {\n          node {\n            id\n            readBy {\n              count\n              of\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ReadProgressDocument,
    "\n  subscription ConversationEvents($groupId: ID!, $after: String) {\n    messageEvents(groupId: $groupId, after: $after) {\n      kind\n      messageId\n      cursor\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": types.ConversationEventsDocument,
    "\n  subscription ConversationActivity {\n    messageEvents {\n      kind\n      groupId\n      message {\n        ...MessagePreview\n      }\n    }\n  }\n": types.ConversationActivityDocument,
    "\n  subscription MyMembershipChanges {\n    membershipEvents {\n      kind\n      groupId\n      userIds\n    }\n  }\n": types.MyMembershipChangesDocument,
    "\n  fragment ListedGroupActivity on Group {\n    id\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n": types.ListedGroupActivityFragmentDoc,
    "\n  query GroupActivity($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      ...ListedGroupActivity\n    }\n  }\n": types.GroupActivityDocument,
    "\n  mutation MarkRead($input: MarkReadInput!) {\n    markRead(input: $input) {\n      lastReadMessageId\n      unreadCount\n    }\n  }\n": types.MarkReadDocument,
    "\n  query MentionCandidates($groupId: ID!, $search: String!) {\n    group(id: $groupId) {\n      id\n      members(first: 6, search: $search) {\n        edges {\n          node {\n            user {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MentionCandidatesDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation RotateConnectorSecret($input: ConnectorInput!) {\n    rotateConnectorSecret(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n": types.RotateConnectorSecretDocument,
    "\n  mutation RevokeConnector($input: ConnectorInput!) {\n    revokeConnector(input: $input) {\n      connector {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n": types.RevokeConnectorDocument,
    "\n  fragment ConnectorRow on Connector {\n    id\n    name\n    clientId\n    permissions\n    createdAt\n    secretRotatedAt\n    revokedAt\n  }\n": types.ConnectorRowFragmentDoc,
    "\n  query ConnectorsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      connectors {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n": types.ConnectorsScreenDocument,
    "\n  mutation RegisterConnector($input: RegisterConnectorInput!) {\n    registerConnector(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n": types.RegisterConnectorDocument,
    "\n  mutation AddDirectoryMember($input: AddDirectoryMemberInput!) {\n    addDirectoryMember(input: $input) {\n      member {\n        displayName\n        user {\n          id\n        }\n      }\n    }\n  }\n": types.AddDirectoryMemberDocument,
    "\n  fragment AttributeFields on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n": types.AttributeFieldsFragmentDoc,
    "\n  mutation SetMembersNetwork($input: SetMembersNetworkInput!) {\n    setMembersNetwork(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n        member {\n          ...ChangedDirectoryEntry\n        }\n      }\n    }\n  }\n": types.SetMembersNetworkDocument,
    "\n  mutation RemoveOrganizationMembers($input: RemoveOrganizationMembersInput!) {\n    removeOrganizationMembers(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n": types.RemoveOrganizationMembersDocument,
    "\n  fragment ChangedDirectoryEntry on DirectoryEntry {\n    network\n    role\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n": types.ChangedDirectoryEntryFragmentDoc,
    "\n  fragment DirectoryRow on DirectoryEntry {\n    displayName\n    phone\n    network\n    role\n    joinedAt\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n": types.DirectoryRowFragmentDoc,
    "\n  query DirectoryPage($orgId: ID!, $first: Int!, $after: String, $search: String, $network: Network) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeFields\n      }\n      directory(first: $first, after: $after, search: $search, network: $network) {\n        edges {\n          cursor\n          node {\n            displayName\n            user {\n              id\n            }\n            ...DirectoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.DirectoryPageDocument,
    "\n  mutation SetOrganizationRole($input: SetOrganizationRoleInput!) {\n    setOrganizationRole(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n": types.SetOrganizationRoleDocument,
    "\n  mutation SetMemberNetwork($input: SetMemberNetworkInput!) {\n    setMemberNetwork(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n": types.SetMemberNetworkDocument,
    "\n  mutation SetMemberAttributes($input: SetMemberAttributesInput!) {\n    setMemberAttributes(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n": types.SetMemberAttributesDocument,
    "\n  mutation RemoveOrganizationMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removed\n    }\n  }\n": types.RemoveOrganizationMemberDocument,
    "\n  fragment ExportRow on ExportJob {\n    id\n    status\n    createdAt\n    from\n    to\n    recordsWritten\n    recordsTotal\n    percent\n    expiresAt\n    failureReason\n    downloadUrl\n    archiveBytes\n    archiveSha256\n    startedBy {\n      id\n      displayName\n    }\n  }\n": types.ExportRowFragmentDoc,
    "\n  subscription ExportProgress($exportId: ID!) {\n    exportProgress(exportId: $exportId) {\n      exportId\n      status\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n": types.ExportProgressDocument,
    "\n  mutation CancelExport($input: CancelExportInput!) {\n    cancelExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n": types.CancelExportDocument,
    "\n  query ExportsScreen($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      exports(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            ...ExportRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ExportsScreenDocument,
    "\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n": types.StartExportDocument,
    "\n  fragment GroupBadges on Group {\n    kind\n    announcementOnly\n  }\n": types.GroupBadgesFragmentDoc,
    "\n  query GroupSettings($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      organization {\n        id\n        name\n        myRole\n      }\n      parent {\n        id\n        name\n      }\n      ...GroupDetailsForm\n      ...GroupRetention\n    }\n  }\n": types.GroupSettingsDocument,
    "\n  query GroupFrame($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      memberCountWithSubgroups\n      ...GroupBadges\n      organization {\n        id\n        name\n      }\n      # Three levels of ancestors cover the breadcrumbs of nearly every tree without a request per level.\n      parent {\n        id\n        name\n        parent {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.GroupFrameDocument,
    "\n  mutation CreateInviteLink($input: CreateInviteLinkInput!) {\n    createInviteLink(input: $input) {\n      inviteLink {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n": types.CreateInviteLinkDocument,
    "\n  query GroupInviteLinks($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      inviteLinks {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n": types.GroupInviteLinksDocument,
    "\n  fragment InviteLinkCard on InviteLink {\n    id\n    url\n    role\n    requiresApproval\n    expiresAt\n    maxUses\n    uses\n    revokedAt\n    createdAt\n    qrCodePng\n    qrCodeSvg\n  }\n": types.InviteLinkCardFragmentDoc,
    "\n  mutation RevokeInviteLink($input: InviteLinkInput!) {\n    revokeInviteLink(input: $input) {\n      inviteLink {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.RevokeInviteLinkDocument,
    "\n  fragment JoinRequestRow on JoinRequest {\n    id\n    createdAt\n    status\n    user {\n      id\n      displayName\n    }\n  }\n": types.JoinRequestRowFragmentDoc,
    "\n  mutation DecideJoinRequest($input: DecideJoinRequestInput!) {\n    decideJoinRequest(input: $input) {\n      joinRequest {\n        id\n        status\n      }\n    }\n  }\n": types.DecideJoinRequestDocument,
    "\n  query GroupJoinRequests($groupId: ID!, $first: Int!, $after: String) {\n    group(id: $groupId) {\n      id\n      name\n      joinRequests(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            ...JoinRequestRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.GroupJoinRequestsDocument,
    "\n  mutation AddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        phone\n        status\n        message\n      }\n    }\n  }\n": types.AddGroupMembersDocument,
    "\n  fragment MemberRow on Membership {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n    }\n  }\n": types.MemberRowFragmentDoc,
    "\n  query GroupMembers($groupId: ID!, $first: Int!, $after: String, $search: String, $role: GroupRole) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      myRole\n      organization {\n        id\n        myRole\n      }\n      members(first: $first, after: $after, search: $search, role: $role) {\n        edges {\n          cursor\n          node {\n            user {\n              id\n              displayName\n            }\n            ...MemberRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.GroupMembersDocument,
    "\n  mutation SetGroupRole($input: SetGroupRoleInput!) {\n    setGroupRole(input: $input) {\n      membership {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n": types.SetGroupRoleDocument,
    "\n  mutation RemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n": types.RemoveGroupMembersDocument,
    "\n  mutation DeleteGroup($input: GroupInput!) {\n    deleteGroup(input: $input) {\n      deleted\n    }\n  }\n": types.DeleteGroupDocument,
    "\n  fragment GroupDetailsForm on Group {\n    id\n    name\n    kind\n    description\n    avatarUrl\n    welcomeMessage\n    announcementOnly\n  }\n": types.GroupDetailsFormFragmentDoc,
    "\n  mutation UpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        ...GroupDetailsForm\n      }\n    }\n  }\n": types.UpdateGroupDocument,
    "\n  mutation AttachSubgroup($input: AttachSubgroupInput!) {\n    attachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AttachSubgroupDocument,
    "\n  mutation DetachSubgroup($input: GroupInput!) {\n    detachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n        }\n      }\n    }\n  }\n": types.DetachSubgroupDocument,
    "\n  fragment GroupRetention on Group {\n    id\n    messageRetentionDays\n    legalHold\n    organization {\n      id\n      messageRetentionDays\n    }\n  }\n": types.GroupRetentionFragmentDoc,
    "\n  mutation SetGroupRetention($input: SetGroupRetentionInput!) {\n    setGroupRetention(input: $input) {\n      group {\n        id\n        ...GroupRetention\n      }\n    }\n  }\n": types.SetGroupRetentionDocument,
    "\n  mutation UnlinkGroupFromOrganization($input: GroupInput!) {\n    unlinkGroupFromOrganization(input: $input) {\n      group {\n        id\n        kind\n      }\n    }\n  }\n": types.UnlinkGroupFromOrganizationDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n  }\n": types.CreateGroupDocument,
    "\n  fragment GroupTreeRow on Group {\n    id\n    name\n    memberCount\n    memberCountWithSubgroups\n    ...GroupBadges\n  }\n": types.GroupTreeRowFragmentDoc,
    "\n  query MyPrivateGroups($first: Int!, $after: String) {\n    myGroups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          myRole\n          memberCount\n          organization {\n            id\n          }\n          parent {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyPrivateGroupsDocument,
    "\n  mutation LinkGroupToOrganization($input: LinkGroupInput!) {\n    linkGroupToOrganization(input: $input) {\n      group {\n        id\n        name\n        kind\n        organization {\n          id\n        }\n      }\n    }\n  }\n": types.LinkGroupToOrganizationDocument,
    "\n  query OrganizationGroups($orgId: ID!, $first: Int!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      groups(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            parent {\n              id\n            }\n            ...GroupTreeRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.OrganizationGroupsDocument,
    "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      left\n    }\n  }\n": types.LeaveOrganizationDocument,
    "\n  fragment ApplyDryRun on ImportJob {\n    id\n    mode\n    status\n    fileName\n    defaultCountry\n    existingUsers\n    organization {\n      id\n    }\n    groups {\n      id\n    }\n    counts {\n      total\n      failed\n    }\n  }\n": types.ApplyDryRunFragmentDoc,
    "\n  mutation CancelImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        ...ImportProgressPanel\n        ...ImportFacts\n      }\n    }\n  }\n": types.CancelImportDocument,
    "\n  query DryRunResult($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      fileName\n      errorReportUrl\n      organization {\n        id\n      }\n      counts {\n        failed\n      }\n      ...ImportProgressPanel\n      ...ApplyDryRun\n    }\n  }\n": types.DryRunResultDocument,
    "\n  fragment ImportFacts on ImportJob {\n    id\n    fileName\n    createdAt\n    processingStartedAt\n    finishedAt\n    defaultCountry\n    existingUsers\n    startedBy {\n      id\n      displayName\n    }\n    groups {\n      id\n      name\n    }\n  }\n": types.ImportFactsFragmentDoc,
    "\n  fragment ImportHistoryRow on ImportJob {\n    id\n    kind\n    fileName\n    mode\n    status\n    createdAt\n    errorReportUrl\n    startedBy {\n      id\n      displayName\n    }\n    counts {\n      total\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n": types.ImportHistoryRowFragmentDoc,
    "\n  fragment ImportHistory on Organization {\n    id\n    imports(first: 20) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportHistoryRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ImportHistoryFragmentDoc,
    "\n  fragment ImportProgressPanel on ImportJob {\n    id\n    mode\n    status\n    percent\n    rowsPerSecond\n    estimatedSecondsLeft\n    failureReason\n    counts {\n      total\n      processed\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n": types.ImportProgressPanelFragmentDoc,
    "\n  fragment ImportTargetGroup on Group {\n    id\n    name\n    myRole\n  }\n": types.ImportTargetGroupFragmentDoc,
    "\n  fragment ImportTargetGroups on Organization {\n    groups(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportTargetGroup\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ImportTargetGroupsFragmentDoc,
    "\n  fragment ImportTemplateCard on ImportTemplate {\n    downloadUrl\n    columns {\n      name\n      required\n      description\n    }\n  }\n": types.ImportTemplateCardFragmentDoc,
    "\n  query ImportScreen($id: ID!) {\n    importJob(id: $id) {\n      id\n      mode\n      status\n      fileName\n      errorReportUrl\n      counts {\n        failed\n      }\n      organization {\n        id\n        name\n      }\n      ...ImportProgressPanel\n      ...ImportFacts\n      ...ApplyDryRun\n    }\n  }\n": types.ImportScreenDocument,
    "\n  query ImportsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      ...ImportTargetGroups\n      ...ImportHistory\n    }\n    importTemplate(organizationId: $orgId) {\n      ...ImportTemplateCard\n    }\n  }\n": types.ImportsScreenDocument,
    "\n  query MoreImportTargetGroups($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportTargetGroup\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MoreImportTargetGroupsDocument,
    "\n  query MoreImportHistory($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      imports(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportHistoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MoreImportHistoryDocument,
    "\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) {\n      importId\n      status\n      import {\n        id\n        ...ImportProgressPanel\n        ...ApplyDryRun\n        ...ImportFacts\n        ...ImportHistoryRow\n      }\n    }\n  }\n": types.ImportProgressDocument,
    "\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      uploadUrl\n      maxUploadBytes\n      import {\n        id\n        mode\n        status\n      }\n    }\n  }\n": types.StartImportDocument,
    "\n  mutation CancelOversizedImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        status\n      }\n    }\n  }\n": types.CancelOversizedImportDocument,
    "\n  query InvitePreview($token: String!) {\n    inviteLink(token: $token) {\n      groupName\n      groupAvatarUrl\n      groupKind\n      memberCount\n      requiresApproval\n    }\n  }\n": types.InvitePreviewDocument,
    "\n  mutation JoinGroupByLink($input: JoinGroupByLinkInput!) {\n    joinGroupByLink(input: $input) {\n      outcome\n      group {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n": types.JoinGroupByLinkDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    createdAt\n    read\n    actor {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      organization {\n        id\n      }\n    }\n    message {\n      id\n      text\n    }\n    importJob {\n      id\n      fileName\n      status\n      organization {\n        id\n      }\n    }\n    webhookEndpoint {\n      id\n      url\n      organization {\n        id\n      }\n    }\n    exportJob {\n      id\n      status\n      organization {\n        id\n      }\n    }\n  }\n": types.NotificationItemFragmentDoc,
    "\n  query Notifications($after: String) {\n    notifications(first: 30, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  subscription NotificationEvents {\n    notificationEvents {\n      id\n      ...NotificationItem\n    }\n  }\n": types.NotificationEventsDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  fragment OrganizationRetention on Organization {\n    id\n    messageRetentionDays\n  }\n": types.OrganizationRetentionFragmentDoc,
    "\n  mutation SetMessageRetention($input: SetMessageRetentionInput!) {\n    setMessageRetention(input: $input) {\n      organization {\n        id\n        ...OrganizationRetention\n      }\n    }\n  }\n": types.SetMessageRetentionDocument,
    "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n      ...OrganizationRetention\n    }\n  }\n": types.OrganizationSettingsDocument,
    "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.RenameOrganizationDocument,
    "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n": types.RequestSignInCodeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RegisterWebhookEndpoint($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": types.RegisterWebhookEndpointDocument,
    "\n  query OrganizationGroupChoices($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 200) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationGroupChoicesDocument,
    "\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    redelivery\n    createdAt\n    nextAttemptAt\n    payload\n    attempts {\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseExcerpt\n      error\n    }\n  }\n": types.WebhookDeliveryRowFragmentDoc,
    "\n  query WebhookDeliveriesScreen($id: ID!, $first: Int!, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      status\n      organization {\n        id\n        name\n      }\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...WebhookDeliveryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesScreenDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      delivery {\n        id\n      }\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation ReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      queued\n    }\n  }\n": types.ReplayWebhookEventsDocument,
    "\n  mutation PauseWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    pauseWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": types.PauseWebhookEndpointDocument,
    "\n  mutation ResumeWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    resumeWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": types.ResumeWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        previousSecretExpiresAt\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    includeSubgroups\n    groups {\n      id\n    }\n    status\n    disabledReason\n    disabledAt\n    createdAt\n  }\n": types.WebhookEndpointRowFragmentDoc,
    "\n  query WebhooksScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      webhookEndpoints {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n": types.WebhooksScreenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut($input: SignOutInput!) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      phone\n      organizations {\n        role\n        network\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttributeRow on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n"): (typeof documents)["\n  fragment AttributeRow on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefineUserAttribute($input: DefineUserAttributeInput!) {\n    defineUserAttribute(input: $input) {\n      definition {\n        name\n        type\n        mandatory\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DefineUserAttribute($input: DefineUserAttributeInput!) {\n    defineUserAttribute(input: $input) {\n      definition {\n        name\n        type\n        mandatory\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationAttributes($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeRow\n      }\n    }\n    suggestedUserAttributes {\n      ...SuggestedAttribute\n    }\n  }\n"): (typeof documents)["\n  query OrganizationAttributes($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeRow\n      }\n    }\n    suggestedUserAttributes {\n      ...SuggestedAttribute\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveUserAttribute($input: RemoveUserAttributeInput!) {\n    removeUserAttribute(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveUserAttribute($input: RemoveUserAttributeInput!) {\n    removeUserAttribute(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SuggestedAttribute on SuggestedAttribute {\n    name\n    type\n  }\n"): (typeof documents)["\n  fragment SuggestedAttribute on SuggestedAttribute {\n    name\n    type\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryRow on AuditEntry {\n    id\n    sequence\n    occurredAt\n    action\n    actorKind\n    actorId\n    actorName\n    via\n    clientAddress\n    targetType\n    targetId\n    targetName\n    before\n    after\n    count\n  }\n"): (typeof documents)["\n  fragment AuditEntryRow on AuditEntry {\n    id\n    sequence\n    occurredAt\n    action\n    actorKind\n    actorId\n    actorName\n    via\n    clientAddress\n    targetType\n    targetId\n    targetName\n    before\n    after\n    count\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogIntegrity($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      auditLogIntegrity {\n        intact\n        entries\n        headHash\n        brokenAt\n        problem\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogIntegrity($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      auditLogIntegrity {\n        intact\n        entries\n        headHash\n        brokenAt\n        problem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogScreen($orgId: ID!, $first: Int!, $after: String, $filter: AuditLogFilter) {\n    organization(id: $orgId) {\n      id\n      name\n      auditLog(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEntryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogScreen($orgId: ID!, $first: Int!, $after: String, $filter: AuditLogFilter) {\n    organization(id: $orgId) {\n      id\n      name\n      auditLog(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            ...AuditEntryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatImportGroups($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100) {\n        edges {\n          node {\n            id\n            name\n            myRole\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChatImportGroups($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100) {\n        edges {\n          node {\n            id\n            name\n            myRole\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartChatImport($input: StartChatImportInput!) {\n    startChatImport(input: $input) {\n      uploadUrl\n      import {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartChatImport($input: StartChatImportInput!) {\n    startChatImport(input: $input) {\n      uploadUrl\n      import {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      mode\n      failureReason\n      chat {\n        group {\n          id\n        }\n      }\n      ...ChatPreviewPanel\n      ...ImportProgressPanel\n    }\n  }\n"): (typeof documents)["\n  query ChatImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      mode\n      failureReason\n      chat {\n        group {\n          id\n        }\n      }\n      ...ChatPreviewPanel\n      ...ImportProgressPanel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatPreviewPanel on ImportJob {\n    id\n    fileName\n    chat {\n      newGroupName\n      reportUrl\n      group {\n        id\n      }\n      preview {\n        fileKind\n        format {\n          platform\n          dateOrder\n          clock\n        }\n        messages\n        systemEvents\n        skippedLines\n        media {\n          referenced\n          inArchive\n          missing\n        }\n        firstAt\n        lastAt\n        authors {\n          name\n          phone\n          messages\n          match {\n            displayName\n            by\n          }\n        }\n        samples {\n          line\n          sentAt\n          author\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ChatPreviewPanel on ImportJob {\n    id\n    fileName\n    chat {\n      newGroupName\n      reportUrl\n      group {\n        id\n      }\n      preview {\n        fileKind\n        format {\n          platform\n          dateOrder\n          clock\n        }\n        messages\n        systemEvents\n        skippedLines\n        media {\n          referenced\n          inArchive\n          missing\n        }\n        firstAt\n        lastAt\n        authors {\n          name\n          phone\n          messages\n          match {\n            displayName\n            by\n          }\n        }\n        samples {\n          line\n          sentAt\n          author\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyChatImport($input: ApplyChatImportInput!) {\n    applyChatImport(input: $input) {\n      import {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyChatImport($input: ApplyChatImportInput!) {\n    applyChatImport(input: $input) {\n      import {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageAttachment on Attachment {\n    id\n    filename\n    contentType\n    size\n    url\n  }\n"): (typeof documents)["\n  fragment MessageAttachment on Attachment {\n    id\n    filename\n    contentType\n    size\n    url\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationListItem on Group {\n    id\n    name\n    kind\n    announcementOnly\n    avatarUrl\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationListItem on Group {\n    id\n    name\n    kind\n    announcementOnly\n    avatarUrl\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyConversations($first: Int!, $after: String, $search: String) {\n    myConversations(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConversationListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyConversations($first: Int!, $after: String, $search: String) {\n    myConversations(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConversationListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMessage($input: MessageInput!) {\n    deleteMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMessage($input: MessageInput!) {\n    deleteMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessage on Message {\n    id\n    kind\n    text\n    sentAt\n    editedAt\n    deleted\n    audience\n    author {\n      id\n      kind\n      displayName\n    }\n    replyTo {\n      id\n      text\n      deleted\n      author {\n        id\n        displayName\n      }\n    }\n    mentions {\n      id\n      displayName\n    }\n    readBy {\n      count\n      of\n    }\n    attachments {\n      ...MessageAttachment\n    }\n    poll {\n      ...PollCard\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n"): (typeof documents)["\n  fragment ChatMessage on Message {\n    id\n    kind\n    text\n    sentAt\n    editedAt\n    deleted\n    audience\n    author {\n      id\n      kind\n      displayName\n    }\n    replyTo {\n      id\n      text\n      deleted\n      author {\n        id\n        displayName\n      }\n    }\n    mentions {\n      id\n      displayName\n    }\n    readBy {\n      count\n      of\n    }\n    attachments {\n      ...MessageAttachment\n    }\n    poll {\n      ...PollCard\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessagePreview on Message {\n    id\n    kind\n    text\n    deleted\n    sentAt\n    author {\n      id\n      displayName\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n"): (typeof documents)["\n  fragment MessagePreview on Message {\n    id\n    kind\n    text\n    deleted\n    sentAt\n    author {\n      id\n      displayName\n    }\n    systemEvent {\n      ...SystemEventLine\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PollCard on Poll {\n    question\n    options {\n      index\n      text\n      votes\n    }\n    multipleChoice\n    deadline\n    closed\n    resultsVisibleTo\n    voters\n    myAnswer\n  }\n"): (typeof documents)["\n  fragment PollCard on Poll {\n    question\n    options {\n      index\n      text\n      votes\n    }\n    multipleChoice\n    deadline\n    closed\n    resultsVisibleTo\n    voters\n    myAnswer\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerPoll($input: AnswerPollInput!) {\n    answerPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AnswerPoll($input: AnswerPollInput!) {\n    answerPoll(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchMessages($query: String!, $after: String) {\n    searchMessages(query: $query, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          highlight\n          message {\n            id\n            sentAt\n            author {\n              id\n              displayName\n            }\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchMessages($query: String!, $after: String) {\n    searchMessages(query: $query, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          highlight\n          message {\n            id\n            sentAt\n            author {\n              id\n              displayName\n            }\n            group {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SystemEventLine on SystemEvent {\n    kind\n    userCount\n    name\n    role\n    actor {\n      id\n      displayName\n    }\n    users {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment SystemEventLine on SystemEvent {\n    kind\n    userCount\n    name\n    role\n    actor {\n      id\n      displayName\n    }\n    users {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationCursor($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      changesCursor\n    }\n  }\n"): (typeof documents)["\n  query ConversationCursor($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      changesCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($groupId: ID!, $last: Int, $around: ID) {\n    group(id: $groupId) {\n      id\n      name\n      kind\n      announcementOnly\n      memberCount\n      myRole\n      avatarUrl\n      unreadCount\n      lastReadMessageId\n      messages(last: $last, around: $around) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($groupId: ID!, $last: Int, $around: ID) {\n    group(id: $groupId) {\n      id\n      name\n      kind\n      announcementOnly\n      memberCount\n      myRole\n      avatarUrl\n      unreadCount\n      lastReadMessageId\n      messages(last: $last, around: $around) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OlderMessages($groupId: ID!, $before: String!) {\n    group(id: $groupId) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OlderMessages($groupId: ID!, $before: String!) {\n    group(id: $groupId) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewerMessages($groupId: ID!, $after: String!) {\n    group(id: $groupId) {\n      id\n      messages(first: 50, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewerMessages($groupId: ID!, $after: String!) {\n    group(id: $groupId) {\n      id\n      messages(first: 50, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessage\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadProgress($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      messages(last: 30) {\n        edges {\n          node {\n            id\n            readBy {\n              count\n              of\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReadProgress($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      messages(last: 30) {\n        edges {\n          node {\n            id\n            readBy {\n              count\n              of\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationEvents($groupId: ID!, $after: String) {\n    messageEvents(groupId: $groupId, after: $after) {\n      kind\n      messageId\n      cursor\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationEvents($groupId: ID!, $after: String) {\n    messageEvents(groupId: $groupId, after: $after) {\n      kind\n      messageId\n      cursor\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationActivity {\n    messageEvents {\n      kind\n      groupId\n      message {\n        ...MessagePreview\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationActivity {\n    messageEvents {\n      kind\n      groupId\n      message {\n        ...MessagePreview\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyMembershipChanges {\n    membershipEvents {\n      kind\n      groupId\n      userIds\n    }\n  }\n"): (typeof documents)["\n  subscription MyMembershipChanges {\n    membershipEvents {\n      kind\n      groupId\n      userIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ListedGroupActivity on Group {\n    id\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n"): (typeof documents)["\n  fragment ListedGroupActivity on Group {\n    id\n    unreadCount\n    lastMessage {\n      ...MessagePreview\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupActivity($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      ...ListedGroupActivity\n    }\n  }\n"): (typeof documents)["\n  query GroupActivity($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      ...ListedGroupActivity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkRead($input: MarkReadInput!) {\n    markRead(input: $input) {\n      lastReadMessageId\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkRead($input: MarkReadInput!) {\n    markRead(input: $input) {\n      lastReadMessageId\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentionCandidates($groupId: ID!, $search: String!) {\n    group(id: $groupId) {\n      id\n      members(first: 6, search: $search) {\n        edges {\n          node {\n            user {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MentionCandidates($groupId: ID!, $search: String!) {\n    group(id: $groupId) {\n      id\n      members(first: 6, search: $search) {\n        edges {\n          node {\n            user {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        ...ChatMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateConnectorSecret($input: ConnectorInput!) {\n    rotateConnectorSecret(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateConnectorSecret($input: ConnectorInput!) {\n    rotateConnectorSecret(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeConnector($input: ConnectorInput!) {\n    revokeConnector(input: $input) {\n      connector {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeConnector($input: ConnectorInput!) {\n    revokeConnector(input: $input) {\n      connector {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConnectorRow on Connector {\n    id\n    name\n    clientId\n    permissions\n    createdAt\n    secretRotatedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ConnectorRow on Connector {\n    id\n    name\n    clientId\n    permissions\n    createdAt\n    secretRotatedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      connectors {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConnectorsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      connectors {\n        id\n        ...ConnectorRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterConnector($input: RegisterConnectorInput!) {\n    registerConnector(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterConnector($input: RegisterConnectorInput!) {\n    registerConnector(input: $input) {\n      clientSecret\n      connector {\n        id\n        clientId\n        ...ConnectorRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDirectoryMember($input: AddDirectoryMemberInput!) {\n    addDirectoryMember(input: $input) {\n      member {\n        displayName\n        user {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddDirectoryMember($input: AddDirectoryMemberInput!) {\n    addDirectoryMember(input: $input) {\n      member {\n        displayName\n        user {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttributeFields on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n"): (typeof documents)["\n  fragment AttributeFields on AttributeDefinition {\n    name\n    type\n    mandatory\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMembersNetwork($input: SetMembersNetworkInput!) {\n    setMembersNetwork(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n        member {\n          ...ChangedDirectoryEntry\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMembersNetwork($input: SetMembersNetworkInput!) {\n    setMembersNetwork(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n        member {\n          ...ChangedDirectoryEntry\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveOrganizationMembers($input: RemoveOrganizationMembersInput!) {\n    removeOrganizationMembers(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveOrganizationMembers($input: RemoveOrganizationMembersInput!) {\n    removeOrganizationMembers(input: $input) {\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangedDirectoryEntry on DirectoryEntry {\n    network\n    role\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment ChangedDirectoryEntry on DirectoryEntry {\n    network\n    role\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DirectoryRow on DirectoryEntry {\n    displayName\n    phone\n    network\n    role\n    joinedAt\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment DirectoryRow on DirectoryEntry {\n    displayName\n    phone\n    network\n    role\n    joinedAt\n    attributes {\n      name\n      value\n    }\n    user {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryPage($orgId: ID!, $first: Int!, $after: String, $search: String, $network: Network) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeFields\n      }\n      directory(first: $first, after: $after, search: $search, network: $network) {\n        edges {\n          cursor\n          node {\n            displayName\n            user {\n              id\n            }\n            ...DirectoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectoryPage($orgId: ID!, $first: Int!, $after: String, $search: String, $network: Network) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      attributeDefinitions {\n        ...AttributeFields\n      }\n      directory(first: $first, after: $after, search: $search, network: $network) {\n        edges {\n          cursor\n          node {\n            displayName\n            user {\n              id\n            }\n            ...DirectoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationRole($input: SetOrganizationRoleInput!) {\n    setOrganizationRole(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationRole($input: SetOrganizationRoleInput!) {\n    setOrganizationRole(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMemberNetwork($input: SetMemberNetworkInput!) {\n    setMemberNetwork(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMemberNetwork($input: SetMemberNetworkInput!) {\n    setMemberNetwork(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMemberAttributes($input: SetMemberAttributesInput!) {\n    setMemberAttributes(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMemberAttributes($input: SetMemberAttributesInput!) {\n    setMemberAttributes(input: $input) {\n      member {\n        ...ChangedDirectoryEntry\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveOrganizationMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveOrganizationMember($input: RemoveOrganizationMemberInput!) {\n    removeOrganizationMember(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExportRow on ExportJob {\n    id\n    status\n    createdAt\n    from\n    to\n    recordsWritten\n    recordsTotal\n    percent\n    expiresAt\n    failureReason\n    downloadUrl\n    archiveBytes\n    archiveSha256\n    startedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ExportRow on ExportJob {\n    id\n    status\n    createdAt\n    from\n    to\n    recordsWritten\n    recordsTotal\n    percent\n    expiresAt\n    failureReason\n    downloadUrl\n    archiveBytes\n    archiveSha256\n    startedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExportProgress($exportId: ID!) {\n    exportProgress(exportId: $exportId) {\n      exportId\n      status\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ExportProgress($exportId: ID!) {\n    exportProgress(exportId: $exportId) {\n      exportId\n      status\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelExport($input: CancelExportInput!) {\n    cancelExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelExport($input: CancelExportInput!) {\n    cancelExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportsScreen($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      exports(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            ...ExportRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportsScreen($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      exports(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            ...ExportRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) {\n      export {\n        id\n        ...ExportRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupBadges on Group {\n    kind\n    announcementOnly\n  }\n"): (typeof documents)["\n  fragment GroupBadges on Group {\n    kind\n    announcementOnly\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupSettings($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      organization {\n        id\n        name\n        myRole\n      }\n      parent {\n        id\n        name\n      }\n      ...GroupDetailsForm\n      ...GroupRetention\n    }\n  }\n"): (typeof documents)["\n  query GroupSettings($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      organization {\n        id\n        name\n        myRole\n      }\n      parent {\n        id\n        name\n      }\n      ...GroupDetailsForm\n      ...GroupRetention\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupFrame($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      memberCountWithSubgroups\n      ...GroupBadges\n      organization {\n        id\n        name\n      }\n      # Three levels of ancestors cover the breadcrumbs of nearly every tree without a request per level.\n      parent {\n        id\n        name\n        parent {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupFrame($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      memberCountWithSubgroups\n      ...GroupBadges\n      organization {\n        id\n        name\n      }\n      # Three levels of ancestors cover the breadcrumbs of nearly every tree without a request per level.\n      parent {\n        id\n        name\n        parent {\n          id\n          name\n          parent {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInviteLink($input: CreateInviteLinkInput!) {\n    createInviteLink(input: $input) {\n      inviteLink {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInviteLink($input: CreateInviteLinkInput!) {\n    createInviteLink(input: $input) {\n      inviteLink {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupInviteLinks($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      inviteLinks {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupInviteLinks($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      inviteLinks {\n        id\n        ...InviteLinkCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InviteLinkCard on InviteLink {\n    id\n    url\n    role\n    requiresApproval\n    expiresAt\n    maxUses\n    uses\n    revokedAt\n    createdAt\n    qrCodePng\n    qrCodeSvg\n  }\n"): (typeof documents)["\n  fragment InviteLinkCard on InviteLink {\n    id\n    url\n    role\n    requiresApproval\n    expiresAt\n    maxUses\n    uses\n    revokedAt\n    createdAt\n    qrCodePng\n    qrCodeSvg\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInviteLink($input: InviteLinkInput!) {\n    revokeInviteLink(input: $input) {\n      inviteLink {\n        id\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInviteLink($input: InviteLinkInput!) {\n    revokeInviteLink(input: $input) {\n      inviteLink {\n        id\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JoinRequestRow on JoinRequest {\n    id\n    createdAt\n    status\n    user {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment JoinRequestRow on JoinRequest {\n    id\n    createdAt\n    status\n    user {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideJoinRequest($input: DecideJoinRequestInput!) {\n    decideJoinRequest(input: $input) {\n      joinRequest {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecideJoinRequest($input: DecideJoinRequestInput!) {\n    decideJoinRequest(input: $input) {\n      joinRequest {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupJoinRequests($groupId: ID!, $first: Int!, $after: String) {\n    group(id: $groupId) {\n      id\n      name\n      joinRequests(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            ...JoinRequestRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupJoinRequests($groupId: ID!, $first: Int!, $after: String) {\n    group(id: $groupId) {\n      id\n      name\n      joinRequests(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            status\n            ...JoinRequestRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        phone\n        status\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        phone\n        status\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRow on Membership {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MemberRow on Membership {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($groupId: ID!, $first: Int!, $after: String, $search: String, $role: GroupRole) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      myRole\n      organization {\n        id\n        myRole\n      }\n      members(first: $first, after: $after, search: $search, role: $role) {\n        edges {\n          cursor\n          node {\n            user {\n              id\n              displayName\n            }\n            ...MemberRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupMembers($groupId: ID!, $first: Int!, $after: String, $search: String, $role: GroupRole) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      myRole\n      organization {\n        id\n        myRole\n      }\n      members(first: $first, after: $after, search: $search, role: $role) {\n        edges {\n          cursor\n          node {\n            user {\n              id\n              displayName\n            }\n            ...MemberRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroupRole($input: SetGroupRoleInput!) {\n    setGroupRole(input: $input) {\n      membership {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetGroupRole($input: SetGroupRoleInput!) {\n    setGroupRole(input: $input) {\n      membership {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      group {\n        id\n        memberCount\n      }\n      outcomes {\n        userId\n        status\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGroup($input: GroupInput!) {\n    deleteGroup(input: $input) {\n      deleted\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteGroup($input: GroupInput!) {\n    deleteGroup(input: $input) {\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupDetailsForm on Group {\n    id\n    name\n    kind\n    description\n    avatarUrl\n    welcomeMessage\n    announcementOnly\n  }\n"): (typeof documents)["\n  fragment GroupDetailsForm on Group {\n    id\n    name\n    kind\n    description\n    avatarUrl\n    welcomeMessage\n    announcementOnly\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        ...GroupDetailsForm\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        ...GroupDetailsForm\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachSubgroup($input: AttachSubgroupInput!) {\n    attachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AttachSubgroup($input: AttachSubgroupInput!) {\n    attachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DetachSubgroup($input: GroupInput!) {\n    detachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DetachSubgroup($input: GroupInput!) {\n    detachSubgroup(input: $input) {\n      group {\n        id\n        parent {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupRetention on Group {\n    id\n    messageRetentionDays\n    legalHold\n    organization {\n      id\n      messageRetentionDays\n    }\n  }\n"): (typeof documents)["\n  fragment GroupRetention on Group {\n    id\n    messageRetentionDays\n    legalHold\n    organization {\n      id\n      messageRetentionDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroupRetention($input: SetGroupRetentionInput!) {\n    setGroupRetention(input: $input) {\n      group {\n        id\n        ...GroupRetention\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetGroupRetention($input: SetGroupRetentionInput!) {\n    setGroupRetention(input: $input) {\n      group {\n        id\n        ...GroupRetention\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkGroupFromOrganization($input: GroupInput!) {\n    unlinkGroupFromOrganization(input: $input) {\n      group {\n        id\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkGroupFromOrganization($input: GroupInput!) {\n    unlinkGroupFromOrganization(input: $input) {\n      group {\n        id\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupTreeRow on Group {\n    id\n    name\n    memberCount\n    memberCountWithSubgroups\n    ...GroupBadges\n  }\n"): (typeof documents)["\n  fragment GroupTreeRow on Group {\n    id\n    name\n    memberCount\n    memberCountWithSubgroups\n    ...GroupBadges\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPrivateGroups($first: Int!, $after: String) {\n    myGroups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          myRole\n          memberCount\n          organization {\n            id\n          }\n          parent {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPrivateGroups($first: Int!, $after: String) {\n    myGroups(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          myRole\n          memberCount\n          organization {\n            id\n          }\n          parent {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkGroupToOrganization($input: LinkGroupInput!) {\n    linkGroupToOrganization(input: $input) {\n      group {\n        id\n        name\n        kind\n        organization {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LinkGroupToOrganization($input: LinkGroupInput!) {\n    linkGroupToOrganization(input: $input) {\n      group {\n        id\n        name\n        kind\n        organization {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationGroups($orgId: ID!, $first: Int!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      groups(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            parent {\n              id\n            }\n            ...GroupTreeRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationGroups($orgId: ID!, $first: Int!, $after: String) {\n    organization(id: $orgId) {\n      id\n      name\n      myRole\n      groups(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            name\n            parent {\n              id\n            }\n            ...GroupTreeRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      left\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveOrganization($input: LeaveOrganizationInput!) {\n    leaveOrganization(input: $input) {\n      left\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplyDryRun on ImportJob {\n    id\n    mode\n    status\n    fileName\n    defaultCountry\n    existingUsers\n    organization {\n      id\n    }\n    groups {\n      id\n    }\n    counts {\n      total\n      failed\n    }\n  }\n"): (typeof documents)["\n  fragment ApplyDryRun on ImportJob {\n    id\n    mode\n    status\n    fileName\n    defaultCountry\n    existingUsers\n    organization {\n      id\n    }\n    groups {\n      id\n    }\n    counts {\n      total\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        ...ImportProgressPanel\n        ...ImportFacts\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        ...ImportProgressPanel\n        ...ImportFacts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DryRunResult($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      fileName\n      errorReportUrl\n      organization {\n        id\n      }\n      counts {\n        failed\n      }\n      ...ImportProgressPanel\n      ...ApplyDryRun\n    }\n  }\n"): (typeof documents)["\n  query DryRunResult($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      fileName\n      errorReportUrl\n      organization {\n        id\n      }\n      counts {\n        failed\n      }\n      ...ImportProgressPanel\n      ...ApplyDryRun\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportFacts on ImportJob {\n    id\n    fileName\n    createdAt\n    processingStartedAt\n    finishedAt\n    defaultCountry\n    existingUsers\n    startedBy {\n      id\n      displayName\n    }\n    groups {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ImportFacts on ImportJob {\n    id\n    fileName\n    createdAt\n    processingStartedAt\n    finishedAt\n    defaultCountry\n    existingUsers\n    startedBy {\n      id\n      displayName\n    }\n    groups {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportHistoryRow on ImportJob {\n    id\n    kind\n    fileName\n    mode\n    status\n    createdAt\n    errorReportUrl\n    startedBy {\n      id\n      displayName\n    }\n    counts {\n      total\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n"): (typeof documents)["\n  fragment ImportHistoryRow on ImportJob {\n    id\n    kind\n    fileName\n    mode\n    status\n    createdAt\n    errorReportUrl\n    startedBy {\n      id\n      displayName\n    }\n    counts {\n      total\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportHistory on Organization {\n    id\n    imports(first: 20) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportHistoryRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ImportHistory on Organization {\n    id\n    imports(first: 20) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportHistoryRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportProgressPanel on ImportJob {\n    id\n    mode\n    status\n    percent\n    rowsPerSecond\n    estimatedSecondsLeft\n    failureReason\n    counts {\n      total\n      processed\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n"): (typeof documents)["\n  fragment ImportProgressPanel on ImportJob {\n    id\n    mode\n    status\n    percent\n    rowsPerSecond\n    estimatedSecondsLeft\n    failureReason\n    counts {\n      total\n      processed\n      created\n      updated\n      unchanged\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportTargetGroup on Group {\n    id\n    name\n    myRole\n  }\n"): (typeof documents)["\n  fragment ImportTargetGroup on Group {\n    id\n    name\n    myRole\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportTargetGroups on Organization {\n    groups(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportTargetGroup\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ImportTargetGroups on Organization {\n    groups(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          ...ImportTargetGroup\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportTemplateCard on ImportTemplate {\n    downloadUrl\n    columns {\n      name\n      required\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment ImportTemplateCard on ImportTemplate {\n    downloadUrl\n    columns {\n      name\n      required\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportScreen($id: ID!) {\n    importJob(id: $id) {\n      id\n      mode\n      status\n      fileName\n      errorReportUrl\n      counts {\n        failed\n      }\n      organization {\n        id\n        name\n      }\n      ...ImportProgressPanel\n      ...ImportFacts\n      ...ApplyDryRun\n    }\n  }\n"): (typeof documents)["\n  query ImportScreen($id: ID!) {\n    importJob(id: $id) {\n      id\n      mode\n      status\n      fileName\n      errorReportUrl\n      counts {\n        failed\n      }\n      organization {\n        id\n        name\n      }\n      ...ImportProgressPanel\n      ...ImportFacts\n      ...ApplyDryRun\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      ...ImportTargetGroups\n      ...ImportHistory\n    }\n    importTemplate(organizationId: $orgId) {\n      ...ImportTemplateCard\n    }\n  }\n"): (typeof documents)["\n  query ImportsScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      ...ImportTargetGroups\n      ...ImportHistory\n    }\n    importTemplate(organizationId: $orgId) {\n      ...ImportTemplateCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreImportTargetGroups($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportTargetGroup\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MoreImportTargetGroups($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      groups(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportTargetGroup\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreImportHistory($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      imports(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportHistoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MoreImportHistory($orgId: ID!, $after: String) {\n    organization(id: $orgId) {\n      id\n      imports(first: 20, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...ImportHistoryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) {\n      importId\n      status\n      import {\n        id\n        ...ImportProgressPanel\n        ...ApplyDryRun\n        ...ImportFacts\n        ...ImportHistoryRow\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ImportProgress($importId: ID!) {\n    importProgress(importId: $importId) {\n      importId\n      status\n      import {\n        id\n        ...ImportProgressPanel\n        ...ApplyDryRun\n        ...ImportFacts\n        ...ImportHistoryRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      uploadUrl\n      maxUploadBytes\n      import {\n        id\n        mode\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      uploadUrl\n      maxUploadBytes\n      import {\n        id\n        mode\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOversizedImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelOversizedImport($input: CancelImportInput!) {\n    cancelImport(input: $input) {\n      import {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitePreview($token: String!) {\n    inviteLink(token: $token) {\n      groupName\n      groupAvatarUrl\n      groupKind\n      memberCount\n      requiresApproval\n    }\n  }\n"): (typeof documents)["\n  query InvitePreview($token: String!) {\n    inviteLink(token: $token) {\n      groupName\n      groupAvatarUrl\n      groupKind\n      memberCount\n      requiresApproval\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinGroupByLink($input: JoinGroupByLinkInput!) {\n    joinGroupByLink(input: $input) {\n      outcome\n      group {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinGroupByLink($input: JoinGroupByLinkInput!) {\n    joinGroupByLink(input: $input) {\n      outcome\n      group {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    createdAt\n    read\n    actor {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      organization {\n        id\n      }\n    }\n    message {\n      id\n      text\n    }\n    importJob {\n      id\n      fileName\n      status\n      organization {\n        id\n      }\n    }\n    webhookEndpoint {\n      id\n      url\n      organization {\n        id\n      }\n    }\n    exportJob {\n      id\n      status\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationItem on Notification {\n    id\n    kind\n    createdAt\n    read\n    actor {\n      id\n      displayName\n    }\n    group {\n      id\n      name\n      organization {\n        id\n      }\n    }\n    message {\n      id\n      text\n    }\n    importJob {\n      id\n      fileName\n      status\n      organization {\n        id\n      }\n    }\n    webhookEndpoint {\n      id\n      url\n      organization {\n        id\n      }\n    }\n    exportJob {\n      id\n      status\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($after: String) {\n    notifications(first: 30, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($after: String) {\n    notifications(first: 30, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationEvents {\n    notificationEvents {\n      id\n      ...NotificationItem\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationEvents {\n    notificationEvents {\n      id\n      ...NotificationItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationRetention on Organization {\n    id\n    messageRetentionDays\n  }\n"): (typeof documents)["\n  fragment OrganizationRetention on Organization {\n    id\n    messageRetentionDays\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMessageRetention($input: SetMessageRetentionInput!) {\n    setMessageRetention(input: $input) {\n      organization {\n        id\n        ...OrganizationRetention\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMessageRetention($input: SetMessageRetentionInput!) {\n    setMessageRetention(input: $input) {\n      organization {\n        id\n        ...OrganizationRetention\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n      ...OrganizationRetention\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      createdAt\n      myRole\n      ...OrganizationRetention\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameOrganization($input: RenameOrganizationInput!) {\n    renameOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n"): (typeof documents)["\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input) {\n      expiresInSeconds\n      retryAfterSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      expiresInSeconds\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterWebhookEndpoint($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterWebhookEndpoint($input: RegisterWebhookEndpointInput!) {\n    registerWebhookEndpoint(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationGroupChoices($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 200) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationGroupChoices($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      groups(first: 200) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    redelivery\n    createdAt\n    nextAttemptAt\n    payload\n    attempts {\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseExcerpt\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    redelivery\n    createdAt\n    nextAttemptAt\n    payload\n    attempts {\n      attemptedAt\n      httpStatus\n      latencyMs\n      responseExcerpt\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveriesScreen($id: ID!, $first: Int!, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      status\n      organization {\n        id\n        name\n      }\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...WebhookDeliveryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveriesScreen($id: ID!, $first: Int!, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      status\n      organization {\n        id\n        name\n      }\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...WebhookDeliveryRow\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      delivery {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      delivery {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      queued\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookEvents($input: ReplayWebhookEventsInput!) {\n    replayWebhookEvents(input: $input) {\n      queued\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    pauseWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PauseWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    pauseWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    resumeWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    resumeWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        previousSecretExpiresAt\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      signingSecret\n      endpoint {\n        id\n        previousSecretExpiresAt\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    includeSubgroups\n    groups {\n      id\n    }\n    status\n    disabledReason\n    disabledAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointRow on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    includeSubgroups\n    groups {\n      id\n    }\n    status\n    disabledReason\n    disabledAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      webhookEndpoints {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhooksScreen($orgId: ID!) {\n    organization(id: $orgId) {\n      id\n      name\n      webhookEndpoints {\n        id\n        ...WebhookEndpointRow\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;