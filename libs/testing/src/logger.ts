import pino from 'pino';

/** Logs only warnings and worse from services started inside a test, unless LOG_LEVEL says otherwise. */
export const silentLogger = () => pino({ level: process.env.LOG_LEVEL ?? 'error' });
