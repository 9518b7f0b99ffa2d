import type { Client as WsClient } from 'graphql-ws';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const LiveSocketContext = createContext<WsClient | null>(null);

/** The app's one graphql-ws connection, for screens that manage their own subscriptions (a conversation resumes from its own cursor). */
export function LiveSocketProvider(props: { socket: WsClient; children: ReactNode }) {
  return <LiveSocketContext.Provider value={props.socket}>{props.children}</LiveSocketContext.Provider>;
}

export function useLiveSocket(): WsClient {
  const socket = useContext(LiveSocketContext);
  if (!socket) throw new Error('useLiveSocket needs a LiveSocketProvider above it');
  return socket;
}

/** graphql-ws closes an idle lazy socket with 1000 (normal closure): that is not being offline. */
const NORMAL_CLOSURE = 1000;

/**
 * Whether live updates are flowing: false while the browser says it is offline, or from an abnormal close of the
 * socket until it connects again (graphql-ws retries by itself, and subscriptions resume on the new socket).
 */
export function useOnline(): boolean {
  const socket = useLiveSocket();
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);
  const [socketUp, setSocketUp] = useState(true);
  useEffect(() => {
    const online = () => setBrowserOnline(true);
    const offline = () => setBrowserOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const offConnected = socket.on('connected', () => setSocketUp(true));
    const offClosed = socket.on('closed', (event) => {
      const code = (event as CloseEvent | undefined)?.code;
      if (code !== NORMAL_CLOSURE) setSocketUp(false);
    });
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      offConnected();
      offClosed();
    };
  }, [socket]);
  return browserOnline && socketUp;
}
