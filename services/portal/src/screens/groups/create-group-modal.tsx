import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Radio, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import { OrganizationGroupsQuery } from './organization-groups';

const CreateGroupMutation = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      group {
        id
        name
        parent {
          id
        }
      }
    }
  }
`);

type Kind = 'ORGANIZATION' | 'BROADCAST';

const FIELDS = ['name', 'description', 'broadcast', 'announcementOnly', 'parentId', 'organizationId'] as const;

export interface ParentOption {
  value: string;
  label: string;
}

/**
 * A new group of the organisation: an ordinary organisation group or a broadcast group, at the top or under a
 * parent. `parent` preselects the parent when opened from a group's row.
 */
export function CreateGroupModal(props: {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  organizationName: string;
  parent: { id: string; name: string } | null;
  parentOptions: ParentOption[];
  onCreated: (group: { id: string; name: string; parentId: string | null }) => void;
}) {
  const narrow = useMediaQuery('(max-width: 36em)');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<Kind>('ORGANIZATION');
  const [announcementOnly, setAnnouncementOnly] = useState(false);
  const [parentId, setParentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [create, { loading }] = useMutation(CreateGroupMutation, { refetchQueries: [OrganizationGroupsQuery], awaitRefetchQueries: true });

  // Each opening starts a fresh form, under the row's group when opened from one.
  useEffect(() => {
    if (!props.opened) return;
    setName('');
    setDescription('');
    setKind('ORGANIZATION');
    setAnnouncementOnly(false);
    setParentId(props.parent?.id ?? null);
    setErrors([]);
  }, [props.opened, props.parent]);

  const broadcast = kind === 'BROADCAST';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors([{ code: 'BAD_USER_INPUT', message: 'Give the group a name.', field: 'name' }]);
    setErrors([]);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: name.trim(),
            description: description.trim() || null,
            broadcast,
            announcementOnly: broadcast || announcementOnly,
            ...(parentId ? { parentId } : { organizationId: props.orgId }),
          },
        },
      });
      if (!data) return;
      const created = data.createGroup.group;
      notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, message: `Group “${created.name}” created.`, color: 'green' });
      props.onCreated({ id: created.id, name: created.name, parentId: created.parent?.id ?? null });
      props.onClose();
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const { byField, general } = splitByField(errors, FIELDS);
  const title = props.parent ? `Create a sub-group of ${props.parent.name}` : 'Create a group';

  return (
    <Modal opened={props.opened} onClose={props.onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={title} fullScreen={narrow} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          <TextInput
            label="Group name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={byField['name']}
            required
            data-autofocus
            maxLength={120}
          />
          <Textarea
            label="Description"
            description="Optional: what the group is for."
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={byField['description']}
            autosize
            minRows={2}
            maxRows={6}
          />
          <Radio.Group label="Kind of group" value={kind} onChange={(v) => setKind(v as Kind)} error={byField['broadcast']}>
            <Stack gap="xs" mt={6}>
              <Radio
                value="ORGANIZATION"
                label="Organisation group"
                description={`A conversation among its members; ${props.organizationName}'s admins manage it.`}
              />
              <Radio value="BROADCAST" label="Broadcast group" description="Admins post, subscribers receive; a subscriber's reply reaches only the admins." />
            </Stack>
          </Radio.Group>
          <Switch
            label="Announcements only"
            description={broadcast ? 'A broadcast group is always announcement-only.' : 'Only admins post; members read.'}
            checked={broadcast || announcementOnly}
            disabled={broadcast}
            onChange={(e) => setAnnouncementOnly(e.currentTarget.checked)}
            error={byField['announcementOnly']}
          />
          <Select
            label="Parent group"
            description="Optional: put the group under another, as a sub-group."
            placeholder="None (a top-level group)"
            data={props.parentOptions}
            value={parentId}
            onChange={setParentId}
            searchable
            clearable
            nothingFoundMessage="No group by that name"
            error={byField['parentId'] ?? byField['organizationId']}
            comboboxProps={{ withinPortal: true }}
            limit={200}
          />
          <ErrorAlert errors={general} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create group
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
