import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';

const req = (peer: string, xff?: string) => ({ socket: { remoteAddress: peer }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as unknown as IncomingMessage;
const trusted = ['127.0.0.1'];

describe('clientAddress', () => {
  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(clientAddress(req('127.0.0.1', '203.0.113.7'), trusted)).toBe('203.0.113.7');
    expect(clientAddress(req('198.51.100.2', '203.0.113.7'), trusted)).toBe('198.51.100.2');
  });

  it('takes the nearest untrusted hop, so a client cannot forge its place in the chain', () => {
    expect(clientAddress(req('127.0.0.1', '10.9.9.9, 203.0.113.7, 127.0.0.1'), trusted)).toBe('203.0.113.7');
    expect(clientAddress(req('127.0.0.1'), trusted)).toBe('127.0.0.1');
  });
});
