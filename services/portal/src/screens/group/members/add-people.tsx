import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { GroupRole } from '../../../gql/graphql';
import { AddOutcomes, type AddOutcome } from './add-outcomes';
import { forgetMemberLists } from './members-cache';
import { MAX_NUMBERS_PER_ADD, parsePhoneList } from './phone-list';
import { FormActions } from '../../../components/form-actions';

const AddGroupMembersMutation = graphql(`
  mutation AddGroupMembers($input: AddGroupMembersInput!) {
    addGroupMembers(input: $input) {
      group {
        id
        memberCount
      }
      outcomes {
        phone
        status
        message
      }
    }
  }
`);

const NUMBER = new Intl.NumberFormat('en-GB');

/**
 * Adds one number or up to 10,000 pasted at once. Repeats are left out here; whether each number is valid, and
 * what becomes of it, is the server's answer, shown number by number.
 */
export function AddPeopleModal(props: { groupId: string; groupName: string; opened: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [role, setRole] = useState<GroupRole>('MEMBER');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [outcomes, setOutcomes] = useState<AddOutcome[] | null>(null);
  const [add, { loading }] = useMutation(AddGroupMembersMutation);
  const deferredText = useDeferredValue(text);
  const list = useMemo(() => parsePhoneList(deferredText), [deferredText]);
  // One key per list and role: sending the same list again after a lost answer is answered as the first call was,
  // adding nothing twice; a changed list is a new request.
  const requestKey = useMemo(() => crypto.randomUUID(), [text, role]);

  const reset = () => {
    setText('');
    setErrors([]);
    setOutcomes(null);
  };
  const close = () => {
    reset();
    props.onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { numbers } = parsePhoneList(text);
    if (numbers.length === 0) return setErrors([{ code: 'BAD_USER_INPUT', message: 'Enter at least one phone number.', field: 'members' }]);
    if (numbers.length > MAX_NUMBERS_PER_ADD) {
      return setErrors([
        {
          code: 'BAD_USER_INPUT',
          message: `At most ${NUMBER.format(MAX_NUMBERS_PER_ADD)} numbers can be added at once; this list has ${NUMBER.format(numbers.length)}. Split it and add each part.`,
          field: 'members',
        },
      ]);
    }
    setErrors([]);
    try {
      const { data } = await add({
        variables: { input: { groupId: props.groupId, members: numbers.map((phone) => ({ phone, role })), requestKey } },
        update: (cache, result) => {
          if (result.data?.addGroupMembers.outcomes.some((o) => o.status === 'ADDED')) forgetMemberLists(cache, props.groupId);
        },
      });
      if (data) setOutcomes(data.addGroupMembers.outcomes);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const { byField, general } = splitByField(errors, ['members', 'role']);

  return (
    <Modal opened={props.opened} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title={`Add people to ${props.groupName}`} size="lg">
      {outcomes ? (
        <Stack gap="md">
          <Text size="sm">
            {NUMBER.format(outcomes.length)} {outcomes.length === 1 ? 'number was' : 'numbers were'} sent. What became of each:
          </Text>
          <AddOutcomes outcomes={outcomes} />
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              Add more people
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack gap="md">
            <Textarea
              label="Phone numbers"
              description="One number, or many: one per line, or separated by commas or semicolons (up to 10,000 at once). With + and the country code, for example +14155550123."
              autosize
              minRows={4}
              maxRows={12}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={byField['members']}
              required
              data-autofocus
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {list.numbers.length === 0
                ? 'No numbers yet.'
                : `${NUMBER.format(list.numbers.length)} ${list.numbers.length === 1 ? 'number' : 'numbers'} to add` +
                  (list.repeats > 0 ? ` (${NUMBER.format(list.repeats)} repeated ${list.repeats === 1 ? 'number' : 'numbers'} left out).` : '.')}
            </Text>
            <NativeSelect
              label="Role"
              description="Admins can change the group's members and settings."
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as GroupRole)}
              error={byField['role']}
              data={[
                { value: 'MEMBER', label: 'Member' },
                { value: 'ADMIN', label: 'Admin' },
              ]}
            />
            <ErrorAlert errors={general} />
            <FormActions onCancel={close} loading={loading}>
              Add people
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
