import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

const APP_NAME = 'Work chat';

export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

export interface Crumb {
  label: string;
  to: string;
}

/** A screen's heading (its one h1), where it sits, a line saying what it is for, and its main actions. */
export function Page(props: { title: string; description?: ReactNode; crumbs?: Crumb[]; actions?: ReactNode; children: ReactNode }) {
  usePageTitle(props.title);
  return (
    <Stack gap="md">
      {props.crumbs && props.crumbs.length > 0 && (
        <nav aria-label="Breadcrumb">
          <Breadcrumbs separator="›">
            {props.crumbs.map((c) => (
              <Anchor key={c.to} component={Link} to={c.to} size="sm">
                {c.label}
              </Anchor>
            ))}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {props.title}
          </Title>
          {props.description && (
            <Text c="dimmed" size="sm">
              {props.description}
            </Text>
          )}
        </Stack>
        {props.actions && <Group gap="xs">{props.actions}</Group>}
      </Group>
      {props.children}
    </Stack>
  );
}
