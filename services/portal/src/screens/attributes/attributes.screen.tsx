import { useQuery } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { userErrors, type UserError } from '../../api/errors';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { AttributeList, readAttributes, type AttributeRowData } from './attribute-list';
import { DefineAttributeForm } from './define-attribute-form';
import { OrganizationAttributesQuery, useDefineAttribute } from './define-attribute';
import { RemoveAttributeModal } from './remove-attribute-modal';
import { SuggestedAttributes } from './suggested-attributes';

/** The organisation's user attributes: what the directory records about each person, and which are mandatory. */
export function AttributesScreen() {
  const { orgId = '' } = useParams();
  const { data, loading, error } = useQuery(OrganizationAttributesQuery, { variables: { orgId } });
  const [define] = useDefineAttribute(orgId);
  const [busyName, setBusyName] = useState<string | null>(null);
  const [addingName, setAddingName] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [actionError, setActionError] = useState<{ title: string; errors: UserError[] } | null>(null);

  if (loading && !data) return <Loading label="Loading the attributes" />;
  const organization = data?.organization;
  if (!organization) {
    return (
      <Page title="User attributes">
        <ErrorAlert
          error={error}
          errors={error ? undefined : [{ code: 'NOT_FOUND', message: 'This organisation does not exist, or you are not one of its members.' }]}
        />
      </Page>
    );
  }

  const definitions = readAttributes(organization.attributeDefinitions);
  const definedNames = definitions.map((d) => d.name);
  const canManage = organization.myRole === 'ADMIN';

  const onToggleMandatory = (d: AttributeRowData) => {
    setActionError(null);
    setBusyName(d.name);
    // The same name and type again changes only whether the attribute is mandatory.
    define({ name: d.name, type: d.type, mandatory: !d.mandatory })
      .then(() =>
        notifications.show({
          closeButtonProps: { 'aria-label': 'Dismiss' },
          color: 'green',
          message: d.mandatory
            ? `${d.name} is now optional.`
            : `${d.name} is now mandatory: people added from now on need a value, and anyone without one needs it the next time their attributes are saved.`,
        }),
      )
      .catch((e: unknown) => setActionError({ title: `${d.name} did not change`, errors: userErrors(e) }))
      .finally(() => setBusyName(null));
  };

  const onAddSuggestion = (s: { name: string; type: AttributeRowData['type'] }) => {
    setActionError(null);
    setAddingName(s.name);
    define({ name: s.name, type: s.type, mandatory: false })
      .then(() => notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, color: 'green', message: `${s.name} was added.` }))
      .catch((e: unknown) => setActionError({ title: `${s.name} was not added`, errors: userErrors(e) }))
      .finally(() => setAddingName(null));
  };

  return (
    <Page
      title="User attributes"
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
      description={
        <>
          What the{' '}
          <Anchor component={Link} to={`/orgs/${orgId}/directory`} size="sm" underline="always">
            directory
          </Anchor>{' '}
          records about each person of {organization.name}, beyond name and number. A mandatory attribute must have a value for everyone added or edited from
          then on.
        </>
      }
    >
      <Stack gap="lg">
        {actionError && <ErrorAlert title={actionError.title} errors={actionError.errors} />}
        {definitions.length === 0 ? (
          <EmptyState title="No attributes yet">
            Add one of the suggestions below, or define your own, e.g. Cost centre or Start date. Each becomes a column of the directory and of the bulk-upload
            file.
          </EmptyState>
        ) : (
          <AttributeList
            definitions={definitions}
            canManage={canManage}
            changingMandatoryOf={busyName}
            onToggleMandatory={onToggleMandatory}
            onRemove={(d) => {
              setActionError(null);
              setRemoving(d.name);
            }}
          />
        )}
        {canManage && (
          <>
            <SuggestedAttributes suggestions={data.suggestedUserAttributes} definedNames={definedNames} addingName={addingName} onAdd={onAddSuggestion} />
            <DefineAttributeForm orgId={orgId} definedNames={definedNames} />
          </>
        )}
      </Stack>
      {removing && (
        <RemoveAttributeModal
          orgId={orgId}
          orgName={organization.name}
          name={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(name) => {
            setRemoving(null);
            notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, color: 'green', message: `${name} and its values were removed.` });
          }}
        />
      )}
    </Page>
  );
}
