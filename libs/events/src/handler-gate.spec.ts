import { HandlerGate } from './handler-gate';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('HandlerGate', () => {
  it('runs shared work side by side, and alone work only once the shared work has ended and before any that comes later', async () => {
    const gate = new HandlerGate();
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} starts`);
      await tick();
      log.push(`${name} ends`);
    };
    const a = gate.shared(step('a'));
    const b = gate.shared(step('b'));
    const alone = gate.alone(step('alone'));
    const c = gate.shared(step('c'));
    await Promise.all([a, b, alone, c]);
    expect(log.slice(0, 2)).toEqual(['a starts', 'b starts']);
    expect(log.indexOf('alone starts')).toBeGreaterThan(Math.max(log.indexOf('a ends'), log.indexOf('b ends')));
    expect(log.indexOf('c starts')).toBe(log.indexOf('alone ends') + 1);
  });

  it('lets the next work in when alone work fails', async () => {
    const gate = new HandlerGate();
    await expect(gate.alone(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(gate.shared(() => Promise.resolve('yes'))).resolves.toBe('yes');
  });
});
