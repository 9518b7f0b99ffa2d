import { useMutation } from '@apollo/client/react';
import { Avatar, Button, Group, Stack, Switch, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const GroupDetailsFormFragment = graphql(`
  fragment GroupDetailsForm on Group {
    id
    name
    kind
    description
    avatarUrl
    welcomeMessage
    announcementOnly
  }
`);

const UpdateGroupMutation = graphql(`
  mutation UpdateGroup($input: UpdateGroupInput!) {
    updateGroup(input: $input) {
      group {
        id
        ...GroupDetailsForm
      }
    }
  }
`);

const FIELDS = ['name', 'description', 'avatarUrl', 'welcomeMessage', 'announcementOnly'] as const;

interface Draft {
  name: string;
  description: string;
  avatarUrl: string;
  welcomeMessage: string;
  announcementOnly: boolean;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** What members see of the group: its name, description, picture, welcome message, and who may post. */
export function GroupDetailsForm(props: { group: FragmentType<typeof GroupDetailsFormFragment> }) {
  const group = getFragmentData(GroupDetailsFormFragment, props.group);
  const [draft, setDraft] = useState<Draft>(() => toDraft(group));
  const [errors, setErrors] = useState<UserError[]>([]);
  const [update, { loading }] = useMutation(UpdateGroupMutation);
  // The address whose picture could not be loaded, to say so beside the field (the initials show instead).
  const [failedPreview, setFailedPreview] = useState<string | null>(null);

  // When the group changes elsewhere (or the form is saved), the form shows what is stored.
  useEffect(() => setDraft(toDraft(group)), [group]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const broadcast = group.kind === 'BROADCAST';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) return setErrors([{ code: 'BAD_USER_INPUT', message: 'The group needs a name.', field: 'name' }]);
    setErrors([]);
    try {
      await update({
        variables: {
          input: {
            groupId: group.id,
            name: draft.name.trim(),
            description: draft.description.trim() || null,
            avatarUrl: draft.avatarUrl.trim() || null,
            welcomeMessage: draft.welcomeMessage.trim() || null,
            announcementOnly: broadcast || draft.announcementOnly,
          },
        },
      });
      notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, message: 'Group settings saved.', color: 'green' });
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const { byField, general } = splitByField(errors, FIELDS);
  const preview = /^https?:\/\/\S+$/i.test(draft.avatarUrl.trim()) ? draft.avatarUrl.trim() : null;
  const previewFailed = preview !== null && failedPreview === preview;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="group-details-heading">
      <Stack gap="md" maw={560}>
        <Title order={2} size="h4" id="group-details-heading">
          Details
        </Title>
        <TextInput label="Name" value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} error={byField['name']} required maxLength={120} />
        <Textarea
          label="Description"
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={byField['description']}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Group align="flex-start" gap="md" wrap="nowrap">
          <Avatar
            src={preview}
            alt={preview ? `Preview of the picture of ${draft.name || group.name}` : undefined}
            size={56}
            radius="md"
            color="blue"
            imageProps={{ onError: () => setFailedPreview(preview), onLoad: () => setFailedPreview(null) }}
          >
            {initials(draft.name || group.name)}
          </Avatar>
          <TextInput
            style={{ flex: 1, minWidth: 0 }}
            label="Avatar URL"
            description={
              previewFailed
                ? 'No picture could be loaded from this address: members will see the initials instead. Check the address.'
                : "An http(s) address of the group's picture; the preview shows what members will see."
            }
            placeholder="https://example.com/picture.png"
            type="url"
            value={draft.avatarUrl}
            onChange={(e) => set('avatarUrl', e.currentTarget.value)}
            error={byField['avatarUrl']}
          />
        </Group>
        <Textarea
          label="Welcome message"
          description="Shown to each new member when they join."
          value={draft.welcomeMessage}
          onChange={(e) => set('welcomeMessage', e.currentTarget.value)}
          error={byField['welcomeMessage']}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Switch
          label="Announcements only"
          description={broadcast ? 'A broadcast group is always announcement-only.' : 'Only admins post; members read.'}
          checked={broadcast || draft.announcementOnly}
          disabled={broadcast}
          onChange={(e) => set('announcementOnly', e.currentTarget.checked)}
          error={byField['announcementOnly']}
        />
        <ErrorAlert errors={general} />
        <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
          Save changes
        </Button>
      </Stack>
    </form>
  );
}

function toDraft(group: {
  name: string;
  description?: string | null;
  avatarUrl?: string | null;
  welcomeMessage?: string | null;
  announcementOnly: boolean;
}): Draft {
  return {
    name: group.name,
    description: group.description ?? '',
    avatarUrl: group.avatarUrl ?? '',
    welcomeMessage: group.welcomeMessage ?? '',
    announcementOnly: group.announcementOnly,
  };
}
