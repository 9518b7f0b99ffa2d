import { Button, Menu, Skeleton, Text } from '@mantine/core';
import { useSignOut } from '../app/sign-out';
import { useViewer } from '../app/viewer';

/** The signed-in person's name, opening their phone number and signing out. */
export function AccountMenu() {
  const { data } = useViewer();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" px={{ base: 6, sm: 'md' }} aria-label={`Account: ${data?.me?.displayName ?? 'signed in'}`}>
          <Text size="sm" truncate maw={{ base: 80, sm: 160 }}>
            {data?.me?.displayName ?? <Skeleton height={12} width={80} />}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {data?.me?.phone && <Menu.Label>{data.me.phone}</Menu.Label>}
        <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
