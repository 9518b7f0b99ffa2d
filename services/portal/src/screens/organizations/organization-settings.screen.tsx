import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Divider, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { OrganizationRetentionSection } from './organization-retention-section';

const OrganizationSettingsQuery = graphql(`
  query OrganizationSettings($id: ID!) {
    organization(id: $id) {
      id
      name
      createdAt
      myRole
      ...OrganizationRetention
    }
  }
`);

const RenameOrganizationMutation = graphql(`
  mutation RenameOrganization($input: RenameOrganizationInput!) {
    renameOrganization(input: $input) {
      organization {
        id
        name
      }
    }
  }
`);

export function OrganizationSettingsScreen() {
  const { orgId = '' } = useParams();
  const { data, loading, error } = useQuery(OrganizationSettingsQuery, { variables: { id: orgId } });
  const [rename, renaming] = useMutation(RenameOrganizationMutation);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const organization = data?.organization;
  useEffect(() => {
    if (organization) setName(organization.name);
  }, [organization]);

  if (loading && !data) return <Loading label="Loading the organisation" />;
  if (!organization) return <ErrorAlert error={error} />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors([{ code: 'BAD_USER_INPUT', message: 'The organisation needs a name.', field: 'name' }]);
    setErrors([]);
    try {
      await rename({ variables: { input: { organizationId: orgId, name: name.trim() } } });
      notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, message: 'Organisation renamed.', color: 'green' });
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const { byField, general } = splitByField(errors, ['name']);
  const admin = organization.myRole === 'ADMIN';

  return (
    <Page
      title="Organisation settings"
      description={`Created ${new Date(organization.createdAt).toLocaleDateString()}.`}
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
    >
      <Stack gap="xl" maw={560}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="organization-details-heading">
          <Stack gap="md">
            <Title order={2} size="h4" id="organization-details-heading">
              Details
            </Title>
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={byField['name']} required disabled={!admin} />
            <ErrorAlert errors={general} />
            <Button type="submit" loading={renaming.loading} disabled={!admin} style={{ alignSelf: 'flex-start' }}>
              Save
            </Button>
          </Stack>
        </form>
        {/* Only admins see the period (null for anyone else), so others are not shown a misleading "for ever". */}
        {admin && (
          <>
            <Divider />
            <OrganizationRetentionSection organization={organization} />
          </>
        )}
      </Stack>
    </Page>
  );
}
