import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const JoinRequestRowFragment = graphql(`
  fragment JoinRequestRow on JoinRequest {
    id
    createdAt
    status
    user {
      id
      displayName
    }
  }
`);

const DecideJoinRequestMutation = graphql(`
  mutation DecideJoinRequest($input: DecideJoinRequestInput!) {
    decideJoinRequest(input: $input) {
      joinRequest {
        id
        status
      }
    }
  }
`);

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** One person asking to join, with approve and deny; a refusal (say, another admin decided first) shows beside them. */
export function JoinRequestRow(props: { request: FragmentType<typeof JoinRequestRowFragment>; groupId: string }) {
  const request = getFragmentData(JoinRequestRowFragment, props.request);
  const nameId = useId();
  const [decide, { loading }] = useMutation(DecideJoinRequestMutation);
  const [deciding, setDeciding] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const name = request.user.displayName || 'Someone without a name';

  const onDecide = async (accept: boolean) => {
    setErrors([]);
    setDeciding(accept);
    try {
      await decide({
        variables: { input: { joinRequestId: request.id, accept } },
        update: (cache) => {
          // An approved person is a member now: the member count and lists load afresh where they are shown.
          if (!accept) return;
          const id = cache.identify({ __typename: 'Group', id: props.groupId });
          cache.evict({ id, fieldName: 'memberCount' });
          cache.evict({ id, fieldName: 'members' });
        },
      });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: accept ? `${name} is now a member.` : `${name}'s request was denied.`,
        color: accept ? 'green' : 'gray',
      });
    } catch (error) {
      setErrors(userErrors(error));
    } finally {
      setDeciding(null);
    }
  };

  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap="xs">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <div style={{ minWidth: 0 }}>
            <Text fw={500} id={nameId} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Text>
            <Text size="sm" c="dimmed">
              Asked {WHEN.format(new Date(request.createdAt))}
            </Text>
          </div>
          <Group gap="xs">
            <Button size="sm" loading={loading && deciding === true} disabled={loading} onClick={() => void onDecide(true)} aria-describedby={nameId}>
              Approve
            </Button>
            <Button
              size="sm"
              variant="default"
              loading={loading && deciding === false}
              disabled={loading}
              onClick={() => void onDecide(false)}
              aria-describedby={nameId}
            >
              Deny
            </Button>
          </Group>
        </Group>
        <ErrorAlert errors={errors} />
      </Stack>
    </Paper>
  );
}
