import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  currentUpdateInfo,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { OrderActivities, ReminderNotice } from '../activities';
import {
  allowedEvents,
  applyFact,
  contentFingerprint,
  createOrder,
  creationRecord,
  decideCommand,
  durationToMs,
  effectInput,
  isManagerEvent,
  nextReminder,
  orderView,
  recordRejectedEvent,
  resolveStallPolicy,
  type Decision,
  type EffectKind,
  type OrderState,
  type SentEmail,
  type SystemEvent,
} from '../domain';
import { DEFAULT_ARCHIVE_AFTER } from '../domain/archive';
import { effectDefinition, stallReminderInput, type EmailActivity, type MessageKey } from '../domain/effects';
import { ArchiveTimer } from './archiveTimer';
import { MoneyTimer } from './moneyTimer';
import { releasePatchesOf } from './releasePatches';
import { READ_MODEL_FROM_ANSWERS } from './releases';
import { stallNotice } from './chatNotice';
import type { OrderWorkflowInput } from './input';
import {
  openedWithQuery,
  openOrderUpdate,
  ORDER_ARCHIVED,
  orderEventSignal,
  orderQuery,
  recordEventUpdate,
  RUN_DRAINING,
  type CommittedEvent,
  type EventOutcome,
  type EventSubmission,
} from './messages';
import { ReadModelProjection } from './projection';
import { StallTimer } from './stallTimer';
import { createVisibility } from './visibility';

// Emails to customers and forwarders: retried for hours through an SMTP outage, then recorded as
// failed so an operator can retry them (RETRY_FAILED_EFFECTS) instead of the order moving on blindly.
// They heartbeat while they run: a worker that died mid-send is noticed in seconds, not a minute.
const effects = proxyActivities<Record<EmailActivity, (input: MessageKey) => Promise<SentEmail>>>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 50 },
});

// A reminder is only useful while the stage is stalled: retried without limit, and cancelled by the
// stage change that makes it stale.
const reminders = proxyActivities<OrderActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' },
});

// A chat notice goes beside the reminder email: a few retries over about 20 minutes, then it is
// dropped (the email is the record); a robot that refuses the message is not asked again.
const chat = proxyActivities<OrderActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 10 },
});

const SYSTEM = 'system';
/** Client events per run before continuing as new: Temporal refuses a run's 2,000th update. */
const EVENTS_PER_RUN = 1_000;

const now = () => new Date().toISOString();

/**
 * One run of an order's workflow: the state, the reducer applied to every event, and the work the
 * reducer's effects start (emails, the read model, the stall reminder).
 */
export class OrderRun {
  private state: OrderState;
  private readonly stallTimer = new StallTimer(() => this.state);
  private readonly archiveTimer: ArchiveTimer;
  private readonly moneyTimer = new MoneyTimer(() => this.state);
  /** The releases after 1.0 this run follows (./releases.ts), read once at its start. */
  readonly releases = releasePatchesOf();
  /** Release 1.1: answers carry records, and the read model's own write waits in its activity. */
  private readonly answersFeedReadModel = this.releases.has(READ_MODEL_FROM_ANSWERS);
  private readonly projection = new ReadModelProjection(
    () => this.state,
    () => this.input.company,
    this.answersFeedReadModel,
  );
  private readonly publish = createVisibility();
  private readonly effectsRunning = new Set<Promise<void>>();
  private reminder: CancellationScope | undefined;
  private eventsThisRun = 0;
  /** Set once the run is done taking client events and drains before continuing as new. */
  private draining = false;
  /** The last update the validator passed: its decision, and the state it was decided on. */
  private validated: { updateId: string; basis: OrderState; decision: Decision } | undefined;

  constructor(private readonly input: OrderWorkflowInput) {
    this.archiveTimer = new ArchiveTimer(() => this.state, input.archiveAfter ?? DEFAULT_ARCHIVE_AFTER);
    if (input.state) {
      this.state = input.state;
    } else {
      const policy = resolveStallPolicy(input.stallDefaults, input.order, input.template?.body);
      const ctx = {
        now: input.createdAt,
        actor: input.createdBy,
        actorId: input.createdById ?? input.createdBy,
      };
      this.state = createOrder(input.order, policy, ctx, input.template);
      this.projection.add(creationRecord(this.state));
    }
  }

