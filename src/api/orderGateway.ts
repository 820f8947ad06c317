import { randomUUID } from 'node:crypto';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import type { ApiConfig } from '../config/apiEnv';
import {
  contentFingerprint,
  durationToMs,
  orderView,
  type ActorRole,
  type CompanyGate,
  type OrderEvent,
  type OrderState,
  type OrderView,
} from '../domain';
import type * as workflows from '../workflows';
import type { OrderWorkflowInput } from '../workflows/input';
import {
  openedWithQuery,
  openOrderUpdate,
  orderQuery,
  recordEventUpdate,
  type EventOutcome,
  type EventSubmission,
  type OpenedOrder,
} from '../workflows/messages';
import { orderSearchAttributes, orderStageKey } from '../workflows/searchAttributes';
import { orderWorkflowId } from '../domain/company';
import { requiredCompany } from '../readModel/companyScope';
import { accountManagerPseudonym } from './pseudonym';
import type { TemporalAccess } from './temporalClient';
import { mapTemporalError, temporalAnswers, temporalUnavailable } from './temporalErrors';

// The workflow's type name (the worker registers each export of src/workflows by its name): the API
// names it rather than importing the workflow code.
const ORDER_WORKFLOW = 'orderWorkflow' satisfies keyof typeof workflows;

/**
 * The API's one way into Temporal: each method is one client call, bounded in time, with whatever
 * it throws mapped to the contract's errors. Routes never see a Temporal client.
 */
export interface OrderGateway {
  /**
   * Starts the order's workflow and answers with the order (update-with-start): `created` when this
   * call started it, else the same order was there already (a retried create; an archived one
   * answers without its view). Another order under the id is ORDER_EXISTS.
   */
  openOrder(input: OrderWorkflowInput): Promise<OpenedOrder | ArchivedOrderFound>;
  /**
   * Sends a validated event with the caller's role; the eventId (if any) is the update id, so the
   * server answers retries.
   */
  recordEvent(
    orderId: string,
    event: OrderEvent,
    actor: string,
    role?: ActorRole,
    actorId?: string,
    company?: CompanyGate,
    facts?: EventFacts,
  ): Promise<EventOutcome | ClosedOrder>;
  /** The order as its workflow holds it now (needs a worker): for orders the read model has not seen yet. */
  currentView(orderId: string): Promise<OrderView>;
  /**
   * The order's state as its last completed workflow task left it (a query waits for a task in
   * flight): what an event's answer is read from since release 1.1.
   */
  currentState(orderId: string): Promise<OrderState>;
  /** Does an order with this id exist in Temporal (open or closed)? */
  orderExists(orderId: string): Promise<boolean>;
  temporalAnswers(): Promise<boolean>;
}

/** What the API found for an event's decision beyond the company: a contract's credit, a rebate's rates. */
export type EventFacts = Pick<EventSubmission, 'credit' | 'rebate'>;

/** The order's workflow has ended (it was archived), so it took no event; `stage` is where it ended. */
export interface ClosedOrder {
  closed: true;
  stage: string;
}

/** A create retried after the order was archived: the same order, read from the read model. */
export interface ArchivedOrderFound {
  created: false;
  archived: true;
}

/** The order's workflow id in the company the request acts for. */
const workflowIdOf = (orderId: string) => orderWorkflowId(requiredCompany(), orderId);

