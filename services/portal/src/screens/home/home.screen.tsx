import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { lastOrganization } from '../../app/app-layout';
import { useViewer } from '../../app/viewer';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { LeaveOrganization } from './leave-organization';

/**
 * Where signing in lands: straight into the organisation last worked on, otherwise a choice of the person's
 * organisations, or the way to create one.
 */
export function HomeScreen() {
  const { data, loading, error } = useViewer();
  if (loading && !data) return <Loading label="Loading your organisations" />;
  if (error && !data) return <ErrorAlert error={error} />;
  const organizations = data?.me?.organizations ?? [];
  const last = lastOrganization();
  const remembered = organizations.find((o) => o.organization.id === last && o.role === 'ADMIN');
  if (remembered) return <Navigate to={`/orgs/${remembered.organization.id}/groups`} replace />;

  return (
    <Page
      title="Your organisations"
      description="Choose the organisation to manage, or create a new one."
      actions={
        <Button component={Link} to="/chat" variant="light">
          Open your chats
        </Button>
      }
    >
      {organizations.length === 0 ? (
        <EmptyState
          title="You do not belong to an organisation yet"
          action={
            <Button component={Link} to="/organizations/new">
              Create an organisation
            </Button>
          }
        >
          Create one for your company or team: its groups, people and data then belong to it. If your organisation already uses this service, ask one of its
          admins to add you.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {organizations.map((o) => (
            <Card key={o.organization.id} withBorder padding="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} truncate>
                    {o.organization.name}
                  </Text>
                  <Badge variant="light" color={o.role === 'ADMIN' ? 'blue' : 'gray'}>
                    {o.role === 'ADMIN' ? 'Admin' : 'Member'}
                  </Badge>
                </Group>
                {o.role === 'ADMIN' ? (
                  <Anchor component={Link} to={`/orgs/${o.organization.id}/groups`}>
                    Manage {o.organization.name}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    Only admins manage the organisation here. Its groups you belong to are in{' '}
                    <Anchor component={Link} to="/chat" size="sm" underline="always">
                      your chats
                    </Anchor>
                    .
                  </Text>
                )}
                <Group justify="flex-end">
                  <LeaveOrganization organizationId={o.organization.id} name={o.organization.name} />
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Page>
  );
}
