import { Button, Group, MultiSelect, Radio, Select, Stack, Text } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { ExistingUsers } from '../../gql/graphql';
import { countryOptions } from './countries';

export const ImportTargetGroupFragment = graphql(`
  fragment ImportTargetGroup on Group {
    id
    name
    myRole
  }
`);

export const ImportTargetGroupsFragment = graphql(`
  fragment ImportTargetGroups on Organization {
    groups(first: 100) {
      edges {
        cursor
        node {
          id
          ...ImportTargetGroup
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The most groups one import adds people to (the service's limit). */
export const MAX_TARGET_GROUPS = 20;

export interface ImportDraft {
  target: 'directory' | 'groups';
  groupIds: string[];
  defaultCountry: string | null;
  existingUsers: ExistingUsers;
}

const COUNTRIES = countryOptions();

/** Where the people go, how their numbers are read, and what happens to people already in the directory. */
export function ImportSettingsFields(props: {
  organization: FragmentType<typeof ImportTargetGroupsFragment>;
  draft: ImportDraft;
  onChange: (draft: ImportDraft) => void;
  errors: Record<string, string>;
  disabled: boolean;
  onLoadMoreGroups: (after: string) => void;
  loadingMoreGroups: boolean;
}) {
  const { draft, onChange } = props;
  const groups = getFragmentData(ImportTargetGroupsFragment, props.organization).groups;
  // An organisation admin may only import into groups they own or administer (the service checks this too).
  const options = groups.edges.map((e) => {
    const g = getFragmentData(ImportTargetGroupFragment, e.node);
    const manages = g.myRole === 'OWNER' || g.myRole === 'ADMIN';
    return { value: g.id, label: manages ? g.name : `${g.name} (you are not its admin)`, disabled: !manages };
  });

  return (
    <Stack gap="md">
      <Radio.Group label="Import into" value={draft.target} onChange={(value) => onChange({ ...draft, target: value === 'groups' ? 'groups' : 'directory' })}>
        <Stack gap="xs" mt={6}>
          <Radio value="directory" label="The organisation's directory only" disabled={props.disabled} />
          <Radio value="groups" label="The directory, and groups" disabled={props.disabled} />
        </Stack>
      </Radio.Group>
      {draft.target === 'groups' && (
        <Stack gap={4}>
          <MultiSelect
            label="Groups"
            description={`Everyone in the file is added to these groups (at most ${MAX_TARGET_GROUPS}), with the file's Group role.`}
            placeholder={draft.groupIds.length === 0 ? 'Choose groups' : undefined}
            data={options}
            value={draft.groupIds}
            onChange={(groupIds) => onChange({ ...draft, groupIds })}
            searchable
            nothingFoundMessage="No group by that name"
            maxValues={MAX_TARGET_GROUPS}
            error={props.errors['groupIds']}
            disabled={props.disabled}
            required
            comboboxProps={{ withinPortal: true }}
            maw={560}
          />
          {groups.pageInfo.hasNextPage && groups.pageInfo.endCursor && (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => props.onLoadMoreGroups(groups.pageInfo.endCursor!)} loading={props.loadingMoreGroups}>
                Load more groups
              </Button>
            </Group>
          )}
          {options.length === 0 && (
            <Text size="sm" c="dimmed">
              The organisation has no groups yet; create one first, or import into the directory only.
            </Text>
          )}
        </Stack>
      )}
      <Select
        label="Country of numbers without a country code"
        description="Numbers written with + and a country code are read as they are."
        data={COUNTRIES}
        value={draft.defaultCountry}
        onChange={(defaultCountry) => onChange({ ...draft, defaultCountry })}
        searchable
        allowDeselect={false}
        nothingFoundMessage="No country by that name"
        error={props.errors['defaultCountry']}
        disabled={props.disabled}
        required
        comboboxProps={{ withinPortal: true }}
        maw={360}
      />
      <Radio.Group
        label="People already in the directory"
        value={draft.existingUsers}
        onChange={(value) => onChange({ ...draft, existingUsers: value === 'UPDATE' ? 'UPDATE' : 'SKIP' })}
        error={props.errors['existingUsers']}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="SKIP"
            label="Leave them as they are"
            description="They keep their record, and are still added to the groups."
            disabled={props.disabled}
          />
          <Radio
            value="UPDATE"
            label="Update them from the file"
            description="They get the file's network and attributes, and its name if they never signed in."
            disabled={props.disabled}
          />
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
