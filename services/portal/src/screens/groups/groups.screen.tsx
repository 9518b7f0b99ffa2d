import { Button, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { CreateGroupModal } from './create-group-modal';
import { buildGroupTree, groupPaths } from './group-tree';
import { GroupTreeView, useTreeExpansion } from './group-tree-view';
import { LinkGroupModal } from './link-group-modal';
import { useOrganizationGroups } from './organization-groups';

type Dialog = 'create' | 'link' | null;

/** The organisation's groups as a tree, with creating groups and sub-groups and linking private groups. */
export function GroupsScreen() {
  const { orgId = '' } = useParams();
  const { organization, groups, complete, loading, error } = useOrganizationGroups(orgId);
  const tree = useMemo(() => buildGroupTree(groups), [groups]);
  const parentOptions = useMemo(() => groupPaths(tree).map((p) => ({ value: p.group.id, label: p.path })), [tree]);
  const expansion = useTreeExpansion(groups.length, complete);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Kept after closing, so the dialog's title does not change while it fades out.
  const [createParent, setCreateParent] = useState<{ id: string; name: string } | null>(null);

  if (loading && !organization) return <Loading label="Loading the groups" />;
  if (!organization) {
    return (
      <Page title="Groups">
        <ErrorAlert
          error={error}
          errors={error ? undefined : [{ code: 'NOT_FOUND', message: 'This organisation does not exist, or you are not one of its members.' }]}
        />
      </Page>
    );
  }

  const openCreate = (parent: { id: string; name: string } | null) => {
    setCreateParent(parent);
    setDialog('create');
  };
  const actions = (
    <>
      <Button onClick={() => openCreate(null)}>Create group</Button>
      <Button variant="default" onClick={() => setDialog('link')}>
        Link a group
      </Button>
    </>
  );

  return (
    <Page
      title="Groups"
      description={`${organization.name}'s groups and their sub-groups. Member counts with sub-groups add up every membership below a group; someone in two of them counts twice.`}
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}` }]}
      actions={actions}
    >
      {error && <ErrorAlert error={error} title="Not every group could be loaded" />}
      {groups.length === 0 ? (
        <EmptyState title="No groups yet" action={<Button onClick={() => openCreate(null)}>Create the first group</Button>}>
          Groups are where people talk. Start with one for everyone, such as “All Employees”, then add sub-groups for teams; or link a private group you already
          run.
        </EmptyState>
      ) : (
        <>
          <GroupTreeView tree={tree} orgId={orgId} expansion={expansion} onCreateSubgroup={openCreate} />
          {!complete && !error && (
            <Text size="sm" c="dimmed" role="status">
              Loading more groups… {groups.length} so far.
            </Text>
          )}
        </>
      )}
      <CreateGroupModal
        opened={dialog === 'create'}
        onClose={() => setDialog(null)}
        orgId={orgId}
        organizationName={organization.name}
        parent={createParent}
        parentOptions={parentOptions}
        onCreated={(g) => g.parentId && expansion.open(g.parentId)}
      />
      <LinkGroupModal opened={dialog === 'link'} onClose={() => setDialog(null)} orgId={orgId} organizationName={organization.name} />
    </Page>
  );
}
