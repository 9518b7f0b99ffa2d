import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, MultiSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import type { WebhookEventType } from '../../gql/graphql';
import { EVENT_SECTIONS, EVENT_TYPES, eventTypesOf } from './webhook-event-types';
import type { ShownSigningSecret } from './webhook-secret-modal';

const RegisterWebhookEndpointMutation = graphql(`
  mutation RegisterWebhookEndpoint($input: RegisterWebhookEndpointInput!) {
    registerWebhookEndpoint(input: $input) {
      signingSecret
      endpoint {
        id
        url
        ...WebhookEndpointRow
      }
    }
  }
`);

const OrganizationGroupChoicesQuery = graphql(`
  query OrganizationGroupChoices($orgId: ID!) {
    organization(id: $orgId) {
      id
      groups(first: 200) {
        edges {
          node {
            id
            name
          }
        }
      }
    }
  }
`);

type Scope = 'ORGANIZATION' | 'GROUPS';

/** Registers an endpoint: its address is sent a challenge it must echo, and its signing secret is handed on to show once. */
export function RegisterWebhookForm(props: { organizationId: string; onRegistered: (secret: ShownSigningSecret) => void }) {
  const [register, { loading }] = useMutation(RegisterWebhookEndpointMutation, { refetchQueries: ['WebhooksScreen'], awaitRefetchQueries: true });
  const groups = useQuery(OrganizationGroupChoicesQuery, { variables: { orgId: props.organizationId } });
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const [scope, setScope] = useState<Scope>('ORGANIZATION');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [includeSubgroups, setIncludeSubgroups] = useState(true);
  const [errors, setErrors] = useState<UserError[]>([]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: UserError[] = [];
    if (!url.trim())
      problems.push({ code: 'BAD_USER_INPUT', field: 'url', message: 'Give the address of your endpoint, such as https://hooks.example.com/kaizala.' });
    if (eventTypes.length === 0) problems.push({ code: 'BAD_USER_INPUT', field: 'eventTypes', message: 'Choose at least one event to send.' });
    if (scope === 'GROUPS' && groupIds.length === 0) problems.push({ code: 'BAD_USER_INPUT', field: 'groupIds', message: 'Choose the groups to follow.' });
    setErrors(problems);
    if (problems.length > 0) return;
    const chosenGroups = scope === 'GROUPS' ? groupIds : [];
    try {
      const { data } = await register({
        variables: {
          input: {
            organizationId: props.organizationId,
            url: url.trim(),
            description,
            eventTypes,
            groupIds: chosenGroups,
            includeSubgroups: scope === 'GROUPS' && includeSubgroups,
          },
        },
      });
      if (!data) return;
      const { signingSecret, endpoint } = data.registerWebhookEndpoint;
      props.onRegistered({ url: endpoint.url, secret: signingSecret, previousSignsUntil: null, rotated: false });
      setUrl('');
      setDescription('');
      setEventTypes([]);
      setGroupIds([]);
      setScope('ORGANIZATION');
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const { byField, general } = splitByField(errors, ['url', 'description', 'eventTypes', 'groupIds']);
  const groupChoices = (groups.data?.organization?.groups.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md" maw={760}>
          <Title order={2} size="h4">
            Add an endpoint
          </Title>
          <Text size="sm" c="dimmed">
            The endpoint is sent a validation request with a challenge, which it must answer within 5 seconds, before it is saved.
          </Text>
          <TextInput
            label="Endpoint URL"
            description="Where events are POSTed, e.g. https://hooks.example.com/kaizala."
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={byField['url']}
            required
          />
          <TextInput
            label="Description"
            description="Who or what receives them, e.g. CRM sync."
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={byField['description']}
          />
          <Checkbox.Group
            label="Events to send"
            value={eventTypes}
            onChange={(value) => setEventTypes(value as WebhookEventType[])}
            error={byField['eventTypes']}
            required
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6}>
              {EVENT_SECTIONS.map((section) => (
                <Stack key={section} gap={6}>
                  <Text size="sm" fw={600}>
                    {section}
                  </Text>
                  {eventTypesOf(section).map((type) => (
                    <Checkbox key={type} value={type} label={EVENT_TYPES[type].label} />
                  ))}
                </Stack>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Radio.Group label="Groups" value={scope} onChange={(value) => setScope(value as Scope)}>
            <Stack gap="xs" mt={6}>
              <Radio value="ORGANIZATION" label="Every group of the organisation, and the organisation's own events" />
              <Radio value="GROUPS" label="Chosen groups only" />
            </Stack>
          </Radio.Group>
          {scope === 'GROUPS' && (
            <Stack gap="xs">
              <MultiSelect
                label="Groups to follow"
                placeholder={groups.loading ? 'Loading groups…' : 'Search the organisation’s groups'}
                data={groupChoices}
                value={groupIds}
                onChange={setGroupIds}
                searchable
                nothingFoundMessage="No group of that name"
                error={byField['groupIds']}
              />
              <Checkbox
                label="Include their sub-groups, at any depth"
                checked={includeSubgroups}
                onChange={(e) => setIncludeSubgroups(e.currentTarget.checked)}
              />
            </Stack>
          )}
          <ErrorAlert errors={general} />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Add endpoint
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
