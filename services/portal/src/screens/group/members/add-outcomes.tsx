import { Badge, NativeSelect, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { AddMemberStatus } from '../../../gql/graphql';
import classes from './add-outcomes.module.css';

export interface AddOutcome {
  phone: string;
  status: AddMemberStatus;
  message: string | null;
}

/** Each status in words, in the order the summary lists them. */
export const ADD_STATUS_LABELS: Record<AddMemberStatus, string> = {
  ADDED: 'Added',
  ALREADY_MEMBER: 'Already a member',
  PENDING: 'Pending until they sign up',
  INVALID: 'Invalid',
  NOT_ALLOWED: 'Not allowed',
};

const STATUS_COLOURS: Record<AddMemberStatus, string> = { ADDED: 'green', ALREADY_MEMBER: 'gray', PENDING: 'blue', INVALID: 'red', NOT_ALLOWED: 'orange' };

const ORDER = Object.keys(ADD_STATUS_LABELS) as AddMemberStatus[];
const ROW_HEIGHT = 40;

/**
 * What became of each number of a bulk add: counts per status, and every number with its outcome and the server's
 * reason (virtualised: up to 10,000; rows grow to fit a reason).
 */
export function AddOutcomes(props: { outcomes: AddOutcome[] }) {
  const counts = useMemo(() => {
    const byStatus = new Map<AddMemberStatus, number>();
    for (const o of props.outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    return ORDER.filter((s) => byStatus.has(s)).map((status) => ({ status, count: byStatus.get(status)! }));
  }, [props.outcomes]);
  const [shown, setShown] = useState<AddMemberStatus | 'ALL'>('ALL');
  const rows = useMemo(() => (shown === 'ALL' ? props.outcomes : props.outcomes.filter((o) => o.status === shown)), [props.outcomes, shown]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  return (
    <Stack gap="sm">
      <ul className={classes.counts} aria-label="Outcomes by status">
        {counts.map(({ status, count }) => (
          <li key={status}>
            <Badge variant="dot" color={STATUS_COLOURS[status]} size="lg" tt="none">
              {ADD_STATUS_LABELS[status]}: {count.toLocaleString('en-GB')}
            </Badge>
          </li>
        ))}
      </ul>
      {counts.length > 1 && (
        <NativeSelect
          label="Show"
          value={shown}
          onChange={(e) => setShown(e.currentTarget.value as AddMemberStatus | 'ALL')}
          data={[
            { value: 'ALL', label: `All numbers (${props.outcomes.length.toLocaleString('en-GB')})` },
            ...counts.map(({ status, count }) => ({ value: status, label: `${ADD_STATUS_LABELS[status]} (${count.toLocaleString('en-GB')})` })),
          ]}
          style={{ maxWidth: 320 }}
        />
      )}
      <div ref={scrollRef} role="table" aria-label="Outcome for each number" aria-rowcount={rows.length + 1} tabIndex={0} className={classes.table}>
        <div role="rowgroup" className={classes.head}>
          <div role="row" aria-rowindex={1} className={classes.row}>
            <div role="columnheader">Number</div>
            <div role="columnheader">Outcome</div>
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const o = rows[item.index]!;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className={`${classes.row} ${classes.bodyRow}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <div role="cell">
                  <Text size="sm" truncate>
                    {o.phone}
                  </Text>
                </div>
                <div role="cell">
                  <Text size="sm" fw={500} c={o.status === 'INVALID' || o.status === 'NOT_ALLOWED' ? 'red.9' : undefined}>
                    {ADD_STATUS_LABELS[o.status]}
                  </Text>
                  {o.message && (
                    <Text size="xs" c="dimmed">
                      {o.message}
                    </Text>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </Stack>
  );
}
