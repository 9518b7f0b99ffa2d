import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page';

export function NotFoundScreen() {
  usePageTitle('Page not found');
  return (
    <Stack gap="sm" py="xl">
      <Title order={1}>Page not found</Title>
      <Text>There is nothing at this address. It may have been moved or deleted.</Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}
