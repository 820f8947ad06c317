import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { OrderActivities } from '../activities';
import {
  allowedEvents,
  applyEvent,
  createOrder,
  durationToMs,
  nextReminder,
  recordRejectedEvent,
  SYSTEM_EVENT_TYPES,
  type AnyEvent,
  type Decision,
  type EffectKind,
  type OrderState,
  type SentEmail,
} from '../domain';
import {
  bookingRequestInput,
  cancellationNoticeInput,
  documentSetInput,
  stallReminderInput,
} from './effectInputs';
import type { OrderWorkflowInput } from './input';
import { orderEventSignal, orderQuery, recordEventUpdate, type EventSubmission } from './messages';
import { QUIET_STALL_TIMER_WHILE_REMINDING, UPDATES_AFTER_ACTIVITY_RESULTS } from './patches';
import { createVisibility } from './visibility';

// Emails to customers and forwarders: retried for hours through an SMTP outage, then recorded as
// failed so an operator can retry them (RETRY_FAILED_EFFECTS) instead of the order moving on blindly.
// They heartbeat while they run: a worker that died mid-send is noticed in seconds, not a minute.
const effects = proxyActivities<OrderActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 50 },
});

// A reminder is only useful while the stage is stalled: retry without limit, the stage change ends it.
const reminders = proxyActivities<OrderActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' },
});

const SYSTEM = 'system';

const now = () => new Date().toISOString();

/**
 * One export order from inquiry to release of documents. The domain reducer decides everything;
 * this shell holds the state, feeds it events (updates, signals and its own system events), runs
 * the effects the reducer returns as activities, and fires the stall reminders.
 */
