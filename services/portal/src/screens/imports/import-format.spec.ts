import { formatSecondsLeft, isFinished, outcomeSentence, statusLabel } from './import-format';

const counts = { total: 53, processed: 53, created: 50, updated: 0, unchanged: 0, failed: 3 };

describe('import-format', () => {
  it('knows which states are final', () => {
    expect(isFinished('RUNNING')).toBe(false);
    expect(isFinished('QUEUED')).toBe(false);
    expect(isFinished('COMPLETED_WITH_ERRORS')).toBe(true);
    expect(isFinished('CANCELLED')).toBe(true);
  });

  it('says what a dry run would do, and what an import did', () => {
    expect(outcomeSentence({ status: 'COMPLETED_WITH_ERRORS', mode: 'DRY_RUN', counts, failureReason: null })).toBe(
      '50 of 53 rows can be imported: 50 would be created, 0 would be updated, 0 unchanged. 3 rows would fail; the error report says why. Nothing has changed yet.',
    );
    expect(outcomeSentence({ status: 'COMPLETED', mode: 'APPLY', counts: { ...counts, failed: 0, created: 53 }, failureReason: null })).toBe(
      'All 53 rows were imported: 53 created, 0 updated, 0 unchanged.',
    );
    expect(outcomeSentence({ status: 'FAILED', mode: 'APPLY', counts, failureReason: 'The header has no phone column.' })).toBe(
      'The import stopped: The header has no phone column.',
    );
    expect(outcomeSentence({ status: 'RUNNING', mode: 'APPLY', counts, failureReason: null })).toBeNull();
    expect(statusLabel('RUNNING', 'DRY_RUN')).toBe('Checking rows');
  });

  it('writes time left compactly', () => {
    expect(formatSecondsLeft(42.4)).toBe('42 s');
    expect(formatSecondsLeft(200)).toBe('3 min 20 s');
    expect(formatSecondsLeft(3900)).toBe('1 h 5 min');
  });
});
