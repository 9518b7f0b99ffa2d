import type { EventEnvelope } from '@kz/events';
import { groupCreatedEvent, groupDeletedEvent, groupLinkedEvent, groupUnlinkedEvent, groupUpdatedEvent } from './group-events';
import { subgroupAttachedEvent, subgroupDetachedEvent } from './hierarchy-events';
import { inviteAcceptedEvent, joinRequestFiledEvent } from './invite-events';
import { MEMBERS_PER_EVENT, membersAddedEvents, membersRemovedEvents, phonesInvitedEvents, rolesChangedEvents } from './membership-events';

const group = {
  id: '0192a0c0-0000-7000-8000-000000000001',
  orgId: '0192a0c0-0000-7000-8000-000000000002',
  parentId: '0192a0c0-0000-7000-8000-000000000003',
  name: 'Night shift',
  kind: 'ORGANIZATION' as const,
  announcementOnly: false,
  createdBy: '0192a0c0-0000-7000-8000-000000000004',
};
const userId = '0192a0c0-0000-7000-8000-000000000005';

/** The envelope as sent, without the parts that differ per event (id, time). */
function wire(event: EventEnvelope): string {
  const { id: _id, occurredAt: _at, ...rest } = event;
  return JSON.stringify(rest);
}

describe('groups events as they go on the wire', () => {
  it('keys group and hierarchy events by the group, in its organisation', () => {
    expect(wire(groupCreatedEvent(group))).toBe(
      `{"type":"groups.group.created","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","orgId":"${group.orgId}","parentId":"${group.parentId}","name":"Night shift","kind":"ORGANIZATION","announcementOnly":false,"createdBy":"${group.createdBy}"}}`,
    );
    expect(wire(groupUpdatedEvent(group, userId))).toBe(
      `{"type":"groups.group.updated","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","name":"Night shift","kind":"ORGANIZATION","announcementOnly":false,"updatedBy":"${userId}"}}`,
    );
    expect(wire(groupDeletedEvent({ id: group.id, orgId: null }))).toBe(
      `{"type":"groups.group.deleted","version":1,"orgId":null,"key":"${group.id}","payload":{"groupId":"${group.id}"}}`,
    );
    expect(wire(groupLinkedEvent(group, 'org-b'))).toBe(
      `{"type":"groups.group.linked","version":1,"orgId":"org-b","key":"${group.id}","payload":{"groupId":"${group.id}","orgId":"org-b"}}`,
    );
    expect(wire(groupUnlinkedEvent(group, 'org-b'))).toBe(
      `{"type":"groups.group.unlinked","version":1,"orgId":"org-b","key":"${group.id}","payload":{"groupId":"${group.id}","orgId":"org-b"}}`,
    );
    expect(wire(subgroupAttachedEvent(group, 'parent', userId))).toBe(
      `{"type":"groups.subgroup.attached","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","parentId":"parent","attachedBy":"${userId}"}}`,
    );
    expect(wire(subgroupDetachedEvent(group, 'parent', userId))).toBe(
      `{"type":"groups.subgroup.detached","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","parentId":"parent","detachedBy":"${userId}"}}`,
    );
    // A parent's deletion detaches its sub-groups with no one in particular acting.
    expect(subgroupDetachedEvent(group, 'parent', null).payload).not.toHaveProperty('detachedBy');
    expect(wire(joinRequestFiledEvent(group, 'request', userId))).toBe(
      `{"type":"groups.join-request.filed","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","requestId":"request","userId":"${userId}"}}`,
    );
    // An organisation's group names its organisation's admins, who may decide too.
    expect(joinRequestFiledEvent(group, 'request', userId, ['org-admin']).payload).toEqual({
      groupId: group.id,
      requestId: 'request',
      userId,
      orgAdminIds: ['org-admin'],
    });
    expect(wire(inviteAcceptedEvent(group, 'invite', userId))).toBe(
      `{"type":"groups.invite.accepted","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","inviteId":"invite","userId":"${userId}"}}`,
    );
  });

  it(`splits membership changes into events of at most ${MEMBERS_PER_EVENT} members`, () => {
    const members = Array.from({ length: MEMBERS_PER_EVENT + 1 }, (_, i) => ({ userId: `user-${i}`, role: 'MEMBER' as const }));
    expect(membersAddedEvents(group, members, userId).map((e) => e.payload.members.length)).toEqual([MEMBERS_PER_EVENT, 1]);
    expect(
      membersRemovedEvents(
        group,
        members.map((m) => m.userId),
        userId,
      ).map((e) => e.payload.userIds.length),
    ).toEqual([MEMBERS_PER_EVENT, 1]);
    expect(wire(rolesChangedEvents(group, [{ userId, role: 'ADMIN' }], group.createdBy)[0]!)).toBe(
      `{"type":"groups.memberships.role-changed","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","members":[{"userId":"${userId}","role":"ADMIN"}],"changedBy":"${group.createdBy}"}}`,
    );
    expect(wire(membersRemovedEvents(group, [userId], userId)[0]!)).toBe(
      `{"type":"groups.memberships.removed","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","userIds":["${userId}"],"removedBy":"${userId}"}}`,
    );
    // No one in particular removed someone who left the organisation.
    expect(membersRemovedEvents(group, [userId], null)[0]!.payload).not.toHaveProperty('removedBy');
    expect(membersAddedEvents(group, [], null)).toEqual([]);
    expect(wire(membersAddedEvents(group, [{ userId, role: 'MEMBER' }], group.createdBy)[0]!)).toBe(
      `{"type":"groups.memberships.added","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","members":[{"userId":"${userId}","role":"MEMBER"}],"addedBy":"${group.createdBy}"}}`,
    );
    // No one in particular added people whose pending invitation turned into a membership at sign-up.
    expect(membersAddedEvents(group, [{ userId, role: 'MEMBER' }], null)[0]!.payload).not.toHaveProperty('addedBy');
  });

  it('sends numbers invited before sign-up in batches, with the group name and who invited them', () => {
    const phones = Array.from({ length: MEMBERS_PER_EVENT + 1 }, (_, i) => `+4479${String(i).padStart(8, '0')}`);
    expect(phonesInvitedEvents(group, userId, phones).map((e) => e.payload.phones.length)).toEqual([MEMBERS_PER_EVENT, 1]);
    expect(wire(phonesInvitedEvents(group, userId, ['+14155550100'])[0]!)).toBe(
      `{"type":"groups.phone-invitations.added","version":1,"orgId":"${group.orgId}","key":"${group.id}","payload":{"groupId":"${group.id}","groupName":"Night shift","invitedBy":"${userId}","phones":["+14155550100"]}}`,
    );
  });
});
