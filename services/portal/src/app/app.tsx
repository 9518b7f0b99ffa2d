import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppClient } from '../api/apollo-client';
import { LiveSocketProvider } from '../api/live-socket';
import { router } from './routes';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [client] = useState(createAppClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {/* Bottom, away from page actions, and no wider than a phone. */}
      <Notifications position="bottom-right" maw="min(440px, calc(100vw - 32px))" />
      <ApolloProvider client={client.apollo}>
        <LiveSocketProvider socket={client.ws}>
          <RouterProvider router={router} />
        </LiveSocketProvider>
      </ApolloProvider>
    </MantineProvider>
  );
}
