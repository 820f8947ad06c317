import { Context } from '@temporalio/activity';
import { DEFAULT_COMPANY } from '../domain/company';

/**
 * The company of the order whose workflow runs the current activity: its workflow id is
 * `<company>:<orderId>`; orders started before companies (an id without a colon) are `default`'s.
 */
export function activityCompany(): string {
  const workflowId = Context.current().info.workflowExecution?.workflowId ?? '';
  const colon = workflowId.indexOf(':');
  return colon > 0 ? workflowId.slice(0, colon) : DEFAULT_COMPANY;
}