export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderState> {
  let state =
    input.state ?? createOrder(input.order, input.policy, { now: input.createdAt, actor: input.createdBy });
  // Decided once per run, at its start: a run that began before v4 keeps the old order to the end.
  const updatesAfterActivityResults = patched(UPDATES_AFTER_ACTIVITY_RESULTS);
  const publish = createVisibility();
  const running = new Set<Promise<void>>();
  let eventsThisRun = 0;

  function apply(event: AnyEvent, actor: string): Decision {
    const decision = applyEvent(state, event, { now: now(), actor });
    if (!decision.ok || decision.duplicate) return decision;
    state = decision.state;
    eventsThisRun++;
    for (const effect of decision.effects) {
      if (effect.type === 'stageEntered') stallTimer.replan();
      else track(runEffect(effect.type));
    }
    stallTimer.replan();
    publish(state);
    return decision;
  }

  function track(work: Promise<void>): void {
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  async function runEffect(kind: EffectKind): Promise<void> {
    try {
      const email = await performEffect(kind);
      apply({ type: 'EFFECT_COMPLETED', effect: kind, email }, SYSTEM);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const reason = err.cause?.message ?? err.message;
      log.warn('order effect failed for good; waiting for an operator', {
        orderId: state.orderId,
        kind,
        reason,
      });
      apply({ type: 'EFFECT_FAILED', effect: kind, error: reason }, SYSTEM);
    }
  }

  function performEffect(kind: EffectKind): Promise<SentEmail> {
    const at = now();
    switch (kind) {
      case 'requestBooking': {
        const request = bookingRequestInput(state, input.defaultForwarder, at);
        return effects.sendBookingRequest.executeWithOptions(
          { summary: `booking request to ${request.forwarder.name}` },
          [request],
        );
      }
      case 'sendDocumentCopies':
        return effects.sendDocumentCopies.executeWithOptions({ summary: 'document copies to the customer' }, [
          documentSetInput(state, at),
        ]);
      case 'dispatchDocuments':
        return effects.dispatchDocuments.executeWithOptions(
          { summary: 'final document set to the customer' },
          [documentSetInput(state, at)],
        );
      case 'notifyCancelled':
        return effects.sendCancellationNotice.executeWithOptions(
          { summary: `cancellation notice to ${state.accountManager.email}` },
          [cancellationNoticeInput(state, at)],
        );
    }
  }

  const stallTimer = createStallTimer(() => state);

  async function sendDueReminder(): Promise<void> {
    const reminder = nextReminder(state);
    if (!reminder || Date.parse(reminder.dueAt) > Date.now()) return;
    if (!state.stalled) apply({ type: 'STAGE_STALLED', stage: state.stage }, SYSTEM);
    const stage = state.stage;
    const request = stallReminderInput(state, reminder, allowedEvents(state), now());
    const label = `${stage.toLowerCase()} reminder #${state.remindersSentInStage + 1} to ${reminder.to.join(', ')}`;
    try {
      const email = await reminders.sendStallReminder.executeWithOptions(
        { summary: reminder.escalated ? `${label} (escalated)` : label },
        [request],
      );
      apply({ type: 'REMINDER_SENT', sequence: request.sequence, stage, email }, SYSTEM);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      // Only a permanent failure gets here (a refused address): try again at the next interval.
      log.warn('stall reminder failed for good', {
        orderId: state.orderId,
        stage,
        reason: err.cause?.message,
      });
      await sleep(durationToMs(state.policy.repeatEvery), {
        summary: `retry the ${stage.toLowerCase()} reminder later`,
      });
    }
  }

  setHandler(orderQuery, () => state);

  setHandler(
    recordEventUpdate,
    async (submission: EventSubmission) => {
      if (updatesAfterActivityResults) await activityResultsApplied();
      const decision = apply(clientEvent(submission.event), submission.actor);
      // The validator saw the state before this activation's activity results and earlier updates
      // were applied; they may have made this event unfit (the client gets the validator's 409).
      if (!decision.ok) throw refusal(decision);
      return state;
    },
    {
      validator: (submission: EventSubmission) => {
        const decision = applyEvent(state, clientEvent(submission.event), {
          now: now(),
          actor: submission.actor,
        });
        if (!decision.ok) throw refusal(decision);
      },
    },
  );

  setHandler(orderEventSignal, (payload: unknown) => {
    const actor = signalActor(payload);
    const decision = apply(clientEvent(payload), actor);
    if (!decision.ok)
      state = recordRejectedEvent(state, payload, rejectionReason(decision), { now: now(), actor });
  });

  publish(state);
  stallTimer.replan();

  const closed = () => state.status !== 'OPEN';
  const waitingForOperator = () => state.failedEffects.length > 0;
  const historyIsLong = () =>
    workflowInfo().continueAsNewSuggested ||
    (input.continueAsNewAfterEvents !== undefined && eventsThisRun >= input.continueAsNewAfterEvents);

  for (;;) {
    await condition(
      () => stallTimer.due || (closed() && running.size === 0 && !waitingForOperator()) || historyIsLong(),
    );
    if (stallTimer.due) {
      stallTimer.due = false;
      // v2: no timer for the reminder being sent while it is sent (v1 started and cancelled one).
      const quiet = patched(QUIET_STALL_TIMER_WHILE_REMINDING);
      if (quiet) stallTimer.hold();
      await sendDueReminder();
      if (quiet) stallTimer.release();
      stallTimer.replan();
      continue;
    }
    if (historyIsLong()) {
      // Let running effects record their outcome first, so the next run starts from settled state.
      await condition(() => running.size === 0 && allHandlersFinished());
      stallTimer.cancel();
      await continueAsNew<typeof orderWorkflow>({ ...input, state });
    }
    break;
  }
  stallTimer.cancel();
  await condition(allHandlersFinished);
  return state;
}

/**
 * Resolves once the activation that called it has applied every activity result it brought. Core
 * runs update handlers before it resolves activities, and their results reach the workflow in
 * promise callbacks; those all run in the microtask drain that ends the activation. The flag below
 * flips at the start of that drain, and the SDK re-checks conditions only after it is over.
 */
async function activityResultsApplied(): Promise<void> {
  let drained = false;
  void Promise.resolve().then(() => (drained = true));
  await condition(() => drained);
}

/**
 * What a client sent, for the reducer, which checks it against the event schema itself. Only the
 * workflow may produce system events, so a client naming one gets a payload no schema accepts.
 */
function clientEvent(raw: unknown): AnyEvent {
  const type = raw && typeof raw === 'object' && 'type' in raw ? raw.type : undefined;
  const isSystem = SYSTEM_EVENT_TYPES.some((systemType) => systemType === type);
  return (isSystem ? { ...(raw as object), type: `client-sent ${String(type)}` } : raw) as AnyEvent;
}

/** A refused event as the API reads it: the reducer's code, its message and what fits now. */
function refusal(decision: Extract<Decision, { ok: false }>): ApplicationFailure {
  return ApplicationFailure.create({
    type: decision.code,
    message: decision.message,
    details: [{ stage: decision.stage, allowedEvents: decision.allowedEvents, fields: decision.details }],
    nonRetryable: true,
  });
}

/** The reducer's reason, with the first bad field when the event did not match its schema. */
function rejectionReason(decision: Extract<Decision, { ok: false }>): string {
  const [field] = decision.details ?? [];
  return field ? `${decision.message}: ${field.path} ${field.message}` : decision.message;
}

/** Who sent a signal: an `actor` field in the payload, else the UI/CLI user is unknown. */
function signalActor(payload: unknown): string {
  if (payload && typeof payload === 'object' && 'actor' in payload) {
    const actor = payload.actor;
    if (typeof actor === 'string' && actor.trim()) return actor.trim().slice(0, 100);
  }
  return 'temporal-signal';
}

/**
 * One durable timer for the next stall reminder. It is replanned after every change but only
 * restarted when the due time actually moves, so ordinary events add no timer churn to history.
 */
function createStallTimer(currentState: () => OrderState) {
  let scope: CancellationScope | undefined;
  let plannedFor: string | undefined;
  let held = false;
  const timer = {
    due: false,
    /** While a reminder is being sent, changes it causes (stalled, reminder count) plan nothing yet. */
    hold(): void {
      held = true;
    },
    release(): void {
      held = false;
    },
    replan(): void {
      if (held) return;
      const reminder = nextReminder(currentState());
      if (reminder?.dueAt === plannedFor) return;
      timer.cancel();
      if (!reminder) return;
      plannedFor = reminder.dueAt;
      const state = currentState();
      const ms = Math.max(0, Date.parse(reminder.dueAt) - Date.now());
      const thisScope = new CancellationScope();
      scope = thisScope;
      thisScope
        .run(() =>
          sleep(ms, {
            summary: `${state.stage.toLowerCase()} reminder #${reminder.sequence} due at ${reminder.dueAt}`,
          }),
        )
        .then(
          () => {
            if (scope === thisScope) {
              scope = undefined;
              plannedFor = undefined;
              timer.due = true;
            }
          },
          (err: unknown) => {
            if (!isCancellation(err)) throw err;
          },
        );
    },
    cancel(): void {
      scope?.cancel();
      scope = undefined;
      plannedFor = undefined;
    },
  };
  return timer;
}
