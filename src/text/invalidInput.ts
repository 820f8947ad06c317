import { ApplicationFailure } from '@temporalio/common';

/**
 * Input that cannot be formatted or rendered will be just as bad on the next attempt: fail at once.
 * The type is the one activities report bad input with (`FailureType.InvalidInput`), so documents
 * rendered inside an activity fail the same way wherever the code lives.
 */
export function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, 'InvalidActivityInput');
}
