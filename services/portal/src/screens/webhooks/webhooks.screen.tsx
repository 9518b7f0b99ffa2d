import { useQuery } from '@apollo/client/react';
import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { RegisterWebhookForm } from './register-webhook';
import { WebhookEndpointsTable } from './webhook-endpoints-table';
import { WebhookSecretModal, type ShownSigningSecret } from './webhook-secret-modal';

const WebhooksScreenQuery = graphql(`
  query WebhooksScreen($orgId: ID!) {
    organization(id: $orgId) {
      id
      name
      webhookEndpoints {
        id
        ...WebhookEndpointRow
      }
    }
  }
`);

/** Partner webhooks: endpoints that receive the organisation's events, signed; add, pause, rotate, delete, read their log. Admins only. */
export function WebhooksScreen() {
  const { orgId = '' } = useParams();
  const { data, loading, error } = useQuery(WebhooksScreenQuery, { variables: { orgId } });
  const [secret, setSecret] = useState<ShownSigningSecret | null>(null);

  if (loading && !data) return <Loading label="Loading webhooks" />;
  const organization = data?.organization;
  if (!organization) {
    return (
      <Page title="Webhooks">
        <ErrorAlert error={error} />
      </Page>
    );
  }

  return (
    <Page
      title="Webhooks"
      description="Partner systems' endpoints that receive this organisation's events as they happen, each delivery signed with the endpoint's secret."
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
    >
      <Stack gap="xl">
        {error && <ErrorAlert error={error} />}
        <Stack gap="sm">
          <Title order={2} size="h4">
            Endpoints
          </Title>
          {organization.webhookEndpoints.length === 0 ? (
            <EmptyState title="No endpoints yet">Add one below to send events, such as new messages or members, to a partner system.</EmptyState>
          ) : (
            <WebhookEndpointsTable orgId={orgId} endpoints={organization.webhookEndpoints} onSecret={setSecret} />
          )}
        </Stack>
        <RegisterWebhookForm organizationId={orgId} onRegistered={setSecret} />
      </Stack>
      <WebhookSecretModal secret={secret} onClose={() => setSecret(null)} />
    </Page>
  );
}
