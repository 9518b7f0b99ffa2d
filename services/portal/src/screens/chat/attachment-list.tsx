import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { userError } from '../../api/errors';
import { downloadFile, fetchFileBlob } from '../../api/files';
import { graphql, type FragmentType, getFragmentData } from '../../gql';
import classes from './chat.module.css';

const MessageAttachmentFragment = graphql(`
  fragment MessageAttachment on Attachment {
    id
    filename
    contentType
    size
    url
  }
`);

const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A message's files: pictures shown in the message, other files as links that download them (with the session's token). */
export function AttachmentList(props: { attachments: readonly FragmentType<typeof MessageAttachmentFragment>[] }) {
  const attachments = getFragmentData(MessageAttachmentFragment, props.attachments);
  return (
    <Stack gap={4} mt={4}>
      {attachments.map((a) =>
        INLINE_IMAGE_TYPES.has(a.contentType) ? (
          <InlineImage key={a.id} url={a.url} filename={a.filename} />
        ) : (
          <FileLink key={a.id} url={a.url} filename={a.filename} size={a.size} />
        ),
      )}
    </Stack>
  );
}

function FileLink(props: { url: string; filename: string; size: number }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Group gap="xs" wrap="nowrap">
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => {
          setError(null);
          downloadFile(props.url, props.filename).catch((e: unknown) => setError(userError(e)?.message ?? 'The file could not be downloaded.'));
        }}
      >
        {props.filename}
      </Anchor>
      <Text size="xs" c="dimmed">
        {fileSize(props.size)}
      </Text>
      {error && (
        <Text size="xs" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}

/** Downloads need the token, so the picture is fetched and shown from memory, released when it leaves the page. */
function InlineImage(props: { url: string; filename: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let href: string | null = null;
    let cancelled = false;
    fetchFileBlob(props.url)
      .then((blob) => {
        if (cancelled) return;
        href = URL.createObjectURL(blob);
        setSrc(href);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (href) URL.revokeObjectURL(href);
    };
  }, [props.url]);
  if (failed) return <FileLink url={props.url} filename={props.filename} size={0} />;
  return src ? (
    <img className={classes.attachmentImage} src={src} alt={props.filename} />
  ) : (
    <Text size="xs" c="dimmed">
      Loading {props.filename}…
    </Text>
  );
}
