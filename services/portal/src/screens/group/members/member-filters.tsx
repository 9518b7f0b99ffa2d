import { CloseButton, Group, NativeSelect, TextInput } from '@mantine/core';
import type { GroupRole } from '../../../gql/graphql';

export type RoleFilter = GroupRole | '';

/** Search by name or phone prefix, and filter by role: both are the API's own filters, so any group size stays fast. */
export function MemberFilters(props: { search: string; onSearch: (value: string) => void; role: RoleFilter; onRole: (role: RoleFilter) => void }) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search members"
        description="The start of a name, or of a phone number (+ or a digit first)"
        type="search"
        value={props.search}
        onChange={(e) => props.onSearch(e.currentTarget.value)}
        rightSection={props.search ? <CloseButton aria-label="Clear the search" onClick={() => props.onSearch('')} /> : null}
        style={{ flex: '1 1 16rem' }}
      />
      <NativeSelect
        label="Role"
        description="Show only"
        value={props.role}
        onChange={(e) => props.onRole(e.currentTarget.value as RoleFilter)}
        data={[
          { value: '', label: 'Everyone' },
          { value: 'OWNER', label: 'Owner' },
          { value: 'ADMIN', label: 'Admins' },
          { value: 'MEMBER', label: 'Members' },
        ]}
        style={{ flex: '0 1 12rem' }}
      />
    </Group>
  );
}