export function orderGateway(temporal: TemporalAccess, config: ApiConfig): OrderGateway {
  const timeoutMs = durationToMs(config.api.workerTimeout);
  const bounded = <T>(client: Client, fn: () => Promise<T>): Promise<T> =>
    client.withDeadline(Date.now() + timeoutMs, fn);

  async function getClient(): Promise<Client> {
    try {
      return await temporal.getClient();
    } catch (err) {
      throw temporalUnavailable(err);
    }
  }

  /** Runs one Temporal call and maps whatever it throws to the contract. */
  async function call<T>(
    opts: { orderId?: string; needsWorker: boolean },
    fn: (client: Client) => Promise<T>,
  ): Promise<T> {
    const client = await getClient();
    try {
      return await bounded(client, () => fn(client));
    } catch (err) {
      throw await mapTemporalError(err, client, opts);
    }
  }

  /** A closed order's final stage from its search attributes; undefined while it runs or if none exists. */
  async function closedStage(client: Client, orderId: string): Promise<string | undefined> {
    try {
      const description = await client.workflow.getHandle(workflowIdOf(orderId)).describe();
      if (description.status.name === 'RUNNING') return undefined;
      return description.typedSearchAttributes.get(orderStageKey) ?? description.status.name;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }

  return {
    openOrder(input) {
      const { order } = input;
      const fingerprint = contentFingerprint(order);
      // New for every call: the workflow tells the request that started it from a retry.
      const requestId = input.createRequestId ?? randomUUID();
      const company = requiredCompany();
      return call({ orderId: order.orderId, needsWorker: true }, async (client) => {
        const start = new WithStartWorkflowOperation<typeof workflows.orderWorkflow>(ORDER_WORKFLOW, {
          workflowId: orderWorkflowId(company, order.orderId),
          taskQueue: config.temporal.taskQueue,
          args: [{ ...input, company, createRequestId: requestId }],
          // A retried POST finds its own order (not created by it); another order under the same
          // id is refused by the workflow (ORDER_EXISTS), a new run after an archived one by the
          // reuse policy.
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: orderSearchAttributes({
            stage: 'INQUIRY',
            stalled: false,
            customer: order.customer,
            accountManagerPseudonym: accountManagerPseudonym(order.accountManager.email, config.pseudonymKey),
            company,
          }),
          staticSummary: `Export order ${order.orderId} · ${order.customer.company} · ${productLines(order.inquiry.products.length)}`,
        });
        try {
          // The update id is the request's: a retry with the order's fingerprint as its id would be
          // answered with the first answer, `created` included.
          return await client.workflow.executeUpdateWithStart(openOrderUpdate, {
            args: [{ fingerprint, requestId }],
            updateId: `open-${requestId}`,
            startWorkflowOperation: start,
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          // The order was archived: the same body is a retried create, another is ORDER_EXISTS.
          const openedWith = await client.workflow
            .getHandle(workflowIdOf(order.orderId))
            .query(openedWithQuery);
          if (openedWith !== fingerprint) throw err;
          return { created: false, archived: true } satisfies ArchivedOrderFound;
        }
      });
    },

    recordEvent(orderId, event, actor, role, actorId, company, facts) {
      return call({ orderId, needsWorker: true }, async (client) => {
        try {
          return await client.workflow.getHandle(workflowIdOf(orderId)).executeUpdate(recordEventUpdate, {
            args: [
              {
                event,
                actor,
                ...(role === undefined ? {} : { role }),
                ...(actorId === undefined ? {} : { actorId }),
                ...(company === undefined ? {} : { company }),
                ...facts,
              },
            ],
            updateId: event.eventId ?? randomUUID(),
          });
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          const stage = await closedStage(client, orderId);
          if (stage === undefined) throw err;
          return { closed: true, stage } satisfies ClosedOrder;
        }
      });
    },

    currentView(orderId) {
      return call({ orderId, needsWorker: true }, async (client) =>
        orderView(await client.workflow.getHandle(workflowIdOf(orderId)).query(orderQuery)),
      );
    },

    currentState(orderId) {
      return call({ orderId, needsWorker: true }, (client) =>
        client.workflow.getHandle(workflowIdOf(orderId)).query(orderQuery),
      );
    },

    orderExists(orderId) {
      return call({ orderId, needsWorker: false }, async (client) => {
        try {
          await client.workflow.getHandle(workflowIdOf(orderId)).describe();
          return true;
        } catch (err) {
          if (err instanceof WorkflowNotFoundError) return false;
          throw err;
        }
      });
    },

    async temporalAnswers() {
      try {
        return await temporalAnswers(await temporal.getClient());
      } catch {
        return false;
      }
    },
  };
}

function productLines(n: number): string {
  return `${n} product line${n === 1 ? '' : 's'}`;
}
