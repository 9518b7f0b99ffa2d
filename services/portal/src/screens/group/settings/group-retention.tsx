import { useMutation } from '@apollo/client/react';
import { Button, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { keepDaysOf, RetentionPeriodFields, toRetentionDraft, type RetentionDraft } from '../../../components/retention-period-fields';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const GroupRetentionFragment = graphql(`
  fragment GroupRetention on Group {
    id
    messageRetentionDays
    legalHold
    organization {
      id
      messageRetentionDays
    }
  }
`);

const SetGroupRetentionMutation = graphql(`
  mutation SetGroupRetention($input: SetGroupRetentionInput!) {
    setGroupRetention(input: $input) {
      group {
        id
        ...GroupRetention
      }
    }
  }
`);

function organizationPeriod(days: number | null | undefined): string {
  return days == null ? 'The organisation keeps messages for ever.' : `The organisation deletes messages after ${days.toLocaleString()} days.`;
}

/**
 * How long an organisation group keeps its messages (the organisation's period, or its own), and whether a legal hold
 * stops their deletion. Only the organisation's admins set it (and see it): the settings tab shows it to them only.
 */
export function GroupRetention(props: { group: FragmentType<typeof GroupRetentionFragment> }) {
  const group = getFragmentData(GroupRetentionFragment, props.group);
  const [draft, setDraft] = useState<RetentionDraft>(() => toRetentionDraft(group.messageRetentionDays));
  const [legalHold, setLegalHold] = useState(group.legalHold);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [save, { loading }] = useMutation(SetGroupRetentionMutation);

  // What is stored, once saved or changed elsewhere.
  useEffect(() => {
    setDraft(toRetentionDraft(group.messageRetentionDays));
    setLegalHold(group.legalHold);
  }, [group.messageRetentionDays, group.legalHold]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = keepDaysOf(draft);
    if ('error' in input) return setErrors([input.error]);
    setErrors([]);
    try {
      await save({ variables: { input: { groupId: group.id, keepDays: input.keepDays, legalHold } } });
      notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, message: 'Message retention saved.', color: 'green' });
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const { byField, general } = splitByField(errors, ['keepDays', 'legalHold']);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="group-retention-heading">
      <Stack gap="md" maw={560}>
        <Stack gap={4}>
          <Title order={2} size="h4" id="group-retention-heading">
            Message retention
          </Title>
          <Text size="sm" c="dimmed">
            How long this group keeps its messages and files before they are deleted. Deletions are recorded in the organisation&apos;s audit log.
          </Text>
        </Stack>
        <RetentionPeriodFields
          draft={draft}
          onChange={setDraft}
          defaultLabel="Same as the organisation"
          defaultDescription={organizationPeriod(group.organization?.messageRetentionDays)}
          daysDescription="A period of the group's own, shorter or longer than the organisation's."
          error={byField['keepDays']}
        />
        <Switch
          label="Legal hold"
          description="While on, no message of this group is deleted, whatever the retention period."
          checked={legalHold}
          onChange={(e) => setLegalHold(e.currentTarget.checked)}
          error={byField['legalHold']}
        />
        <ErrorAlert errors={general} />
        <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
          Save retention
        </Button>
      </Stack>
    </form>
  );
}
