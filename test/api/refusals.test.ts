/** The workflow's refusals of an event, as the API answers them (no servers needed). */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { updateRejection } from '../../src/api/temporalErrors';

const refused = (type: string, message: string, details: unknown[] = []) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, details, nonRetryable: true }),
  );

describe('updateRejection', () => {
  it('FORBIDDEN is 403 and CORRECTION_NOT_ALLOWED 409, each with the reducer message', () => {
    expect(updateRejection(refused('FORBIDDEN', 'a manager corrects what the bank has seen'))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: 'a manager corrects what the bank has seen',
    });
    expect(updateRejection(refused('CORRECTION_NOT_ALLOWED', 'an email that went out stays'))).toMatchObject({
      status: 409,
      code: 'CORRECTION_NOT_ALLOWED',
      message: 'an email that went out stays',
    });
  });

  it('ORDER_ARCHIVED is 409 with the stage it ended in', () => {
    const error = updateRejection(
      refused('ORDER_ARCHIVED', 'order PO-1 was archived', [{ stage: 'COMPLETED', archivedAt: 'x' }]),
    );
    expect(error).toMatchObject({ status: 409, code: 'ORDER_ARCHIVED' });
    expect(error?.details).toEqual({ stage: 'COMPLETED', allowedEvents: [] });
  });
});
