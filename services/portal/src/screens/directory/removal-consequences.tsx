import { List } from '@mantine/core';

/** What removal from an organisation takes away, said the same way for one person and for many. */
export function RemovalConsequences(props: { orgName: string }) {
  return (
    <List size="sm" spacing={4}>
      <List.Item>Their membership of every group of {props.orgName} ends.</List.Item>
      <List.Item>Their network, role and attribute values in {props.orgName} are deleted; adding them again starts afresh.</List.Item>
      <List.Item>They no longer see the organisation&apos;s directory. Their own account stays.</List.Item>
    </List>
  );
}
