import { useMutation } from '@apollo/client/react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import type { Network } from '../../gql/graphql';
import { AttributeFields, attributeField, missingMandatory, type AttributeDefinitionData, type AttributeDraft } from './attribute-fields';
import { NetworkChoice } from './network-choice';
import { FormActions } from '../../components/form-actions';

const AddDirectoryMemberMutation = graphql(`
  mutation AddDirectoryMember($input: AddDirectoryMemberInput!) {
    addDirectoryMember(input: $input) {
      member {
        displayName
        user {
          id
        }
      }
    }
  }
`);

/** Adds one person by phone number, registered or not, with their network and attribute values. */
export function AddPersonModal(props: {
  orgId: string;
  orgName: string;
  definitions: readonly AttributeDefinitionData[];
  opened: boolean;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const narrow = useMediaQuery('(max-width: 36em)');
  const [add, { loading }] = useMutation(AddDirectoryMemberMutation);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [network, setNetwork] = useState<Network>('EMPLOYEE');
  const [draft, setDraft] = useState<AttributeDraft>({});
  const [errors, setErrors] = useState<UserError[]>([]);

  const reset = () => {
    setPhone('');
    setName('');
    setNetwork('EMPLOYEE');
    setDraft({});
    setErrors([]);
  };
  const close = () => {
    reset();
    props.onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local: UserError[] = [];
    if (!phone.trim()) local.push({ code: 'BAD_USER_INPUT', field: 'phone', message: 'Enter their mobile number, starting with + and the country code.' });
    if (!name.trim()) local.push({ code: 'BAD_USER_INPUT', field: 'displayName', message: 'Enter their name as the directory should show it.' });
    for (const [field, message] of Object.entries(missingMandatory(props.definitions, draft))) local.push({ code: 'BAD_USER_INPUT', field, message });
    if (local.length > 0) return setErrors(local);
    setErrors([]);
    try {
      const attributes = props.definitions.filter((d) => (draft[d.name] ?? '').trim()).map((d) => ({ name: d.name, value: draft[d.name]!.trim() }));
      const { data } = await add({ variables: { input: { organizationId: props.orgId, phone: phone.trim(), displayName: name.trim(), network, attributes } } });
      if (data) {
        reset();
        props.onAdded(data.addDirectoryMember.member.displayName);
      }
    } catch (error) {
      setErrors(userErrors(error));
    }
  };

  // Attribute fields first: an attribute called "Phone" still gets its own error, not the number's.
  const { byField, general } = splitByField(errors, [...props.definitions.map((d) => attributeField(d.name)), 'phone', 'displayName']);

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={props.opened} onClose={close} title="Add a person" fullScreen={narrow} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Add a person">
        <Stack gap="md">
          <TextInput
            label="Mobile number"
            description="With + and the country code, e.g. +44 7700 900123. They need not have signed up yet."
            type="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={byField['phone']}
            required
            data-autofocus
          />
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={byField['displayName']} required />
          <NetworkChoice value={network} onChange={setNetwork} />
          <AttributeFields definitions={props.definitions} draft={draft} errors={byField} onChange={(n, v) => setDraft((d) => ({ ...d, [n]: v }))} />
          <ErrorAlert errors={general} />
          <FormActions onCancel={close} loading={loading}>
            Add to {props.orgName}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
