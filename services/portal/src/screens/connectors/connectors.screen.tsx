import { useQuery } from '@apollo/client/react';
import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { ConnectorSecretModal, type ShownSecret } from './connector-secret-modal';
import { ConnectorsTable } from './connectors-table';
import { RegisterConnectorForm } from './register-connector';

const ConnectorsScreenQuery = graphql(`
  query ConnectorsScreen($orgId: ID!) {
    organization(id: $orgId) {
      id
      name
      connectors {
        id
        ...ConnectorRow
      }
    }
  }
`);

/** Partner connectors: register one, show its secret once, rotate the secret, revoke it. Admins only. */
export function ConnectorsScreen() {
  const { orgId = '' } = useParams();
  const { data, loading, error } = useQuery(ConnectorsScreenQuery, { variables: { orgId } });
  const [secret, setSecret] = useState<ShownSecret | null>(null);

  if (loading && !data) return <Loading label="Loading connectors" />;
  const organization = data?.organization;
  if (!organization) {
    return (
      <Page title="Connectors">
        <ErrorAlert error={error} />
      </Page>
    );
  }

  return (
    <Page
      title="Connectors"
      description="Partner systems that read this organisation's data through the API, each with its own client ID, secret and permissions."
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
    >
      <Stack gap="xl">
        {error && <ErrorAlert error={error} />}
        <Stack gap="sm">
          <Title order={2} size="h4">
            Registered connectors
          </Title>
          {organization.connectors.length === 0 ? (
            <EmptyState title="No connectors yet">Register one below to let a partner system, such as an HR or payroll tool, read what it needs.</EmptyState>
          ) : (
            <ConnectorsTable connectors={organization.connectors} onSecret={setSecret} />
          )}
        </Stack>
        <RegisterConnectorForm organizationId={orgId} onRegistered={setSecret} />
      </Stack>
      <ConnectorSecretModal secret={secret} onClose={() => setSecret(null)} />
    </Page>
  );
}
