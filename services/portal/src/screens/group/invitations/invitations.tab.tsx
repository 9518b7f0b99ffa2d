import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { graphql } from '../../../gql';
import { CreateInviteLinkModal } from './create-invite-link';
import { InviteLinkCard } from './invite-link-card';

const GroupInviteLinksQuery = graphql(`
  query GroupInviteLinks($groupId: ID!) {
    group(id: $groupId) {
      id
      name
      inviteLinks {
        id
        ...InviteLinkCard
      }
    }
  }
`);

/** The group's invite links, newest first: create one, share it as a link or QR code, revoke it. */
export function InvitationsTab() {
  const { groupId = '' } = useParams();
  const { data, loading, error } = useQuery(GroupInviteLinksQuery, { variables: { groupId } });
  const [creating, createDialog] = useDisclosure(false);

  if (loading && !data) return <Loading label="Loading the invite links" />;
  const group = data?.group;
  if (!group) return <ErrorAlert error={error} />;
  // One "now" per render, so every card judges expiry alike.
  const now = new Date();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 20rem' }}>
          <Title order={2} size="h3">
            Invite links
          </Title>
          <Text size="sm" c="dimmed">
            Anyone with a link (or its QR code) and an account can join {group.name}, or ask to, until it expires, is used up or is revoked.
          </Text>
        </Stack>
        {group.inviteLinks.length > 0 && <Button onClick={createDialog.open}>Create an invite link</Button>}
      </Group>
      {error && <ErrorAlert error={error} />}
      {group.inviteLinks.length === 0 ? (
        <EmptyState title="No invite links yet" action={<Button onClick={createDialog.open}>Create an invite link</Button>}>
          Create a link to share in a message, an email or on a poster as a QR code. You choose whether people join at once or wait for an admin&apos;s
          approval.
        </EmptyState>
      ) : (
        group.inviteLinks.map((link) => <InviteLinkCard key={link.id} link={link} groupName={group.name} now={now} />)
      )}
      <CreateInviteLinkModal groupId={groupId} opened={creating} onClose={createDialog.close} />
    </Stack>
  );
}
