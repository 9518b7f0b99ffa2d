import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Checkbox, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { GroupRole } from '../../../gql/graphql';
import { localDateTimeToIso } from './invite-link-status';
import { FormActions } from '../../../components/form-actions';

const CreateInviteLinkMutation = graphql(`
  mutation CreateInviteLink($input: CreateInviteLinkInput!) {
    createInviteLink(input: $input) {
      inviteLink {
        id
        ...InviteLinkCard
      }
    }
  }
`);

const FIELDS = ['role', 'requiresApproval', 'expiresAt', 'maxUses'] as const;

/** A new invite link: the role it grants, whether an admin approves each person, when it expires, how often it works. */
export function CreateInviteLinkModal(props: { groupId: string; opened: boolean; onClose: () => void }) {
  const [role, setRole] = useState<GroupRole>('MEMBER');
  const [requiresApproval, setRequiresApproval] = useState(false);
  const [expiresAt, setExpiresAt] = useState('');
  const [maxUses, setMaxUses] = useState<string | number>('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [create, { loading }] = useMutation(CreateInviteLinkMutation);

  const close = () => {
    setRole('MEMBER');
    setRequiresApproval(false);
    setExpiresAt('');
    setMaxUses('');
    setErrors([]);
    props.onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const expiry = localDateTimeToIso(expiresAt);
    if (expiresAt && !expiry)
      return setErrors([{ code: 'BAD_USER_INPUT', message: 'Enter a date and time, or leave it empty for no expiry.', field: 'expiresAt' }]);
    if (maxUses !== '' && !Number.isInteger(Number(maxUses))) {
      return setErrors([{ code: 'BAD_USER_INPUT', message: 'Enter a whole number of uses, or leave it empty for no limit.', field: 'maxUses' }]);
    }
    setErrors([]);
    try {
      await create({
        variables: { input: { groupId: props.groupId, role, requiresApproval, expiresAt: expiry, maxUses: maxUses === '' ? null : Number(maxUses) } },
        update: (cache, result) => {
          const created = result.data?.createInviteLink.inviteLink;
          if (!created) return;
          // The new link goes on top of the list already shown, as the server orders them (newest first).
          cache.modify<{ inviteLinks: Reference[] }>({
            id: cache.identify({ __typename: 'Group', id: props.groupId }),
            fields: {
              inviteLinks: (existing, { toReference }) => {
                const ref = toReference({ __typename: 'InviteLink', id: created.id });
                return ref ? [ref, ...existing] : existing;
              },
            },
          });
        },
      });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: 'Invite link created. Copy it or download its QR code to share it.',
        color: 'green',
      });
      close();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const { byField, general } = splitByField(errors, FIELDS);

  return (
    <Modal opened={props.opened} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title="Create an invite link">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          <NativeSelect
            label="Joins as"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as GroupRole)}
            error={byField['role']}
            data={[
              { value: 'MEMBER', label: 'Member' },
              { value: 'ADMIN', label: 'Admin' },
            ]}
          />
          <Checkbox
            label="An admin approves each person before they join"
            description="Requests wait in Join requests."
            checked={requiresApproval}
            onChange={(e) => setRequiresApproval(e.currentTarget.checked)}
            error={byField['requiresApproval']}
          />
          <TextInput
            type="datetime-local"
            label="Expires"
            description="In your time zone. Leave empty for a link that does not expire."
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.currentTarget.value)}
            error={byField['expiresAt']}
          />
          <NumberInput
            label="Maximum uses"
            description="How many people can use it. Leave empty for no limit."
            value={maxUses}
            onChange={setMaxUses}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={byField['maxUses']}
          />
          <ErrorAlert errors={general} />
          <FormActions onCancel={close} loading={loading}>
            Create link
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
