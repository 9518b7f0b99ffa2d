import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { userErrors, type UserError } from '../../api/errors';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import type { WebhookEndpointStatus } from '../../gql/graphql';
import type { ShownSigningSecret } from './webhook-secret-modal';

const PauseWebhookEndpointMutation = graphql(`
  mutation PauseWebhookEndpoint($input: WebhookEndpointIdInput!) {
    pauseWebhookEndpoint(input: $input) {
      endpoint {
        id
        ...WebhookEndpointRow
      }
    }
  }
`);

const ResumeWebhookEndpointMutation = graphql(`
  mutation ResumeWebhookEndpoint($input: WebhookEndpointIdInput!) {
    resumeWebhookEndpoint(input: $input) {
      endpoint {
        id
        ...WebhookEndpointRow
      }
    }
  }
`);

const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      signingSecret
      endpoint {
        id
        previousSecretExpiresAt
        ...WebhookEndpointRow
      }
    }
  }
`);

const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: WebhookEndpointIdInput!) {
    deleteWebhookEndpoint(input: $input) {
      deletedId
    }
  }
`);

/** How long the old secret keeps signing beside a new one, so the receiver can move over without refusing deliveries. */
const ROTATION_OVERLAP_SECONDS = 24 * 3600;

/** Pausing and resuming, rotating the signing secret (shown once), deleting; and the way to the delivery log. */
export function WebhookEndpointActions(props: {
  endpointId: string;
  url: string;
  status: WebhookEndpointStatus;
  deliveriesPath: string;
  onSecret: (secret: ShownSigningSecret) => void;
}) {
  const [rotating, rotateDialog] = useDisclosure(false);
  const [deleting, deleteDialog] = useDisclosure(false);
  const [pause, pausing] = useMutation(PauseWebhookEndpointMutation);
  const [resume, resuming] = useMutation(ResumeWebhookEndpointMutation);
  const [rotate, rotation] = useMutation(RotateWebhookSecretMutation);
  const [remove, removal] = useMutation(DeleteWebhookEndpointMutation, { refetchQueries: ['WebhooksScreen'], awaitRefetchQueries: true });
  const [errors, setErrors] = useState<UserError[]>([]);
  const input = { id: props.endpointId };

  const run = async (action: () => Promise<unknown>, after?: () => void) => {
    setErrors([]);
    try {
      await action();
      after?.();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const onRotate = () =>
    run(async () => {
      const { data } = await rotate({ variables: { input: { ...input, overlapSeconds: ROTATION_OVERLAP_SECONDS } } });
      if (!data) return;
      rotateDialog.close();
      const { signingSecret, endpoint } = data.rotateWebhookSecret;
      props.onSecret({ url: props.url, secret: signingSecret, previousSignsUntil: endpoint.previousSecretExpiresAt ?? null, rotated: true });
    });
  const close = (dialog: { close: () => void }) => () => {
    setErrors([]);
    dialog.close();
  };

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button size="compact-sm" variant="default" component={Link} to={props.deliveriesPath} aria-label={`Deliveries to ${props.url}`}>
          Deliveries
        </Button>
        {props.status === 'ACTIVE' ? (
          <Button
            size="compact-sm"
            variant="default"
            loading={pausing.loading}
            onClick={() => void run(() => pause({ variables: { input } }))}
            aria-label={`Pause ${props.url}`}
          >
            Pause
          </Button>
        ) : (
          <Button
            size="compact-sm"
            variant="default"
            loading={resuming.loading}
            onClick={() => void run(() => resume({ variables: { input } }))}
            aria-label={`Resume ${props.url}`}
          >
            Resume
          </Button>
        )}
        <Button size="compact-sm" variant="default" onClick={rotateDialog.open} aria-label={`Rotate secret of ${props.url}`}>
          Rotate secret
        </Button>
        <Button size="compact-sm" variant="light" color="red" onClick={deleteDialog.open} aria-label={`Delete ${props.url}`}>
          Delete
        </Button>
      </Group>
      {!rotating && !deleting && <ErrorAlert errors={errors} />}
      <ConfirmDialog
        opened={rotating}
        onClose={close(rotateDialog)}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        color="blue"
        loading={rotation.loading}
        errors={errors}
        onConfirm={() => void onRotate()}
      >
        {`A new secret signs deliveries to ${props.url} from now on; for 24 hours the current one signs beside it, so the receiver keeps verifying while it is given the new one, which is shown only once, next.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={deleting}
        onClose={close(deleteDialog)}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        loading={removal.loading}
        errors={errors}
        onConfirm={() => void run(() => remove({ variables: { input } }), deleteDialog.close)}
      >
        {`${props.url} receives nothing more, and its delivery log is deleted with it. This cannot be undone: to receive events again, add the endpoint anew.`}
      </ConfirmDialog>
    </Stack>
  );
}
