import { DomainError } from '@kz/errors';

export type ImportFileProblem =
  'EMPTY_FILE' | 'NOT_TEXT' | 'NO_PHONE_COLUMN' | 'NO_NAME_COLUMN' | 'UNKNOWN_COLUMN' | 'TOO_MANY_COLUMNS' | 'MALFORMED_CSV' | 'TOO_LARGE';

/** A problem with the whole file: the import fails at once with this reason. */
export class ImportFileError extends DomainError {
  constructor(
    readonly problem: ImportFileProblem,
    message: string,
  ) {
    super('BAD_USER_INPUT', message, 'file');
    this.name = 'ImportFileError';
  }
}
