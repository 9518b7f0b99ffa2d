import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Select, Stack, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { AccountMenu } from '../components/account-menu';
import { NotificationsButton } from '../screens/notifications/notifications-button';
import { Loading } from '../components/loading';
import { useViewer } from './viewer';

const LAST_ORGANIZATION_KEY = 'kz.lastOrganization';

const SECTIONS = [
  { path: 'groups', label: 'Groups' },
  { path: 'directory', label: 'Directory' },
  { path: 'attributes', label: 'User attributes' },
  { path: 'imports', label: 'Bulk upload' },
  { path: 'chat-import', label: 'Import a chat' },
  { path: 'connectors', label: 'Connectors' },
  { path: 'webhooks', label: 'Webhooks' },
  { path: 'audit', label: 'Audit log' },
  { path: 'exports', label: 'Exports' },
  { path: 'settings', label: 'Organisation settings' },
] as const;

export function rememberOrganization(orgId: string): void {
  localStorage.setItem(LAST_ORGANIZATION_KEY, orgId);
}

export function lastOrganization(): string | null {
  return localStorage.getItem(LAST_ORGANIZATION_KEY);
}

/** The frame around every signed-in screen: the organisation's sections, the organisation switcher, the person's menu. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  // The layout sits above the organisation's routes, so it reads the organisation from the address itself.
  const orgId = useMatch('/orgs/:orgId/*')?.params.orgId;
  const location = useLocation();
  const navigate = useNavigate();
  const { data } = useViewer();
  const organizations = data?.me?.organizations ?? [];
  const current = organizations.find((o) => o.organization.id === orgId);

  useEffect(() => {
    if (orgId) rememberOrganization(orgId);
  }, [orgId]);
  // A link followed on a phone closes the menu it was chosen from.
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <UnstyledButton component={RouterNavLink} to="/" fw={700} aria-label="Work chat, start page">
              Work chat
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="light" size="xs" component={RouterNavLink} to="/chat">
              Chats
            </Button>
            <NotificationsButton />
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section>
          <Stack gap="xs" mb="sm">
            {organizations.length > 0 && (
              <Select
                label="Organisation"
                data={organizations.map((o) => ({ value: o.organization.id, label: o.organization.name }))}
                value={current ? current.organization.id : null}
                placeholder="Choose an organisation"
                allowDeselect={false}
                onChange={(value) => value && navigate(`/orgs/${value}/groups`)}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <Button variant="light" size="xs" component={RouterNavLink} to="/organizations/new">
              Create an organisation
            </Button>
          </Stack>
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          {current && (
            <nav aria-label={`${current.organization.name} sections`}>
              <VisuallyHidden>
                <h2>{current.organization.name}</h2>
              </VisuallyHidden>
              {SECTIONS.map((s) => (
                <NavLink
                  key={s.path}
                  component={RouterNavLink}
                  to={`/orgs/${current.organization.id}/${s.path}`}
                  label={s.label}
                  active={location.pathname.startsWith(`/orgs/${current.organization.id}/${s.path}`)}
                />
              ))}
            </nav>
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
