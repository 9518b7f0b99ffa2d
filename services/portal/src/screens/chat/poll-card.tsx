import { Button, Checkbox, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { graphql, type FragmentType, getFragmentData } from '../../gql';
import { useConversationUpdates } from './conversation-updates';

const PollCardFragment = graphql(`
  fragment PollCard on Poll {
    question
    options {
      index
      text
      votes
    }
    multipleChoice
    deadline
    closed
    resultsVisibleTo
    voters
    myAnswer
  }
`);

const AnswerPollMutation = graphql(`
  mutation AnswerPoll($input: AnswerPollInput!) {
    answerPoll(input: $input) {
      message {
        ...ChatMessage
      }
    }
  }
`);

const DEADLINE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A poll in a message: the choices, the reader's answer (changeable until the deadline), and the results when the reader may see them. */
export function PollCard(props: { messageId: string; poll: FragmentType<typeof PollCardFragment> }) {
  const poll = getFragmentData(PollCardFragment, props.poll);
  const updates = useConversationUpdates();
  const [choice, setChoice] = useState<number[]>(poll.myAnswer ?? []);
  const [answer, answering] = useMutation(AnswerPollMutation);
  const answered = (poll.myAnswer ?? []).length > 0;
  const changed = choice.slice().sort().join() !== (poll.myAnswer ?? []).slice().sort().join();
  const total = poll.voters ?? 0;

  const submit = async () => {
    const result = await answer({ variables: { input: { messageId: props.messageId, optionIndexes: choice } } }).catch(() => null);
    if (result?.data) updates.upsert(result.data.answerPoll.message);
  };

  return (
    <Stack gap={6} mt={4} role="group" aria-label={`Poll: ${poll.question}`}>
      <Text size="sm" fw={700}>
        {poll.question}
      </Text>
      {poll.options.map((option) => {
        const label = option.text;
        const selected = choice.includes(option.index);
        const toggle = () =>
          setChoice(poll.multipleChoice ? (selected ? choice.filter((i) => i !== option.index) : [...choice, option.index]) : [option.index]);
        return (
          <Stack key={option.index} gap={2}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              {poll.multipleChoice ? (
                <Checkbox size="xs" label={label} checked={selected} disabled={poll.closed} onChange={toggle} />
              ) : (
                <Radio size="xs" label={label} checked={selected} disabled={poll.closed} onChange={toggle} name={`poll-${props.messageId}`} />
              )}
              {option.votes !== null && (
                <Text size="xs" c="dimmed" aria-label={`${option.votes} votes for ${label}`}>
                  {option.votes}
                </Text>
              )}
            </Group>
            {option.votes !== null && total > 0 && <Progress value={(option.votes / total) * 100} size="xs" aria-hidden />}
          </Stack>
        );
      })}
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {poll.voters === null ? 'Results are shown to admins only' : `${poll.voters} ${poll.voters === 1 ? 'person has' : 'people have'} answered`}
          {poll.deadline && ` · ${poll.closed ? 'Closed' : 'Closes'} ${DEADLINE.format(new Date(poll.deadline))}`}
          {!poll.deadline && poll.closed && ' · Closed'}
        </Text>
        {!poll.closed && (
          <Button size="compact-xs" onClick={() => void submit()} disabled={choice.length === 0 || !changed} loading={answering.loading}>
            {answered ? 'Change vote' : 'Vote'}
          </Button>
        )}
      </Group>
      {answering.error && <ErrorAlert error={answering.error} />}
    </Stack>
  );
}
