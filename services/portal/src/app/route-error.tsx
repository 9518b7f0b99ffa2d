import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** A screen that failed to load (a new version was deployed, or the network dropped) or threw while drawing. */
export function RouteError() {
  const error = useRouteError();
  const chunkMissing = error instanceof TypeError && /import|module/i.test(error.message);
  const text = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : chunkMissing
      ? 'This screen could not be loaded; a newer version of the app may be available, or the connection dropped.'
      : 'Something went wrong while showing this screen.';
  return (
    <Container size="sm" py="xl">
      <Stack gap="sm">
        <Title order={1}>This screen could not be shown</Title>
        <Text role="alert">{text}</Text>
        <Anchor href={window.location.href}>Reload the page</Anchor>
      </Stack>
    </Container>
  );
}
