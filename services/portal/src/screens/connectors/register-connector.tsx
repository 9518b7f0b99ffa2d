import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import type { ConnectorPermission } from '../../gql/graphql';
import type { ShownSecret } from './connector-secret-modal';
import { PERMISSION_ORDER, PERMISSIONS } from './permissions';

const RegisterConnectorMutation = graphql(`
  mutation RegisterConnector($input: RegisterConnectorInput!) {
    registerConnector(input: $input) {
      clientSecret
      connector {
        id
        clientId
        ...ConnectorRow
      }
    }
  }
`);

/** Registers a partner connector with the permissions chosen; its secret is handed to the caller to show once. */
export function RegisterConnectorForm(props: { organizationId: string; onRegistered: (secret: ShownSecret) => void }) {
  const [register, { loading }] = useMutation(RegisterConnectorMutation, { refetchQueries: ['ConnectorsScreen'], awaitRefetchQueries: true });
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<ConnectorPermission[]>([]);
  const [errors, setErrors] = useState<UserError[]>([]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: UserError[] = [];
    if (!name.trim())
      problems.push({ code: 'BAD_USER_INPUT', field: 'name', message: 'Give the connector a name, such as the partner or system it belongs to.' });
    if (permissions.length === 0) problems.push({ code: 'BAD_USER_INPUT', field: 'permissions', message: 'Choose at least one permission.' });
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      const { data } = await register({ variables: { input: { organizationId: props.organizationId, name: name.trim(), permissions } } });
      if (!data) return;
      const { clientSecret } = data.registerConnector;
      props.onRegistered({ connectorName: name.trim(), clientId: data.registerConnector.connector.clientId, clientSecret, rotated: false });
      setName('');
      setPermissions([]);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const { byField, general } = splitByField(errors, ['name', 'permissions']);

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md" maw={640}>
          <Title order={2} size="h4">
            Register a connector
          </Title>
          <Text size="sm" c="dimmed">
            A connector lets a partner system read this organisation&apos;s data with a client ID and secret. Give it only the permissions it needs.
          </Text>
          <TextInput
            label="Name"
            description="Who or what uses it, e.g. HR sync."
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={byField['name']}
            required
          />
          <Checkbox.Group
            label="Permissions"
            value={permissions}
            onChange={(value) => setPermissions(value as ConnectorPermission[])}
            error={byField['permissions']}
            required
          >
            <Stack gap="xs" mt={6}>
              {PERMISSION_ORDER.map((p) => (
                <Checkbox key={p} value={p} label={PERMISSIONS[p].label} description={PERMISSIONS[p].description} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ErrorAlert errors={general} />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Register connector
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
