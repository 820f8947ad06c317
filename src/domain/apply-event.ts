import { applyFact } from './apply-fact';
import { decideCommand } from './decide-command';
import type { AnyEvent, Decision } from './decisionTypes';
import type { EventContext, OrderState } from './types';
import type { SystemEvent } from './effectKinds';
import { SYSTEM_EVENT_TYPES } from './effectKinds';

function isSystemEvent(event: AnyEvent): event is SystemEvent {
  return (SYSTEM_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * Either entry point by the event's type: a fact for the workflow's own types, else a client
 * command. For tests and tools that walk an order through both kinds; the workflow calls
 * `decideCommand` and `applyFact` itself, so a client can never pose as the workflow.
 */
export function applyEvent(state: OrderState, event: AnyEvent, context: EventContext): Decision {
  return isSystemEvent(event) ? applyFact(state, event, context) : decideCommand(state, event, context);
}
