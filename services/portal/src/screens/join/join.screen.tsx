import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Avatar, Badge, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { userErrors } from '../../api/errors';
import { useViewer } from '../../app/viewer';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { usePageTitle } from '../../components/page';
import { graphql } from '../../gql';
import type { JoinOutcome } from '../../gql/graphql';
import { KIND_LABELS } from '../group/group-kind';

const InvitePreviewQuery = graphql(`
  query InvitePreview($token: String!) {
    inviteLink(token: $token) {
      groupName
      groupAvatarUrl
      groupKind
      memberCount
      requiresApproval
    }
  }
`);

const JoinGroupByLinkMutation = graphql(`
  mutation JoinGroupByLink($input: JoinGroupByLinkInput!) {
    joinGroupByLink(input: $input) {
      outcome
      group {
        id
        name
        memberCount
      }
    }
  }
`);

const OUTCOMES: Record<JoinOutcome, { title: string; text: (group: string) => string }> = {
  JOINED: { title: 'You joined the group', text: (group) => `You are now a member of ${group}: you receive its messages from now on.` },
  REQUESTED: {
    title: 'Request sent',
    text: (group) => `Your request to join ${group} is waiting for one of its admins. You become a member as soon as they approve it.`,
  },
  ALREADY_MEMBER: { title: 'You are already a member', text: (group) => `You already belong to ${group}; there is nothing more to do.` },
};

const NUMBER = new Intl.NumberFormat('en-GB');

/**
 * Where an invite link leads (/join/<token>): what the group is (name, picture or initials, kind, size) and whether
 * an admin approves newcomers, then
 * joining, with the outcome in words. A revoked, expired, used-up or mistyped link is explained instead.
 */
export function JoinScreen() {
  const { token = '' } = useParams();
  const preview = useQuery(InvitePreviewQuery, { variables: { token }, fetchPolicy: 'network-only' });
  const viewer = useViewer();
  const [join, joining] = useMutation(JoinGroupByLinkMutation);
  const invite = preview.data?.inviteLink;
  usePageTitle(invite ? `Join ${invite.groupName}` : 'Join a group');

  const problem = preview.error ? userErrors(preview.error)[0] : undefined;
  const outcome = joining.data?.joinGroupByLink.outcome;

  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460}>
        {preview.loading && !invite ? (
          <Loading label="Opening the invite link" />
        ) : !invite ? (
          <Stack gap="sm">
            <Title order={1} size="h2">
              This invite link cannot be used
            </Title>
            {problem?.code === 'NOT_FOUND' ? (
              <Text role="alert">No group has this link. Check that you opened or copied all of it, or ask a group admin for a new one.</Text>
            ) : problem?.code === 'BAD_USER_INPUT' ? (
              // The server says why: revoked, expired on a date, or used as often as it allows.
              <Text role="alert">{problem.message}</Text>
            ) : (
              <ErrorAlert error={preview.error} />
            )}
            <Anchor component={Link} to="/">
              Go to the start page
            </Anchor>
          </Stack>
        ) : (
          <Stack gap="md">
            <Group gap="md" align="center" wrap="nowrap">
              {/* The picture, or the name's initials when it has none or it cannot be loaded. */}
              <Avatar src={invite.groupAvatarUrl} alt={invite.groupName} name={invite.groupName} color="initials" size={64} radius="md" />
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text size="sm" c="dimmed">
                  You are invited to join
                </Text>
                <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
                  {invite.groupName}
                </Title>
              </Stack>
            </Group>
            <Group gap="xs">
              <Badge variant="light" color="gray" tt="none">
                {NUMBER.format(invite.memberCount)} {invite.memberCount === 1 ? 'member' : 'members'}
              </Badge>
              <Badge variant="light" color={invite.groupKind === 'BROADCAST' ? 'grape' : 'blue'} tt="none">
                {KIND_LABELS[invite.groupKind]}
              </Badge>
              <Badge variant="dot" color={invite.requiresApproval ? 'orange' : 'green'} tt="none">
                {invite.requiresApproval ? 'An admin approves new members' : 'Join at once'}
              </Badge>
            </Group>
            {outcome ? (
              <>
                <Alert color={outcome === 'REQUESTED' ? 'blue' : 'green'} title={OUTCOMES[outcome].title} role="status">
                  {OUTCOMES[outcome].text(joining.data?.joinGroupByLink.group?.name ?? invite.groupName)}
                </Alert>
                {outcome !== 'REQUESTED' && joining.data?.joinGroupByLink.group && (
                  <Button component={Link} to={`/chat/${joining.data.joinGroupByLink.group.id}`} style={{ alignSelf: 'flex-start' }}>
                    Open the conversation
                  </Button>
                )}
              </>
            ) : (
              <>
                <Text size="sm">
                  {invite.requiresApproval
                    ? 'Your request goes to the group’s admins; you become a member when one of them approves it.'
                    : 'You become a member as soon as you join, and receive the group’s messages from then on.'}
                  {viewer.data?.me ? ` You join as ${viewer.data.me.displayName}.` : ''}
                </Text>
                <ErrorAlert error={joining.error} />
                <Button
                  loading={joining.loading}
                  onClick={() => void join({ variables: { input: { token } } }).catch(() => undefined)}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {invite.requiresApproval ? 'Ask to join' : 'Join the group'}
                </Button>
              </>
            )}
            <Anchor component={Link} to="/" size="sm">
              Go to the start page
            </Anchor>
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
