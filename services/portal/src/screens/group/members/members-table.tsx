import { Checkbox, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { FragmentType } from '../../../gql';
import { LoadingRow, MemberRow, type MemberRowActions, type MemberRowFragment } from './member-row';
import classes from './members-table.module.css';

const ROW_HEIGHT = 48;
/** Rows drawn beyond the viewport on each side, so a flick never shows blank space. */
const OVERSCAN = 12;
/** Keep at least this many rows loaded below the viewport: the next page arrives before anyone scrolls to it. */
export const LOAD_AHEAD = 300;

export interface MemberTableRow {
  userId: string;
  name: string;
  membership: FragmentType<typeof MemberRowFragment>;
}

/**
 * Members in a virtual table: only the rows in view (and a few around them) are in the DOM, whatever the group's
 * size. Accessible as a table (role="table"/"row"/"cell", aria-rowcount/aria-rowindex), so a screen reader still
 * hears where each row sits in the whole.
 */
export function MembersTable(props: {
  label: string;
  rows: MemberTableRow[];
  /** All rows of the current view when known (no search or filter): the group's member count. */
  totalRows: number | null;
  hasMore: boolean;
  /** Asks for rows up to this index; the screen fetches the next page when it does not have them. */
  onNeedRows: (lastIndex: number) => void;
  selected: ReadonlyMap<string, string>;
  changingRoleOf: string | null;
  canManage: boolean;
  actions: MemberRowActions;
  onSelectAll: (selected: boolean) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = props.rows.length + (props.hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => props.rows[index]?.userId ?? `loading-${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : 0;
  const { onNeedRows } = props;

  useEffect(() => {
    onNeedRows(lastIndex + LOAD_AHEAD);
  }, [lastIndex, props.rows.length, onNeedRows]);

  // The table re-renders on every scroll frame; counting the selection waits for the rows or selection to change.
  const loadedSelected = useMemo(() => props.rows.filter((r) => props.selected.has(r.userId)).length, [props.rows, props.selected]);
  const allSelected = props.rows.length > 0 && loadedSelected === props.rows.length;

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={props.label}
      aria-rowcount={props.totalRows === null ? -1 : props.totalRows + 1}
      aria-busy={props.hasMore && lastIndex >= props.rows.length}
      tabIndex={0}
      className={classes.table}
    >
      <div role="rowgroup" className={classes.head}>
        <div role="row" aria-rowindex={1} className={classes.headerRow}>
          <div role="columnheader" className={classes.columnHeader}>
            {props.canManage ? (
              <Checkbox
                aria-label="Select all loaded members"
                checked={allSelected}
                indeterminate={loadedSelected > 0 && !allSelected}
                disabled={props.rows.length === 0}
                onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
              />
            ) : (
              <VisuallyHidden>Selection</VisuallyHidden>
            )}
          </div>
          <div role="columnheader" className={classes.columnHeader}>
            Name
          </div>
          <div role="columnheader" className={classes.columnHeader}>
            Role
          </div>
          <div role="columnheader" className={classes.columnHeader}>
            Joined
          </div>
          <div role="columnheader" className={classes.columnHeader}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </div>
        </div>
      </div>
      <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = props.rows[item.index];
          // Row 1 is the header, so members start at 2.
          if (!row) return <LoadingRow key={item.key} rowIndex={item.index + 2} top={item.start} />;
          return (
            <MemberRow
              key={item.key}
              membership={row.membership}
              rowIndex={item.index + 2}
              top={item.start}
              selected={props.selected.has(row.userId)}
              changingRole={props.changingRoleOf === row.userId}
              canManage={props.canManage}
              actions={props.actions}
            />
          );
        })}
      </div>
    </div>
  );
}
