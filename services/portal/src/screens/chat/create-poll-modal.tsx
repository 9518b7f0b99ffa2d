import { useMutation } from '@apollo/client/react';
import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { splitByField, userErrors } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import type { PollResultsVisibility } from '../../gql/graphql';
import { chatMessage, type ChatMessage } from './message-item';

const CreatePollMutation = graphql(`
  mutation CreatePoll($input: CreatePollInput!) {
    createPoll(input: $input) {
      message {
        ...ChatMessage
      }
    }
  }
`);

const MAX_OPTIONS = 20;

/** A poll for the group: a question, 2 to 20 choices, one or several answers, an optional deadline, who sees the results. */
export function CreatePollModal(props: { groupId: string; opened: boolean; onClose: () => void; onCreated: (message: ChatMessage) => void }) {
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const [multipleChoice, setMultipleChoice] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [visibility, setVisibility] = useState<PollResultsVisibility>('EVERYONE');
  // One key per poll being written: pressing Create again after a lost answer does not post it twice.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [create, creating] = useMutation(CreatePollMutation);
  const { byField, general } = splitByField(userErrors(creating.error), ['question', 'options', 'deadline']);

  const reset = () => {
    setQuestion('');
    setOptions(['', '']);
    setMultipleChoice(false);
    setDeadline('');
    setVisibility('EVERYONE');
    setKey(crypto.randomUUID());
    creating.reset();
  };

  const submit = async () => {
    const result = await create({
      variables: {
        input: {
          groupId: props.groupId,
          question,
          options: options.map((o) => o.trim()).filter(Boolean),
          multipleChoice,
          deadline: deadline ? new Date(deadline).toISOString() : null,
          resultsVisibleTo: visibility,
          idempotencyKey: key,
        },
      },
    }).catch(() => null);
    if (!result?.data) return;
    props.onCreated(chatMessage(result.data.createPoll.message));
    reset();
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Create a poll">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Question" value={question} onChange={(e) => setQuestion(e.currentTarget.value)} error={byField['question']} required />
          {options.map((option, i) => (
            <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={`Choice ${i + 1}`}
                value={option}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setOptions((list) => list.map((o, j) => (j === i ? value : o)));
                }}
              />
              {options.length > 2 && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={`Remove choice ${i + 1}`}
                  onClick={() => setOptions((list) => list.filter((_, j) => j !== i))}
                >
                  <span aria-hidden>✕</span>
                </ActionIcon>
              )}
            </Group>
          ))}
          {byField['options'] && <ErrorAlert errors={[{ code: 'BAD_USER_INPUT', message: byField['options'] }]} />}
          {options.length < MAX_OPTIONS && (
            <Button variant="subtle" size="xs" onClick={() => setOptions((list) => [...list, ''])} style={{ alignSelf: 'flex-start' }}>
              Add a choice
            </Button>
          )}
          <Checkbox label="People may choose more than one" checked={multipleChoice} onChange={(e) => setMultipleChoice(e.currentTarget.checked)} />
          <TextInput
            type="datetime-local"
            label="Closes at (optional)"
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={byField['deadline']}
          />
          <Select
            label="Who sees the results"
            data={[
              { value: 'EVERYONE', label: 'Everyone in the group' },
              { value: 'ADMINS', label: 'Admins only' },
            ]}
            value={visibility}
            allowDeselect={false}
            onChange={(value) => value && setVisibility(value as PollResultsVisibility)}
          />
          <ErrorAlert errors={general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={creating.loading}>
              Create poll
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
