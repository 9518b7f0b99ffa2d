import { jobProgress } from './job-progress';

const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, s));

describe('jobProgress', () => {
  it('knows nothing of rate before processing starts', () => {
    expect(jobProgress({ status: 'QUEUED', rowsTotal: 0, rowsProcessed: 0, processingStartedAt: null, finishedAt: null }, at(0))).toEqual({
      percent: 0,
      rowsPerSecond: null,
      estimatedSecondsLeft: null,
    });
  });

  it('gives percent, rows per second since processing began, and time left at that rate', () => {
    expect(jobProgress({ status: 'RUNNING', rowsTotal: 10_000, rowsProcessed: 2_500, processingStartedAt: at(0), finishedAt: null }, at(5))).toEqual({
      percent: 25,
      rowsPerSecond: 500,
      estimatedSecondsLeft: 15,
    });
  });

  it('stops the clock when the import ends, and has no time left then', () => {
    expect(jobProgress({ status: 'COMPLETED', rowsTotal: 10_000, rowsProcessed: 10_000, processingStartedAt: at(0), finishedAt: at(4) }, at(50))).toEqual({
      percent: 100,
      rowsPerSecond: 2_500,
      estimatedSecondsLeft: null,
    });
  });
});
