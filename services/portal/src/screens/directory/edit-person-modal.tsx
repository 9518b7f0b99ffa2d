import { useMutation } from '@apollo/client/react';
import { Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import type { Network } from '../../gql/graphql';
import { AttributeFields, attributeField, missingMandatory, type AttributeDefinitionData, type AttributeDraft } from './attribute-fields';
import { applyEntryChanges, changedEntryOf } from './directory-cache';
import type { DirectoryEntryData } from './directory-row';
import { NetworkChoice } from './network-choice';
import { FormActions } from '../../components/form-actions';

const SetMemberNetworkMutation = graphql(`
  mutation SetMemberNetwork($input: SetMemberNetworkInput!) {
    setMemberNetwork(input: $input) {
      member {
        ...ChangedDirectoryEntry
      }
    }
  }
`);

const SetMemberAttributesMutation = graphql(`
  mutation SetMemberAttributes($input: SetMemberAttributesInput!) {
    setMemberAttributes(input: $input) {
      member {
        ...ChangedDirectoryEntry
      }
    }
  }
`);

function draftOf(entry: DirectoryEntryData, definitions: readonly AttributeDefinitionData[]): AttributeDraft {
  const values = new Map(entry.attributes.map((a) => [a.name.toLowerCase(), a.value]));
  return Object.fromEntries(definitions.map((d) => [d.name, values.get(d.name.toLowerCase()) ?? '']));
}

/** Changes one person's network and attribute values; each change is saved only if it was made. */
export function EditPersonModal(props: {
  orgId: string;
  entry: DirectoryEntryData;
  definitions: readonly AttributeDefinitionData[];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const narrow = useMediaQuery('(max-width: 36em)');
  const { entry, definitions } = props;
  const [initial] = useState(() => draftOf(entry, definitions));
  const [network, setNetwork] = useState<Network>(entry.network);
  const [draft, setDraft] = useState<AttributeDraft>(initial);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [saveNetwork, networkState] = useMutation(SetMemberNetworkMutation);
  const [saveAttributes, attributesState] = useMutation(SetMemberAttributesMutation);
  const name = entry.displayName || 'Unnamed person';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = definitions
      .filter((d) => (draft[d.name] ?? '').trim() !== (initial[d.name] ?? '').trim())
      .map((d) => ({ name: d.name, value: (draft[d.name] ?? '').trim() || null }));
    const missing = changes.length > 0 ? missingMandatory(definitions, draft) : {};
    if (Object.keys(missing).length > 0) {
      return setErrors(Object.entries(missing).map(([field, message]) => ({ code: 'BAD_USER_INPUT', field, message })));
    }
    setErrors([]);
    try {
      if (network !== entry.network) {
        await saveNetwork({
          variables: { input: { organizationId: props.orgId, userId: entry.user.id, network } },
          update: (cache, { data }) => {
            if (data) applyEntryChanges(cache, props.orgId, [changedEntryOf(data.setMemberNetwork.member)]);
          },
        });
      }
      if (changes.length > 0) {
        await saveAttributes({
          variables: { input: { organizationId: props.orgId, userId: entry.user.id, attributes: changes } },
          update: (cache, { data }) => {
            if (data) applyEntryChanges(cache, props.orgId, [changedEntryOf(data.setMemberAttributes.member)]);
          },
        });
      }
      props.onSaved(name);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };

  const { byField, general } = splitByField(errors, [...definitions.map((d) => attributeField(d.name)), 'network']);

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={props.onClose} title={`Edit ${name}`} fullScreen={narrow} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={`Edit ${name}`}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {entry.phone ?? 'Phone number hidden'}
          </Text>
          <NetworkChoice value={network} onChange={setNetwork} error={byField['network']} />
          {definitions.length === 0 ? (
            <Text size="sm" c="dimmed">
              This organisation defines no user attributes yet.
            </Text>
          ) : (
            <AttributeFields definitions={definitions} draft={draft} errors={byField} onChange={(n, v) => setDraft((d) => ({ ...d, [n]: v }))} />
          )}
          <ErrorAlert errors={general} />
          <FormActions onCancel={props.onClose} loading={networkState.loading || attributesState.loading}>
            Save changes
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
