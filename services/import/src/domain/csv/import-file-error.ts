import { InputProblemError } from '@kz/errors';

export type ImportFileProblem =
  'EMPTY_FILE' | 'NOT_TEXT' | 'NO_PHONE_COLUMN' | 'NO_NAME_COLUMN' | 'UNKNOWN_COLUMN' | 'TOO_MANY_COLUMNS' | 'MALFORMED_CSV' | 'TOO_LARGE';

/** A problem with the whole file: the import fails at once with this reason. */
export class ImportFileError extends InputProblemError<ImportFileProblem> {
  override name = 'ImportFileError';
  constructor(problem: ImportFileProblem, message: string) {
    super(problem, message, 'file');
  }
}
