import { useMutation } from '@apollo/client/react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { RemoveMemberStatus } from '../../../gql/graphql';
import { applyRemoval } from './members-cache';

const RemoveGroupMembersMutation = graphql(`
  mutation RemoveGroupMembers($input: RemoveGroupMembersInput!) {
    removeGroupMembers(input: $input) {
      group {
        id
        memberCount
      }
      outcomes {
        userId
        status
        message
      }
    }
  }
`);

export interface RemovalResult {
  removed: number;
  /** Everyone not removed, by name, with the reason in words. */
  refused: { userId: string; name: string; reason: string }[];
}

/** The most people removeGroupMembers takes in one call. */
const MAX_PER_CALL = 10_000;

const REASONS: Record<Exclude<RemoveMemberStatus, 'REMOVED'>, string> = {
  NOT_A_MEMBER: 'was no longer a member.',
  INVALID: 'could not be found.',
  NOT_ALLOWED: 'could not be removed.',
};

/** Asks before removing the selected people, saying what they lose; then removes them (10,000 per call, the API's limit). */
export function RemoveMembersModal(props: {
  groupId: string;
  groupName: string;
  people: ReadonlyMap<string, string>;
  opened: boolean;
  onClose: () => void;
  onDone: (result: RemovalResult) => void;
}) {
  const [remove, { loading }] = useMutation(RemoveGroupMembersMutation);
  const [errors, setErrors] = useState<UserError[]>([]);
  const ids = [...props.people.keys()];
  const names = [...props.people.values()];

  const onConfirm = async () => {
    setErrors([]);
    const result: RemovalResult = { removed: 0, refused: [] };
    try {
      for (let start = 0; start < ids.length; start += MAX_PER_CALL) {
        const { data } = await remove({
          variables: { input: { groupId: props.groupId, userIds: ids.slice(start, start + MAX_PER_CALL) } },
          update: (cache, answer) => {
            const removed = answer.data?.removeGroupMembers.outcomes.filter((o) => o.status === 'REMOVED').map((o) => o.userId) ?? [];
            applyRemoval(cache, props.groupId, new Set(removed));
          },
        });
        for (const o of data?.removeGroupMembers.outcomes ?? []) {
          if (o.status === 'REMOVED') result.removed++;
          else {
            const name = props.people.get(o.userId) ?? 'Someone';
            result.refused.push({ userId: o.userId, name, reason: o.message ?? `${name} ${REASONS[o.status]}` });
          }
        }
      }
      props.onDone(result);
    } catch (error) {
      // Calls already answered stay done; say so beside what failed.
      if (result.removed > 0 || result.refused.length > 0) props.onDone(result);
      setErrors(userErrors(error));
    }
  };

  const close = () => {
    setErrors([]);
    props.onClose();
  };

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Remove ${ids.length === 1 ? names[0] : `${ids.length.toLocaleString('en-GB')} people`} from ${props.groupName}?`}
    >
      <Stack gap="md">
        <Text size="sm">They lose access to the group and stop receiving its messages. You can add them again later.</Text>
        {ids.length > 1 && (
          <List size="sm">
            {names.slice(0, 5).map((name, i) => (
              <List.Item key={ids[i]}>{name}</List.Item>
            ))}
            {ids.length > 5 && <List.Item>and {(ids.length - 5).toLocaleString('en-GB')} more</List.Item>}
          </List>
        )}
        <ErrorAlert errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={loading} onClick={() => void onConfirm()}>
            Remove {ids.length === 1 ? 'member' : `${ids.length.toLocaleString('en-GB')} members`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
