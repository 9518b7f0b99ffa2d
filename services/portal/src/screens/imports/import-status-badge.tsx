import { Badge } from '@mantine/core';
import type { ImportMode, ImportStatus } from '../../gql/graphql';
import { statusColor, statusLabel } from './import-format';

/**
 * An import's state as a badge. Orange's and green's darkest shades are still too light for small text on their own
 * tint (WCAG AA), so those keep their background with the page's text colour.
 */
export function ImportStatusBadge(props: { status: ImportStatus; mode: ImportMode; size?: 'sm' | 'md' | 'lg' }) {
  const color = statusColor(props.status);
  return (
    <Badge
      color={color}
      variant="light"
      size={props.size ?? 'md'}
      c={color === 'orange' || color === 'green' ? 'var(--mantine-color-text)' : undefined}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {statusLabel(props.status, props.mode)}
    </Badge>
  );
}
