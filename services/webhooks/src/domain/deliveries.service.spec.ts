import { RetrySchedule } from '@kz/webhooks';
import { disabledByFailures } from './deliveries.service';

describe('disabledByFailures', () => {
  it('says how many attempts failed over how long, from the schedule in force', () => {
    expect(disabledByFailures(new RetrySchedule())).toContain('Every one of 9 attempts to deliver an event failed, over 52 hours;');
    expect(disabledByFailures(new RetrySchedule({ delaysSeconds: [60, 120] }))).toContain('of 3 attempts to deliver an event failed, over 3 minutes;');
  });
});