  /**
   * Runs until the order is archived or its history is long (continue as new). A closed order stays
   * open for its tail: notes and corrections, until it is settled and quiet for its archive period.
   */
  async run(): Promise<'closed' | 'continue'> {
    this.setHandlers();
    this.publish(this.state);
    this.stallTimer.replan();
    this.archiveTimer.replan();
    this.moneyTimer.replan();
    for (;;) {
      await condition(
        () =>
          this.stallTimer.due ||
          this.moneyTimer.due ||
          (this.archiveTimer.due && this.settled()) ||
          this.historyIsLong(),
      );
      if (this.stallTimer.due) {
        this.stallTimer.due = false;
        this.startReminder();
        continue;
      }
      if (this.moneyTimer.due) {
        this.moneyTimer.due = false;
        this.fact({ type: 'MONEY_REMINDER_DUE' });
        this.moneyTimer.replan();
        continue;
      }
      if (this.archiveTimer.due && this.settled()) {
        this.archiveTimer.due = false;
        // An event since the timer was set may have moved the due time on.
        const dueAt = this.archiveTimer.dueAt();
        if (dueAt === null || Date.parse(dueAt) > Date.now()) {
          this.archiveTimer.replan();
          continue;
        }
        this.archived();
      }
      // Running work records its outcome first, so what comes next starts from settled state. The
      // order is leaving (archived, or to continue as new): new events wait for the next run, else
      // a steady stream of them keeps the read model's writes busy and the run never ends.
      this.draining = true;
      this.projection.flushNow();
      this.reminder?.cancel();
      this.stallTimer.cancel();
      this.archiveTimer.cancel();
      this.moneyTimer.cancel();
      await condition(() => this.settled() && allHandlersFinished());
      return this.state.archivedAt ? 'closed' : 'continue';
    }
  }

  get current(): OrderState {
    return this.state;
  }

  /** The order is settled and was quiet long enough: it takes nothing more. */
  private archived(): void {
    this.fact({ type: 'ORDER_ARCHIVED' });
  }

  private settled(): boolean {
    return this.effectsRunning.size === 0 && this.projection.settled;
  }

  private historyIsLong(): boolean {
    const limit = this.input.continueAsNewAfterEvents ?? EVENTS_PER_RUN;
    return workflowInfo().continueAsNewSuggested || this.eventsThisRun >= limit;
  }

  private setHandlers(): void {
    setHandler(orderQuery, () => this.state);
    setHandler(openedWithQuery, () => contentFingerprint(this.input.order));

    setHandler(
      openOrderUpdate,
      ({ requestId }) => ({
        ...(this.answersFeedReadModel ? { state: this.state } : { order: orderView(this.state) }),
        // The start's input names the request that started it: any other one found it there.
        created: requestId !== undefined && requestId === this.input.createRequestId,
      }),
      {
        validator: ({ fingerprint }) => {
          if (fingerprint !== contentFingerprint(this.input.order))
            throw ApplicationFailure.create({
              type: 'ORDER_EXISTS',
              message: `order ${this.state.orderId} already exists`,
              nonRetryable: true,
            });
        },
      },
    );

    setHandler(
      recordEventUpdate,
      async (submission: EventSubmission): Promise<EventOutcome> => {
        this.eventsThisRun++;
        await activityResultsApplied();
        // The order was archived in this activation, after the validator passed the event.
        if (this.state.archivedAt) throw archivedRefusal(this.state);
        const decision = this.take(this.validatedOrDecided(submission));
        // The validator saw the state before this activation's activity results and earlier updates
        // were applied; they may have made this event unfit (the client gets the same refusal).
        if (!decision.ok) throw refusal(decision);
        return this.answersFeedReadModel
          ? committedEvent(this.state, decision)
          : outcomeOf(this.state, decision);
      },
      {
        validator: (submission: EventSubmission) => {
          if (this.state.archivedAt) throw archivedRefusal(this.state);
          if (this.draining) throw nextRunRefusal();
          const decision = this.decide(submission);
          if (!decision.ok) throw refusal(decision);
          const updateId = currentUpdateInfo()?.id;
          this.validated = updateId === undefined ? undefined : { updateId, basis: this.state, decision };
        },
      },
    );

    setHandler(orderEventSignal, (payload: unknown) => {
      this.eventsThisRun++;
      const actor = signalActor(payload);
      // A signal carries no role: approvals only come through the API with a manager's token.
      if (needsManager(payload)) {
        const reason = 'approvals need a manager token through the API, not a signal';
        this.state = recordRejectedEvent(this.state, payload, reason, { now: now(), actor });
        this.projection.touch();
        return;
      }
      const decision = this.command(payload, actor);
      if (decision.ok) return;
      this.state = recordRejectedEvent(this.state, payload, rejectionReason(decision), { now: now(), actor });
      this.projection.touch();
    });
  }

