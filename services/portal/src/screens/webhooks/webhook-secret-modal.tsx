import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { CopyableField } from '../../components/copyable-field';

export interface ShownSigningSecret {
  url: string;
  secret: string;
  /** A rotation: when the previous secret stops signing, or null when it already has. */
  previousSignsUntil: string | null;
  rotated: boolean;
}

/** An endpoint's signing secret, shown this once. The dialog only closes on the button that says so. */
export function WebhookSecretModal(props: { secret: ShownSigningSecret | null; onClose: () => void }) {
  const { secret } = props;
  return (
    <Modal
      opened={secret !== null}
      onClose={props.onClose}
      title={secret?.rotated ? 'New signing secret' : 'Signing secret'}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      centered
    >
      {secret && (
        <Stack gap="md">
          <Alert color="orange" variant="light" title="This secret will not be shown again">
            Copy it now into the receiver at {secret.url}, which verifies each delivery&apos;s signature with it. If it is lost, rotate the secret to get a new
            one.
            {secret.rotated &&
              (secret.previousSignsUntil
                ? ` The previous secret keeps signing beside it until ${new Date(secret.previousSignsUntil).toLocaleString('en-GB')}.`
                : ' The previous secret has stopped signing: update the receiver now.')}
          </Alert>
          <CopyableField label="Signing secret" value={secret.secret} copyLabel="Copy secret" copiedLabel="Secret copied" secret />
          <Text size="sm" c="dimmed">
            Deliveries are signed per the Standard Webhooks specification; its libraries verify them with this secret.
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
