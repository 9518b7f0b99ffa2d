import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { graphql } from '../../gql';
import { OrganizationGroupsQuery } from './organization-groups';

const MY_GROUPS_PAGE = 100;

const MyPrivateGroupsQuery = graphql(`
  query MyPrivateGroups($first: Int!, $after: String) {
    myGroups(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          kind
          myRole
          memberCount
          organization {
            id
          }
          parent {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const LinkGroupMutation = graphql(`
  mutation LinkGroupToOrganization($input: LinkGroupInput!) {
    linkGroupToOrganization(input: $input) {
      group {
        id
        name
        kind
        organization {
          id
        }
      }
    }
  }
`);

/**
 * Brings one of the signed-in person's private groups into the organisation. Only top-level private groups they
 * own or administer can be linked (the API's rule), so only those are offered.
 */
export function LinkGroupModal(props: { opened: boolean; onClose: () => void; orgId: string; organizationName: string }) {
  const narrow = useMediaQuery('(max-width: 36em)');
  const { data, loading, error, fetchMore, refetch } = useQuery(MyPrivateGroupsQuery, {
    variables: { first: MY_GROUPS_PAGE },
    skip: !props.opened,
    fetchPolicy: 'cache-and-network',
  });
  const [link, linking] = useMutation(LinkGroupMutation, { refetchQueries: [OrganizationGroupsQuery], awaitRefetchQueries: true });
  const [chosen, setChosen] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);

  useEffect(() => {
    if (!props.opened) return;
    setChosen(null);
    setErrors([]);
  }, [props.opened]);

  const mine = data?.myGroups.edges.map((e) => e.node).filter((g) => !g.organization) ?? [];
  const linkable = mine.filter((g) => !g.parent && (g.myRole === 'OWNER' || g.myRole === 'ADMIN'));
  const notLinkable = mine.length - linkable.length;
  const pageInfo = data?.myGroups.pageInfo;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setErrors([{ code: 'BAD_USER_INPUT', message: 'Choose the group to link.' }]);
    setErrors([]);
    try {
      const { data: linked } = await link({ variables: { input: { groupId: chosen, organizationId: props.orgId } } });
      if (!linked) return;
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: `“${linked.linkGroupToOrganization.group.name}” now belongs to ${props.organizationName}.`,
        color: 'green',
      });
      void refetch();
      props.onClose();
    } catch (e) {
      setErrors(userErrors(e));
    }
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Link one of your private groups"
      fullScreen={narrow}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm">
            The group keeps its members and messages, but they then belong to {props.organizationName}: its admins manage the group and its data follows the
            organisation&apos;s rules.
          </Text>
          {loading && !data ? (
            <Loading label="Loading your groups" />
          ) : error && !data ? (
            <ErrorAlert error={error} />
          ) : linkable.length === 0 ? (
            <Text size="sm" c="dimmed">
              You have no private group you can link. Only a top-level private group whose owner or admin you are can be linked.
            </Text>
          ) : (
            <Radio.Group label="Your private groups" value={chosen} onChange={setChosen} required>
              <Stack gap="xs" mt={6}>
                {linkable.map((g) => (
                  <Radio key={g.id} value={g.id} label={g.name} description={`${g.memberCount} ${g.memberCount === 1 ? 'member' : 'members'}`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {notLinkable > 0 && linkable.length > 0 && (
            <Text size="xs" c="dimmed">
              {notLinkable === 1 ? 'One more of your private groups is' : `${notLinkable} more of your private groups are`} not listed: you are not its owner or
              admin, or it is a sub-group.
            </Text>
          )}
          {pageInfo?.hasNextPage && (
            <Button
              variant="subtle"
              size="compact-sm"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}
            >
              Show more of your groups
            </Button>
          )}
          <ErrorAlert errors={errors} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={linking.loading} disabled={linkable.length === 0}>
              Link to {props.organizationName}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
