import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useIntersection } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { userErrors, type UserError } from '../../api/errors';
import { useSession } from '../../app/use-session';
import { ViewerQuery } from '../../app/viewer';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import type { OrganizationRole } from '../../gql/graphql';
import { AddPersonModal } from './add-person-modal';
import { readDefinitions } from './attribute-fields';
import { BulkActions } from './bulk-actions';
import { BulkOutcomes } from './bulk-outcomes';
import { applyEntryChanges, changedEntryOf } from './directory-cache';
import { networkOfFilter, people, type BulkSummary, type NetworkFilter } from './directory-format';
import type { DirectoryEntryData, DirectoryRowActions } from './directory-row';
import { DirectoryTable, type DirectoryTableRow } from './directory-table';
import { DirectoryToolbar } from './directory-toolbar';
import { EditPersonModal } from './edit-person-modal';
import { RemovePersonModal } from './remove-person-modal';

const PAGE_SIZE = 50;

const DirectoryPageQuery = graphql(`
  query DirectoryPage($orgId: ID!, $first: Int!, $after: String, $search: String, $network: Network) {
    organization(id: $orgId) {
      id
      name
      myRole
      attributeDefinitions {
        ...AttributeFields
      }
      directory(first: $first, after: $after, search: $search, network: $network) {
        edges {
          cursor
          node {
            displayName
            user {
              id
            }
            ...DirectoryRow
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

const SetOrganizationRoleMutation = graphql(`
  mutation SetOrganizationRole($input: SetOrganizationRoleInput!) {
    setOrganizationRole(input: $input) {
      member {
        ...ChangedDirectoryEntry
      }
    }
  }
`);

type Dialog = { kind: 'add' } | { kind: 'edit'; entry: DirectoryEntryData } | { kind: 'remove'; entry: DirectoryEntryData } | null;

/** The organisation's people: search, filter by network, add, edit, make admin, remove, and change many at once. */
export function DirectoryScreen() {
  const { orgId = '' } = useParams();
  // The session names its person: no need to wait for (or depend on) the viewer query.
  const viewerId = useSession()?.userId;
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [filter, setFilter] = useState<NetworkFilter>('ALL');
  const variables = { orgId, first: PAGE_SIZE, search: debouncedSearch || null, network: networkOfFilter(filter) };
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(DirectoryPageQuery, { variables });
  const shown = data ?? previousData;
  const organization = shown?.organization;

  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [summary, setSummary] = useState<BulkSummary | null>(null);
  const [roleError, setRoleError] = useState<{ name: string; errors: UserError[] } | null>(null);
  const [changingRoleOf, setChangingRoleOf] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const [setRole] = useMutation(SetOrganizationRoleMutation);

  // A new search or filter shows other people: a selection made among the old ones would act out of sight.
  useEffect(() => {
    setSelected(new Map());
    setRoleError(null);
  }, [debouncedSearch, filter]);

  const definitions = useMemo(() => readDefinitions(organization?.attributeDefinitions ?? []), [organization?.attributeDefinitions]);
  const rows: DirectoryTableRow[] = useMemo(
    () => (organization?.directory.edges ?? []).map((e) => ({ userId: e.node.user.id, name: e.node.displayName || 'Unnamed person', entry: e.node })),
    [organization?.directory.edges],
  );
  const pageInfo = organization?.directory.pageInfo;
  const stale = !data && Boolean(previousData);

  const loadMore = useCallback(async () => {
    if (!pageInfo?.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after: pageInfo.endCursor } });
    } catch (e) {
      setLoadMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [fetchMore, pageInfo, loadingMore]);

  // The next page loads as the end of the list scrolls into view; the button does the same from the keyboard.
  const { ref: endRef, entry: endEntry } = useIntersection<HTMLDivElement>({ rootMargin: '600px' });
  useEffect(() => {
    if (endEntry?.isIntersecting && !stale && !loadMoreError) void loadMore();
  }, [endEntry?.isIntersecting, loadMore, stale, loadMoreError, rows.length]);

  const actions: DirectoryRowActions = useMemo(
    () => ({
      onSelect: (userId, name, on) =>
        setSelected((current) => {
          const next = new Map(current);
          if (on) next.set(userId, name);
          else next.delete(userId);
          return next;
        }),
      onEdit: (entry) => {
        setRoleError(null);
        setDialog({ kind: 'edit', entry });
      },
      onRemove: (entry) => {
        setRoleError(null);
        setDialog({ kind: 'remove', entry });
      },
      onSetRole: (entry: DirectoryEntryData, role: OrganizationRole) => {
        const name = entry.displayName || 'Unnamed person';
        setRoleError(null);
        setChangingRoleOf(entry.user.id);
        setRole({
          variables: { input: { organizationId: orgId, userId: entry.user.id, role } },
          update: (cache, answer) => {
            if (answer.data) applyEntryChanges(cache, orgId, [changedEntryOf(answer.data.setOrganizationRole.member)]);
          },
          // Stepping down oneself changes what this screen may do.
          refetchQueries: entry.user.id === viewerId ? [ViewerQuery, DirectoryPageQuery] : [],
        })
          .then(() =>
            notifications.show({
              closeButtonProps: { 'aria-label': 'Dismiss' },
              color: 'green',
              message: role === 'ADMIN' ? `${name} is now an organisation admin.` : `${name} is no longer an organisation admin.`,
            }),
          )
          .catch((e: unknown) => setRoleError({ name, errors: userErrors(e) }))
          .finally(() => setChangingRoleOf(null));
      },
    }),
    [orgId, setRole, viewerId],
  );

  if (loading && !shown) return <Loading label="Loading the directory" />;
  if (!organization) {
    return (
      <Page title="Directory">
        <ErrorAlert
          error={error}
          errors={error ? undefined : [{ code: 'NOT_FOUND', message: 'This organisation does not exist, or you are not one of its members.' }]}
        />
      </Page>
    );
  }

  const canManage = organization.myRole === 'ADMIN';
  const filtered = Boolean(debouncedSearch) || filter !== 'ALL';
  const onSelectPage = (on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const r of rows) {
        if (on) next.set(r.userId, r.name);
        else next.delete(r.userId);
      }
      return next;
    });

  return (
    <Page
      title="Directory"
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
      description={
        <>
          Everyone in {organization.name}, in name order. Columns after Joined are the organisation&apos;s{' '}
          <Anchor component={Link} to={`/orgs/${orgId}/attributes`} size="sm" underline="always">
            user attributes
          </Anchor>
          .
        </>
      }
      actions={canManage && <Button onClick={() => setDialog({ kind: 'add' })}>Add a person</Button>}
    >
      <DirectoryToolbar search={search} onSearch={setSearch} filter={filter} onFilter={setFilter} canSearchPhones={canManage} />
      {summary && <BulkOutcomes summary={summary} onDismiss={() => setSummary(null)} />}
      {canManage && selected.size > 0 && (
        <BulkActions
          orgId={orgId}
          orgName={organization.name}
          selected={selected}
          viewerId={viewerId}
          onClear={() => setSelected(new Map())}
          onDone={(s) => {
            setSummary(s);
            setSelected(new Map());
          }}
        />
      )}
      {roleError && <ErrorAlert title={`${roleError.name}'s role did not change`} errors={roleError.errors} />}
      {data === undefined && error && <ErrorAlert error={error} />}
      {rows.length === 0 && !loading ? (
        filtered ? (
          <EmptyState title="No one matches">
            {debouncedSearch
              ? `No one in ${filter === 'ALL' ? 'the directory' : 'this network'} has a name or number starting with “${debouncedSearch}”.`
              : 'No one is in this network yet.'}
          </EmptyState>
        ) : (
          <EmptyState title="No one is in the directory yet" action={canManage && <Button onClick={() => setDialog({ kind: 'add' })}>Add a person</Button>}>
            Add people one by one here, or many at once from a file under Bulk upload.
          </EmptyState>
        )
      ) : (
        <Stack gap="xs" aria-busy={stale || loadingMore}>
          <DirectoryTable
            caption={`People in ${organization.name}`}
            rows={rows}
            definitions={definitions}
            selected={selected}
            viewerId={viewerId}
            canManage={canManage}
            changingRoleOf={changingRoleOf}
            actions={actions}
            onSelectPage={onSelectPage}
          />
          <div ref={endRef} />
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed" role="status">
              {stale ? 'Searching…' : pageInfo?.hasNextPage ? `${people(rows.length)} shown so far` : `All ${people(rows.length)} shown`}
            </Text>
            {pageInfo?.hasNextPage && (
              <Button variant="default" size="xs" loading={loadingMore} onClick={() => void loadMore()}>
                Load more people
              </Button>
            )}
          </Group>
          {loadMoreError !== null && <ErrorAlert error={loadMoreError} title="The next people did not load" />}
        </Stack>
      )}
      <AddPersonModal
        orgId={orgId}
        orgName={organization.name}
        definitions={definitions}
        opened={dialog?.kind === 'add'}
        onClose={() => setDialog(null)}
        onAdded={(name) => {
          setDialog(null);
          notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, color: 'green', message: `${name} was added to ${organization.name}.` });
          // Where the new person sits in name order is the server's to say: the first page loads afresh.
          void refetch();
        }}
      />
      {dialog?.kind === 'edit' && (
        <EditPersonModal
          orgId={orgId}
          entry={dialog.entry}
          definitions={definitions}
          onClose={() => setDialog(null)}
          onSaved={(name) => {
            setDialog(null);
            notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, color: 'green', message: `${name}'s details were saved.` });
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemovePersonModal
          orgId={orgId}
          orgName={organization.name}
          entry={dialog.entry}
          isViewer={dialog.entry.user.id === viewerId}
          onClose={() => setDialog(null)}
          onRemoved={(name) => {
            setDialog(null);
            notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, color: 'green', message: `${name} was removed from ${organization.name}.` });
          }}
        />
      )}
    </Page>
  );
}
