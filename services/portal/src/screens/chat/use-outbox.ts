import { useMutation } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { userError } from '../../api/errors';
import { graphql } from '../../gql';
import { chatMessage, type ChatMessage } from './message-item';

const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        ...ChatMessage
      }
    }
  }
`);

export interface Draft {
  text: string;
  replyTo: { id: string; authorName: string; text: string } | null;
  mentionIds: string[];
  attachmentIds: string[];
  attachmentNames: string[];
  announcement: boolean;
}

/** A message on its way: shown at once, then replaced by the stored one; when sending fails, kept with the reason and a retry. */
export interface OutgoingMessage {
  /** The idempotency key: a retry sends the same one, so the server keeps the message once however often it is tried. */
  key: string;
  draft: Draft;
  status: 'sending' | 'failed';
  error: string | null;
}

/**
 * The reader's messages being sent, in the order written. Each keeps its idempotency key across retries, so a send
 * whose answer was lost (the server stored it, the network dropped the reply) is stored once when tried again.
 */
export function useOutbox(groupId: string, onSent: (message: ChatMessage) => void) {
  const [send] = useMutation(SendMessageMutation);
  const [outgoing, setOutgoing] = useState<OutgoingMessage[]>([]);

  const attempt = useCallback(
    async (key: string, draft: Draft) => {
      setOutgoing((list) => list.map((o) => (o.key === key ? { ...o, status: 'sending', error: null } : o)));
      try {
        const { data } = await send({
          variables: {
            input: {
              groupId,
              text: draft.text,
              idempotencyKey: key,
              replyToId: draft.replyTo?.id ?? null,
              mentions: draft.mentionIds,
              attachmentIds: draft.attachmentIds,
              announcement: draft.announcement,
            },
          },
        });
        if (!data) throw new Error('no answer');
        onSent(chatMessage(data.sendMessage.message));
        setOutgoing((list) => list.filter((o) => o.key !== key));
      } catch (error) {
        const reason = userError(error)?.message ?? 'The message was not sent.';
        setOutgoing((list) => list.map((o) => (o.key === key ? { ...o, status: 'failed', error: reason } : o)));
      }
    },
    [groupId, onSent, send],
  );

  const enqueue = useCallback(
    (draft: Draft) => {
      const key = crypto.randomUUID();
      setOutgoing((list) => [...list, { key, draft, status: 'sending', error: null }]);
      void attempt(key, draft);
    },
    [attempt],
  );

  const retry = useCallback(
    (key: string) => {
      const item = outgoing.find((o) => o.key === key);
      if (item) void attempt(key, item.draft);
    },
    [attempt, outgoing],
  );

  const discard = useCallback((key: string) => setOutgoing((list) => list.filter((o) => o.key !== key)), []);

  return { outgoing, enqueue, retry, discard };
}
