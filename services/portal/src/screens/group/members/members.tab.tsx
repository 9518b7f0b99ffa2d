import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { userErrors } from '../../../api/errors';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { graphql } from '../../../gql';
import type { GroupRole } from '../../../gql/graphql';
import { AddPeopleModal } from './add-people';
import { MemberFilters, type RoleFilter } from './member-filters';
import type { MemberRowActions } from './member-row';
import { ROLE_LABELS } from './member-format';
import { applyRoleChange } from './members-cache';
import { MembersTable, type MemberTableRow } from './members-table';
import { RemoveMembersModal, type RemovalResult } from './remove-members';

/** The first page of a list or a search: two screenfuls, so its rows show at once (the pages after it follow ahead of the scroll). */
const FIRST_PAGE_SIZE = 40;
/** Rows per later page: several screenfuls, so they stay ahead of the scroll. */
const PAGE_SIZE = 100;
/** The API's largest page, for catching up after a long drag of the scrollbar. */
const MAX_PAGE_SIZE = 500;
/**
 * Searching waits for typing to pause this long, but the first keystroke after a pause searches at once (leading
 * edge), so a pasted or typed-then-paused search shows its rows quickly without a request per keystroke.
 */
const SEARCH_DEBOUNCE_MS = 120;

const GroupMembersQuery = graphql(`
  query GroupMembers($groupId: ID!, $first: Int!, $after: String, $search: String, $role: GroupRole) {
    group(id: $groupId) {
      id
      name
      memberCount
      myRole
      organization {
        id
        myRole
      }
      members(first: $first, after: $after, search: $search, role: $role) {
        edges {
          cursor
          node {
            user {
              id
              displayName
            }
            ...MemberRow
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const SetGroupRoleMutation = graphql(`
  mutation SetGroupRole($input: SetGroupRoleInput!) {
    setGroupRole(input: $input) {
      membership {
        role
        user {
          id
        }
      }
    }
  }
`);

const NUMBER = new Intl.NumberFormat('en-GB');

/**
 * The members of a group of any size: a virtual table paged by cursor as it scrolls (the group's member count is
 * stored, so nothing counts a million rows), with search, a role filter, adding people in bulk, removing the
 * selected ones and changing roles.
 */
export function MembersTab() {
  const { groupId = '' } = useParams();
  const [searchInput, setSearchInput] = useState('');
  const [search] = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS, { leading: true });
  const [role, setRole] = useState<RoleFilter>('');
  const { data, previousData, error, fetchMore } = useQuery(GroupMembersQuery, {
    variables: { groupId, first: FIRST_PAGE_SIZE, search: search || undefined, role: role || undefined },
  });
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [adding, addPanel] = useDisclosure(false);
  const [removing, removeDialog] = useDisclosure(false);
  const [removal, setRemoval] = useState<RemovalResult | null>(null);
  const [roleChange, setRoleChange] = useState<{ userId: string; name: string; role: GroupRole } | null>(null);
  const [roleError, setRoleError] = useState<{ name: string; role: GroupRole; message: string } | null>(null);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const [setGroupRole] = useMutation(SetGroupRoleMutation);
  const fetchingAfter = useRef<string | null>(null);

  // While a new search loads, the previous rows stay (dimmed) instead of flashing empty.
  const shown = data ?? previousData;
  const stale = !data && Boolean(previousData);
  const group = shown?.group;
  const connection = group?.members;
  const rows = useMemo<MemberTableRow[]>(
    () => connection?.edges.map((e) => ({ userId: e.node.user.id, name: e.node.user.displayName || 'Unnamed member', membership: e.node })) ?? [],
    [connection],
  );
  const hasMore = !stale && Boolean(connection?.pageInfo.hasNextPage);
  const endCursor = connection?.pageInfo.endCursor ?? null;

  const onNeedRows = useCallback(
    (lastIndex: number) => {
      if (!hasMore || !endCursor || lastIndex < rows.length || fetchingAfter.current === endCursor) return;
      fetchingAfter.current = endCursor;
      const first = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, lastIndex - rows.length + 1));
      fetchMore({ variables: { after: endCursor, first } })
        .then(() => setFetchError(null))
        .catch((e: unknown) => setFetchError(e))
        .finally(() => {
          if (fetchingAfter.current === endCursor) fetchingAfter.current = null;
        });
    },
    [hasMore, endCursor, rows.length, fetchMore],
  );

  const actions = useMemo<MemberRowActions>(
    () => ({
      onSelect: (userId, name, checked) =>
        setSelected((current) => {
          const next = new Map(current);
          if (checked) next.set(userId, name);
          else next.delete(userId);
          return next;
        }),
      onSetRole: (userId, name, newRole) => {
        setRoleError(null);
        setRoleChange({ userId, name, role: newRole });
        setGroupRole({
          variables: { input: { groupId, userId, role: newRole } },
          update: (cache, result) => {
            const membership = result.data?.setGroupRole.membership;
            if (membership) applyRoleChange(cache, groupId, membership.user.id, membership.role);
          },
        })
          .then(() =>
            notifications.show({
              closeButtonProps: { 'aria-label': 'Dismiss' },
              message: newRole === 'ADMIN' ? `${name} is now an admin.` : `${name} is no longer an admin.`,
              color: 'green',
            }),
          )
          .catch((e: unknown) => setRoleError({ name, role: newRole, message: userErrors(e)[0]?.message ?? '' }))
          .finally(() => setRoleChange(null));
      },
    }),
    [groupId, setGroupRole],
  );

  const onSelectAll = useCallback(
    (checked: boolean) =>
      setSelected((current) => {
        const next = new Map(current);
        for (const row of rows) {
          if (!checked) next.delete(row.userId);
          else if (!next.has(row.userId)) next.set(row.userId, row.name);
        }
        return next;
      }),
    [rows],
  );

  if (!shown && !error) return <Loading label="Loading the members" />;
  if (!group) return <ErrorAlert error={error} />;

  // The organisation's admins manage its groups without being members (myRole is then null).
  const canManage = group.organization?.myRole === 'ADMIN' || group.myRole === 'ADMIN' || group.myRole === 'OWNER';
  const filtered = Boolean(search) || Boolean(role);

  const onRemoved = (result: RemovalResult) => {
    removeDialog.close();
    setSelected(new Map([...selected].filter(([id]) => result.refused.some((r) => r.userId === id))));
    if (result.refused.length === 0) {
      setRemoval(null);
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: `${NUMBER.format(result.removed)} ${result.removed === 1 ? 'member' : 'members'} removed.`,
        color: 'green',
      });
    } else setRemoval(result);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3">
            Members
          </Title>
          <Text size="sm" c="dimmed">
            {NUMBER.format(group.memberCount)} active {group.memberCount === 1 ? 'member' : 'members'}; people invited by number who have not signed up yet are
            not listed.
          </Text>
        </Stack>
        {canManage && <Button onClick={addPanel.open}>Add people</Button>}
      </Group>

      <MemberFilters search={searchInput} onSearch={setSearchInput} role={role} onRole={setRole} />

      {canManage ? (
        <Group gap="sm" mih={36} aria-live="polite">
          <Text size="sm">{selected.size === 0 ? 'Select members to remove them.' : `${NUMBER.format(selected.size)} selected`}</Text>
          {selected.size > 0 && (
            <>
              <Button color="red" variant="light" size="sm" onClick={removeDialog.open}>
                Remove selected
              </Button>
              <Button variant="subtle" size="sm" onClick={() => setSelected(new Map())}>
                Clear selection
              </Button>
            </>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Only the group&apos;s admins and the organisation&apos;s admins change its members.
        </Text>
      )}

      {roleError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={roleError.role === 'ADMIN' ? `${roleError.name} was not made an admin` : `${roleError.name} is still an admin`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setRoleError(null)}
        >
          {roleError.message}
        </Alert>
      )}
      {removal && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={`${NUMBER.format(removal.removed)} removed, ${NUMBER.format(removal.refused.length)} not removed`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setRemoval(null)}
        >
          <List size="sm">
            {removal.refused.map((r) => (
              <List.Item key={r.userId}>
                {r.name}: {r.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {fetchError !== null && <ErrorAlert error={fetchError} title="More members could not be loaded" />}

      {rows.length === 0 && !hasMore && !stale ? (
        filtered ? (
          <EmptyState title="No members match">
            {search ? `Nobody's name or number starts with “${search}”` : 'Nobody has this role'}
            {role && search ? ` with the role ${ROLE_LABELS[role]}` : ''}. Try another search or role.
          </EmptyState>
        ) : (
          <EmptyState title="This group has no members yet" action={canManage ? <Button onClick={addPanel.open}>Add people</Button> : undefined}>
            Add people by their phone numbers, or share an invite link from the Invitations tab.
          </EmptyState>
        )
      ) : (
        <div style={{ opacity: stale ? 0.6 : 1 }} aria-busy={stale}>
          <MembersTable
            // A new search or filter starts at the top.
            key={`${search}|${role}`}
            label={`Members of ${group.name}`}
            rows={rows}
            totalRows={filtered ? null : group.memberCount}
            hasMore={hasMore || stale}
            onNeedRows={onNeedRows}
            selected={selected}
            changingRoleOf={roleChange?.userId ?? null}
            canManage={canManage}
            actions={actions}
            onSelectAll={onSelectAll}
          />
        </div>
      )}

      <AddPeopleModal groupId={groupId} groupName={group.name} opened={adding} onClose={addPanel.close} />
      <RemoveMembersModal groupId={groupId} groupName={group.name} people={selected} opened={removing} onClose={removeDialog.close} onDone={onRemoved} />
    </Stack>
  );
}