  /** A client's event, as sent: the domain parses and decides it. */
  private command(payload: unknown, actor: string): Decision {
    return this.take(this.decide({ event: payload, actor }));
  }

  /** A signal has no role (absent: the domain reads it as ops). */
  private decide({ event, actor, role, actorId, company, credit, rebate }: EventSubmission): Decision {
    const context = {
      now: now(),
      actor,
      ...(role === undefined ? {} : { role }),
      ...(actorId === undefined ? {} : { actorId }),
      ...(company === undefined ? {} : { company }),
      ...(credit === undefined ? {} : { credit }),
      ...(rebate === undefined ? {} : { rebate }),
    };
    return decideCommand(this.state, withoutActor(event), context);
  }

  /**
   * The validator's decision when nothing has changed the order since (the same activation, so the
   * same time), else the event decided afresh: deciding parses the event and builds the next state,
   * so doing it once per update is a measurable share of the workflow's work.
   */
  private validatedOrDecided(submission: EventSubmission): Decision {
    const validated = this.validated;
    this.validated = undefined;
    if (validated && validated.basis === this.state && validated.updateId === currentUpdateInfo()?.id)
      return validated.decision;
    return this.decide(submission);
  }

  /** One of the workflow's own facts; `email` is what the effect sent, for the read model. */
  private fact(fact: SystemEvent, email?: SentEmail): void {
    this.take(applyFact(this.state, fact, { now: now(), actor: SYSTEM }), email);
  }

  /** Takes an accepted decision: the new state, its record for the read model, its effects. */
  private take(decision: Decision, email?: SentEmail): Decision {
    if (!decision.ok || !decision.record) return decision;
    const left = this.state.stage !== decision.state.stage;
    this.state = decision.state;
    this.projection.add(decision.record, email);
    // A reminder for a stage the order has left is stale: it is not sent.
    if (left) this.reminder?.cancel();
    for (const effect of decision.effects) {
      if (effect.type !== 'stageEntered') this.track(this.runEffect(effect.type, effect.shipmentId));
    }
    this.stallTimer.replan();
    this.archiveTimer.replan();
    this.moneyTimer.replan();
    this.publish(this.state);
    return decision;
  }

  private track(work: Promise<void>): void {
    this.effectsRunning.add(work);
    void work.finally(() => this.effectsRunning.delete(work));
  }

  /** `shipmentId`: one shipment's effect (its letter, its documents), read from that shipment. */
  private async runEffect(kind: EffectKind, shipmentId?: string): Promise<void> {
    const shipment = shipmentId === undefined ? {} : { shipmentId };
    try {
      const email = await this.performEffect(kind, shipmentId);
      this.fact({ type: 'EFFECT_COMPLETED', effect: kind, email, ...shipment }, email);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const reason = err.cause?.message ?? err.message;
      log.warn('order effect failed for good; waiting for an operator', {
        orderId: this.state.orderId,
        kind,
        reason,
      });
      this.fact({ type: 'EFFECT_FAILED', effect: kind, error: reason, ...shipment });
    }
  }

  /** The effect's email, by its definition: its activity, with the input mapped from the order now. */
  private performEffect(kind: EffectKind, shipmentId?: string): Promise<SentEmail> {
    const effect = effectDefinition(kind);
    const input = effectInput(effect, this.state, shipmentId, {
      now: now(),
      defaultForwarder: this.input.defaultForwarder,
    });
    return effects[effect.email.activity].executeWithOptions({ summary: effect.summary }, [input]);
  }

  /** Sends the due reminder beside the main loop; a stage change or the order's close cancels it. */
  private startReminder(): void {
    if (this.reminder) return;
    const scope = new CancellationScope();
    this.reminder = scope;
    this.stallTimer.hold();
    void scope
      .run(() => this.sendDueReminder())
      .catch((err: unknown) => {
        if (!isCancellation(err)) throw err;
      })
      .finally(() => {
        if (this.reminder === scope) this.reminder = undefined;
        this.stallTimer.release();
        this.stallTimer.replan();
      });
  }

