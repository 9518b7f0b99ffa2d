import { validateEnvelope } from '@kz/events';
import { groupAuditEntry, inviteLinkAuditEntry } from './audit-entries';

const group = { id: '0192a0c0-0000-7000-8000-000000000001', orgId: '0192a0c0-0000-7000-8000-000000000002', name: 'Night shift' };
const admin = { kind: 'user' as const, userId: '0192a0c0-0000-7000-8000-000000000003', phone: '+14155550100' };

describe('audit entries of group actions', () => {
  it("writes an organisation group's entry to its organisation's log, by the caller", () => {
    const [entry, ...rest] = groupAuditEntry(admin, 'group.members-added', group, { count: 3 });
    expect(rest).toEqual([]);
    expect(validateEnvelope(entry!)).toEqual(entry);
    expect(entry).toMatchObject({
      type: 'audit.entry',
      key: group.orgId,
      orgId: group.orgId,
      payload: {
        action: 'group.members-added',
        actor: { kind: 'PERSON', id: admin.userId, via: null },
        clientAddress: null,
        target: { type: 'group', id: group.id, name: 'Night shift' },
        before: null,
        after: null,
        count: 3,
      },
    });
  });

  it('names the import an import acts through, and the group of an invite link', () => {
    const importer = { kind: 'import' as const, userId: admin.userId, phone: admin.phone, orgId: group.orgId, importId: 'imp-1' };
    expect(inviteLinkAuditEntry(importer, 'invite-link.created', group, { id: 'link-1' }, { after: { maxUses: 5 } })[0]!.payload).toMatchObject({
      actor: { kind: 'PERSON', id: admin.userId, via: 'import:imp-1' },
      target: { type: 'invite-link', id: 'link-1', name: null },
      after: { groupId: group.id, maxUses: 5 },
    });
  });

  it('uses action names the catalogue accepts', () => {
    const actions = [
      'group.created',
      'group.updated',
      'group.deleted',
      'group.attached',
      'group.detached',
      'group.linked',
      'group.unlinked',
      'group.members-added',
      'group.members-removed',
      'group.role-changed',
      'join-request.approved',
      'join-request.declined',
    ] as const;
    for (const action of actions) expect(() => validateEnvelope(groupAuditEntry(admin, action, group)[0])).not.toThrow();
    for (const action of ['invite-link.created', 'invite-link.revoked'] as const) {
      expect(() => validateEnvelope(inviteLinkAuditEntry(admin, action, group, { id: 'link-1' })[0])).not.toThrow();
    }
  });

  it('writes nothing for a group of no organisation', () => {
    expect(groupAuditEntry(admin, 'group.created', { ...group, orgId: null })).toEqual([]);
    expect(inviteLinkAuditEntry(admin, 'invite-link.revoked', { ...group, orgId: null }, { id: 'link-1' })).toEqual([]);
  });
});
