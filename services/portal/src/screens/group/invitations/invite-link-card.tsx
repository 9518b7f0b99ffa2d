import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, CopyButton, Group, Image, Modal, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { userErrors, type UserError } from '../../../api/errors';
import { saveBlob } from '../../../api/files';
import { ErrorAlert } from '../../../components/error-alert';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime, inviteLinkStatus, STATUS_LABELS } from './invite-link-status';
import { pngBlob, pngDataUrl, qrFileName, svgBlob } from './qr-code';

export const InviteLinkCardFragment = graphql(`
  fragment InviteLinkCard on InviteLink {
    id
    url
    role
    requiresApproval
    expiresAt
    maxUses
    uses
    revokedAt
    createdAt
    qrCodePng
    qrCodeSvg
  }
`);

const RevokeInviteLinkMutation = graphql(`
  mutation RevokeInviteLink($input: InviteLinkInput!) {
    revokeInviteLink(input: $input) {
      inviteLink {
        id
        revokedAt
      }
    }
  }
`);

const NUMBER = new Intl.NumberFormat('en-GB');

/** One invite link: what it grants and how far it has been used, its QR code to show or download, copy and revoke. */
export function InviteLinkCard(props: { link: FragmentType<typeof InviteLinkCardFragment>; groupName: string; now: Date }) {
  const link = getFragmentData(InviteLinkCardFragment, props.link);
  const titleId = useId();
  const [confirming, confirm] = useDisclosure(false);
  const [revoke, revoking] = useMutation(RevokeInviteLinkMutation);
  const [errors, setErrors] = useState<UserError[]>([]);
  const status = inviteLinkStatus(link, props.now);
  const usable = status === 'ACTIVE';
  const png = pngDataUrl(link.qrCodePng);
  const created = formatDateTime(link.createdAt);

  const onRevoke = async () => {
    setErrors([]);
    try {
      await revoke({ variables: { input: { inviteLinkId: link.id } } });
      confirm.close();
      notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, message: 'Invite link revoked.', color: 'green' });
    } catch (error) {
      confirm.close();
      setErrors(userErrors(error));
    }
  };

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Group align="flex-start" gap="md" wrap="wrap">
        {png && usable && <Image src={png} alt={`QR code of the invite link created ${created}`} w={144} h={144} fit="contain" radius="sm" />}
        <Stack gap="xs" style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group justify="space-between" gap="xs">
            <Title order={3} size="h5" id={titleId}>
              {link.role === 'ADMIN' ? 'Admin' : 'Member'} link created {created}
            </Title>
            <Badge variant="dot" color={usable ? 'green' : 'gray'}>
              {STATUS_LABELS[status]}
            </Badge>
          </Group>
          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} c={usable ? undefined : 'dimmed'}>
            {link.url}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing={4}>
            <Detail label="Joins as" value={link.role === 'ADMIN' ? 'Admin' : 'Member'} />
            <Detail label="Approval" value={link.requiresApproval ? 'An admin approves each person' : 'Not needed'} />
            <Detail label={status === 'EXPIRED' ? 'Expired' : 'Expires'} value={link.expiresAt ? formatDateTime(link.expiresAt) : 'Never'} />
            <Detail
              label="Used"
              value={
                link.maxUses === null || link.maxUses === undefined
                  ? `${NUMBER.format(link.uses)} times, no limit`
                  : `${NUMBER.format(link.uses)} of ${NUMBER.format(link.maxUses)}`
              }
            />
          </SimpleGrid>
          {link.revokedAt && (
            <Text size="sm" c="dimmed">
              Revoked {formatDateTime(link.revokedAt)}: nobody can join with it any more.
            </Text>
          )}
          <ErrorAlert errors={errors} />
          {usable && (
            <Group gap="xs" mt={4}>
              <CopyButton value={link.url} timeout={3000}>
                {({ copied, copy }) => (
                  <>
                    <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                    <VisuallyHidden role="status">{copied ? 'The invite link is copied.' : ''}</VisuallyHidden>
                  </>
                )}
              </CopyButton>
              <Button size="xs" variant="default" disabled={!png} onClick={() => png && saveBlob(pngBlob(png), qrFileName(props.groupName, link.id, 'png'))}>
                Download PNG
              </Button>
              <Button size="xs" variant="default" onClick={() => saveBlob(svgBlob(link.qrCodeSvg), qrFileName(props.groupName, link.id, 'svg'))}>
                Download SVG
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={confirm.open}>
                Revoke
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
      <Modal opened={confirming} onClose={confirm.close} closeButtonProps={{ 'aria-label': 'Close' }} title="Revoke this invite link?">
        <Stack gap="md">
          <Text size="sm">
            Nobody can join with this link or its QR code any more, including people who already have it. People who joined with it stay members, and requests
            already sent stay in Join requests.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              Cancel
            </Button>
            <Button color="red" loading={revoking.loading} onClick={() => void onRevoke()}>
              Revoke link
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function Detail(props: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm">{props.value}</Text>
    </div>
  );
}
