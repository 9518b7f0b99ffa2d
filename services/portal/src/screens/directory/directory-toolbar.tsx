import { Group, SegmentedControl, TextInput, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { NETWORK_LABELS, type NetworkFilter } from './directory-format';

const FILTERS: { value: NetworkFilter; label: string }[] = [
  { value: 'EMPLOYEE', label: NETWORK_LABELS.EMPLOYEE },
  { value: 'OTHER', label: NETWORK_LABELS.OTHER },
  { value: 'ALL', label: 'All' },
];

/** Search by name or phone prefix, and which network to show. */
export function DirectoryToolbar(props: {
  search: string;
  onSearch: (search: string) => void;
  filter: NetworkFilter;
  onFilter: (filter: NetworkFilter) => void;
  canSearchPhones: boolean;
}) {
  const filterLabel = useId();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        description={props.canSearchPhones ? 'The start of a name, or of a number with + and the country code' : 'The start of a name'}
        type="search"
        value={props.search}
        onChange={(e) => props.onSearch(e.currentTarget.value)}
        style={{ flex: '1 1 16rem', maxWidth: 420 }}
      />
      <div role="group" aria-labelledby={filterLabel}>
        <VisuallyHidden id={filterLabel}>Network</VisuallyHidden>
        <SegmentedControl data={FILTERS} value={props.filter} onChange={(v) => props.onFilter(v as NetworkFilter)} aria-label="Network" />
      </div>
    </Group>
  );
}
