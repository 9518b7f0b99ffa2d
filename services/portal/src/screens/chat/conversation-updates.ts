import { createContext, useContext } from 'react';
import type { FragmentType } from '../../gql';
import type { ChatMessageFragmentDoc } from './message-item';

/** What a message's own controls (a poll's vote) hand back to the open conversation: the message as the server now has it. */
export interface ConversationUpdates {
  upsert: (message: FragmentType<typeof ChatMessageFragmentDoc>) => void;
}

export const ConversationUpdatesContext = createContext<ConversationUpdates>({ upsert: () => undefined });

export function useConversationUpdates(): ConversationUpdates {
  return useContext(ConversationUpdatesContext);
}
