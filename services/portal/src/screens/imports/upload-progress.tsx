import { Progress, Stack, Text } from '@mantine/core';
import type { UploadProgress } from '../../api/files';
import { formatBytes } from './import-format';

/** How much of a file has been sent; the service checks it as it arrives, so the answer follows soon after. */
export function UploadProgressBar(props: { fileName: string; progress: UploadProgress }) {
  const { loaded, total } = props.progress;
  const percent = total > 0 ? Math.min(100, (loaded / total) * 100) : 0;
  return (
    <Stack gap={4}>
      <Progress value={percent} aria-label={`Upload of ${props.fileName}`} transitionDuration={0} />
      <Text size="sm" c="dimmed">
        {percent >= 100
          ? `${props.fileName} is sent; waiting for the service to finish checking it…`
          : `Uploading ${props.fileName}: ${formatBytes(loaded)} of ${formatBytes(total)}`}
      </Text>
    </Stack>
  );
}
