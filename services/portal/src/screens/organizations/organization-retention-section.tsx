import { useMutation } from '@apollo/client/react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { keepDaysOf, RetentionPeriodFields, toRetentionDraft, type RetentionDraft } from '../../components/retention-period-fields';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const OrganizationRetentionFragment = graphql(`
  fragment OrganizationRetention on Organization {
    id
    messageRetentionDays
  }
`);

const SetMessageRetentionMutation = graphql(`
  mutation SetMessageRetention($input: SetMessageRetentionInput!) {
    setMessageRetention(input: $input) {
      organization {
        id
        ...OrganizationRetention
      }
    }
  }
`);

/** How long the organisation's messages are kept: for ever, or a number of days. Its admins only. */
export function OrganizationRetentionSection(props: { organization: FragmentType<typeof OrganizationRetentionFragment> }) {
  const organization = getFragmentData(OrganizationRetentionFragment, props.organization);
  const [draft, setDraft] = useState<RetentionDraft>(() => toRetentionDraft(organization.messageRetentionDays));
  const [errors, setErrors] = useState<UserError[]>([]);
  const [save, { loading }] = useMutation(SetMessageRetentionMutation);

  // What is stored, once saved or changed elsewhere.
  useEffect(() => setDraft(toRetentionDraft(organization.messageRetentionDays)), [organization.messageRetentionDays]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = keepDaysOf(draft);
    if ('error' in input) return setErrors([input.error]);
    setErrors([]);
    try {
      await save({ variables: { input: { organizationId: organization.id, keepDays: input.keepDays } } });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: input.keepDays === null ? 'Messages are now kept for ever.' : `Messages are now deleted after ${input.keepDays.toLocaleString()} days.`,
        color: 'green',
      });
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const { byField, general } = splitByField(errors, ['keepDays']);

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="organization-retention-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="organization-retention-heading">
            Message retention
          </Title>
          <Text size="sm" c="dimmed">
            How long the organisation&apos;s groups keep their messages and files. A group can set its own period, shorter or longer, and a legal hold stops
            deletion in it: both are in the group&apos;s settings. Deletions are recorded in the audit log.
          </Text>
        </Stack>
        <RetentionPeriodFields
          draft={draft}
          onChange={setDraft}
          defaultLabel="Keep messages for ever"
          defaultDescription="Nothing is deleted unless a group sets its own period."
          daysDescription="Older messages are deleted, in every group without a period of its own."
          error={byField['keepDays']}
        />
        <ErrorAlert errors={general} />
        <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
          Save retention
        </Button>
      </Stack>
    </form>
  );
}
