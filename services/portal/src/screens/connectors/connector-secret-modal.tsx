import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';

export interface ShownSecret {
  connectorName: string;
  clientId: string;
  clientSecret: string;
  /** A rotation: the previous secret has stopped working. */
  rotated: boolean;
}

/**
 * A connector's client secret, shown this once: the service keeps only its hash, so closing the dialog loses it.
 * The dialog only closes on the button that says so, never on a stray click beside it.
 */
export function ConnectorSecretModal(props: { secret: ShownSecret | null; onClose: () => void }) {
  const { secret } = props;
  return (
    <Modal
      opened={secret !== null}
      onClose={props.onClose}
      title={secret?.rotated ? `New client secret of ${secret.connectorName}` : `Client secret of ${secret?.connectorName ?? ''}`}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      centered
    >
      {secret && (
        <Stack gap="md">
          <Alert color="orange" variant="light" title="This secret will not be shown again">
            Copy it now and store it where the connector reads it (a secrets manager, not a chat or an email). If it is lost, rotate the secret to get a new
            one.
            {secret.rotated && ' The previous secret has stopped working: update the connector now.'}
          </Alert>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput label="Client ID" value={secret.clientId} readOnly style={{ flex: 1, minWidth: 0 }} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={secret.clientId}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} miw={150}>
                  {copied ? 'Client ID copied' : 'Copy client ID'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label="Client secret"
              value={secret.clientSecret}
              readOnly
              style={{ flex: 1, minWidth: 0 }}
              styles={{ input: { fontFamily: 'monospace' } }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={secret.clientSecret}>
              {({ copied, copy }) => (
                <Button onClick={copy} miw={150}>
                  {copied ? 'Secret copied' : 'Copy secret'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            The connector exchanges the client ID and secret for access tokens limited to this organisation and its permissions.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              I have stored the secret
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
