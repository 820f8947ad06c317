import { ApplicationFailure } from '@temporalio/common';
import { LetterInputError } from '../domain/letters/format';

/**
 * Input that cannot be formatted or rendered will be just as bad on the next attempt: fail at once.
 * The type is the one activities report bad input with (`FailureType.InvalidInput`), so documents
 * rendered inside an activity fail the same way wherever the code lives.
 */
export function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, 'InvalidActivityInput');
}

/** Runs pure domain code (a letter, a parse) with its bad-input error turned into that failure. */
export function checkedInput<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof LetterInputError) throw invalidInput(err.message);
    throw err;
  }
}
