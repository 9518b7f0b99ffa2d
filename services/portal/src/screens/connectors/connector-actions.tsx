import { useMutation } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { graphql } from '../../gql';
import type { ShownSecret } from './connector-secret-modal';

const RotateConnectorSecretMutation = graphql(`
  mutation RotateConnectorSecret($input: ConnectorInput!) {
    rotateConnectorSecret(input: $input) {
      clientSecret
      connector {
        id
        clientId
        ...ConnectorRow
      }
    }
  }
`);

const RevokeConnectorMutation = graphql(`
  mutation RevokeConnector($input: ConnectorInput!) {
    revokeConnector(input: $input) {
      connector {
        id
        ...ConnectorRow
      }
    }
  }
`);

/** Rotating gives the connector a new secret (shown once) and stops the old one; revoking ends the connector. */
export function ConnectorActions(props: { connectorId: string; name: string; onSecret: (secret: ShownSecret) => void }) {
  const [rotating, rotateDialog] = useDisclosure(false);
  const [revoking, revokeDialog] = useDisclosure(false);
  const [rotate, rotation] = useMutation(RotateConnectorSecretMutation);
  const [revoke, revocation] = useMutation(RevokeConnectorMutation);
  const [errors, setErrors] = useState<UserError[]>([]);
  const input = { connectorId: props.connectorId };

  const onRotate = async () => {
    setErrors([]);
    try {
      const { data } = await rotate({ variables: { input } });
      if (!data) return;
      rotateDialog.close();
      const { clientSecret, connector } = data.rotateConnectorSecret;
      props.onSecret({ connectorName: props.name, clientId: connector.clientId, clientSecret, rotated: true });
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const onRevoke = async () => {
    setErrors([]);
    try {
      await revoke({ variables: { input } });
      revokeDialog.close();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const close = (dialog: { close: () => void }) => () => {
    setErrors([]);
    dialog.close();
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="compact-sm" variant="default" onClick={rotateDialog.open} aria-label={`Rotate secret of ${props.name}`}>
        Rotate secret
      </Button>
      <Button size="compact-sm" variant="light" color="red" onClick={revokeDialog.open} aria-label={`Revoke ${props.name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        opened={rotating}
        onClose={close(rotateDialog)}
        title={`Rotate the secret of ${props.name}?`}
        confirmLabel="Rotate secret"
        loading={rotation.loading}
        errors={errors}
        onConfirm={() => void onRotate()}
      >
        {`The current secret stops working at once: ${props.name} cannot get new access tokens until it is given the new secret, which is shown only once, next. Tokens it already holds keep working until they expire, within 5 minutes.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={revoking}
        onClose={close(revokeDialog)}
        title={`Revoke ${props.name}?`}
        confirmLabel="Revoke connector"
        loading={revocation.loading}
        errors={errors}
        onConfirm={() => void onRevoke()}
      >
        {`${props.name} can no longer get access tokens, and the ones it holds expire within 5 minutes; after that it reads nothing of this organisation. This cannot be undone: to connect it again, register a new connector.`}
      </ConfirmDialog>
    </Group>
  );
}