  private async sendDueReminder(): Promise<void> {
    const reminder = nextReminder(this.state);
    if (!reminder || Date.parse(reminder.dueAt) > Date.now()) return;
    if (!this.state.stalled) this.fact({ type: 'STAGE_STALLED', stage: this.state.stage });
    const stage = this.state.stage;
    const request = stallReminderInput(this.state, reminder, allowedEvents(this.state), now());
    const label = `${stage.toLowerCase()} reminder #${this.state.remindersSentInStage + 1} to the account manager`;
    const chatNotice = this.notifyChat(stallNotice(this.state, request), label);
    try {
      const email = await reminders.sendStallReminder.executeWithOptions(
        { summary: reminder.escalated ? `${label} (escalated)` : label },
        [request],
      );
      this.fact({ type: 'REMINDER_SENT', sequence: request.sequence, stage, email }, email);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      // Only a permanent failure gets here (a refused address): try again at the next interval.
      log.warn('stall reminder failed for good', {
        orderId: this.state.orderId,
        stage,
        reason: err.cause?.message,
      });
      await sleep(durationToMs(this.state.policy.repeatEvery), {
        summary: `retry the ${stage.toLowerCase()} reminder later`,
      });
    }
    await chatNotice;
  }

  /** The reminder to the chat robots (if any are configured); never fails the reminder. */
  private async notifyChat(notice: ReminderNotice, label: string): Promise<void> {
    try {
      await chat.notifyChat.executeWithOptions({ summary: `${label}, in chat` }, [notice]);
    } catch (err) {
      if (isCancellation(err)) return;
      if (!(err instanceof ActivityFailure)) throw err;
      log.warn('chat reminder not delivered', { orderId: notice.orderId, reason: err.cause?.message });
    }
  }
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

/** Before release 1.1: the whole order after the event. */
function outcomeOf(state: OrderState, decision: Extract<Decision, { ok: true }>): EventOutcome {
  return { order: orderView(state), ...eventKey(decision) };
}

/** The event's record (none for a duplicate) and the order's event count after it. */
function committedEvent(state: OrderState, decision: Extract<Decision, { ok: true }>): CommittedEvent {
  return {
    seq: state.timelineTotal,
    records: decision.record ? [decision.record] : [],
    ...eventKey(decision),
  };
}

function eventKey(decision: Extract<Decision, { ok: true }>) {
  return {
    eventId: decision.record?.eventId ?? decision.key?.eventId ?? null,
    fingerprint: decision.key?.fingerprint ?? null,
    duplicate: decision.duplicate,
  };
}

/**
 * What a client sent, less a signal's `actor` (who sent it, not part of the event). The domain
 * parses it with the client event schema, which has no system event in it.
 */
function withoutActor(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const { actor: _actor, ...event } = raw as Record<string, unknown>;
  return event;
}

/** A refused event as the API reads it: the reducer's code, its message and what fits now. */
function refusal(decision: Extract<Decision, { ok: false }>): ApplicationFailure {
  return ApplicationFailure.create({
    type: decision.code,
    message: decision.message,
    details: [
      {
        stage: decision.stage,
        allowedEvents: decision.allowedEvents,
        fields: decision.details,
        ...(decision.missing ? { missing: decision.missing } : {}),
      },
    ],
    nonRetryable: true,
  });
}

/** An event for an order that was archived: it takes nothing more; reads keep working. */
function archivedRefusal(state: OrderState): ApplicationFailure {
  return ApplicationFailure.create({
    type: ORDER_ARCHIVED,
    message: `order ${state.orderId} was archived at ${state.archivedAt}; it takes no more events`,
    details: [{ stage: state.stage, archivedAt: state.archivedAt }],
    nonRetryable: true,
  });
}

/** A client event that arrived while the run drains: the client retries it in a moment. */
function nextRunRefusal(): ApplicationFailure {
  return ApplicationFailure.create({
    type: RUN_DRAINING,
    message: 'the order is moving to a new run of its workflow; retry in a moment',
    nonRetryable: true,
  });
}

/** The reducer's reason, with the first bad field when the event did not match its schema. */
function rejectionReason(decision: Extract<Decision, { ok: false }>): string {
  const [field] = decision.details ?? [];
  return field ? `${decision.message}: ${field.path} ${field.message}` : decision.message;
}

function needsManager(payload: unknown): boolean {
  if (!payload || typeof payload !== 'object' || !('type' in payload)) return false;
  const type = payload.type;
  return typeof type === 'string' && isManagerEvent(type);
}

/** Who sent a signal: an `actor` field in the payload, else the UI/CLI user is unknown. */
function signalActor(payload: unknown): string {
  if (payload && typeof payload === 'object' && 'actor' in payload) {
    const actor = payload.actor;
    if (typeof actor === 'string' && actor.trim()) return actor.trim().slice(0, 100);
  }
  return 'temporal-signal';
}
