/**
 * EVENT_CORRECTED: the values an earlier event recorded are corrected where it put them, by its
 * definition's correction rule; documents built from them follow (./revise). History is not
 * edited: the correction is an event of its own, and the original is marked `correctedBy`.
 */
import { z } from '../zod';
import { accepted, invalid, refused, takesBack, type Outcome } from '../outcome';
import { toValidationDetails } from '../schemas/validation';
import type { EventContext, FieldChange, OrderState } from '../types';
import type { EventDefinition } from '../events/define';
import { isCorrectable } from './define';
import { correctionRecords } from './records';
import { documentsIssued, reviseDocuments } from './revise';

export interface CorrectionRequest {
  correctsEventId: string;
  changes: Record<string, unknown>;
  reason: string;
}

export type DefinitionOf = (type: string) => EventDefinition | undefined;

export function correctEvent(
  state: OrderState,
  request: CorrectionRequest,
  ctx: EventContext,
  definitionOf: DefinitionOf,
): Outcome {
  const { correctsEventId: id, changes, reason } = request;
  const target = correctionRecords(state).events.find((e) => e.eventId === id);
  if (!target)
    return refused(
      'CORRECTION_NOT_ALLOWED',
      `no event ${id} this order can still correct (it keeps its latest events)`,
    );
  if (target.takenBackBy)
    return refused('CORRECTION_NOT_ALLOWED', `${target.type} ${id} was taken back by ${target.takenBackBy}`);
  const definition = definitionOf(target.type);
  if (!definition) return refused('CORRECTION_NOT_ALLOWED', `${target.type} cannot be corrected`);
  const rule = definition.correction;
  if (!isCorrectable(rule))
    return refused('CORRECTION_NOT_ALLOWED', `${target.type} cannot be corrected: ${rule.never}`);
  const correction = rule;

  const names = Object.keys(changes);
  const own = Object.keys(definition.schema.shape).filter((k) => k !== 'type' && k !== 'eventId');
  if (names.length === 0)
    return invalid('Name at least one field to correct', [
      { path: 'changes', message: `name the fields to correct: ${correction.fields.join(', ')}` },
    ]);
  const unknown = names.filter((n) => !own.includes(n));
  if (unknown.length)
    return invalid(
      `${target.type} has no such field`,
      unknown.map((n) => ({ path: `changes.${n}`, message: `not a field of ${target.type}` })),
    );
  const fixed = names.filter((n) => !correction.fields.includes(n));
  if (fixed.length)
    return refused(
      'CORRECTION_NOT_ALLOWED',
      `${target.type}'s ${fixed.join(', ')} cannot be corrected${correction.otherwise ? `: ${correction.otherwise}` : ''}; it can correct ${correction.fields.join(', ')}`,
    );

  const mask = Object.fromEntries(names.map((n) => [n, true as const]));
  const parsed = z.partial(z.pick(definition.schema, mask)).safeParse(changes, { jitless: true });
  if (!parsed.success)
    return invalid(
      'The corrected values are not valid',
      toValidationDetails(parsed.error).map((d) => ({
        ...d,
        path: d.path ? `changes.${d.path}` : 'changes',
      })),
    );
  const values = parsed.data;

  const seenBy = correction.seenBy?.(state, names);
  if (seenBy && ctx.role !== 'manager' && ctx.role !== 'admin')
    return refused('FORBIDDEN', `${seenBy} showed these values: a manager corrects them`);

  const current = correction.current(state, target) as Record<string, unknown>;
  const changed: FieldChange[] = names
    .map((field) => ({ field, from: shown(current[field]), to: shown(values[field]) }))
    .filter((c) => c.from !== c.to);
  if (changed.length === 0)
    return invalid('The correction changes nothing', [
      { path: 'changes', message: 'the values are the ones recorded' },
    ]);

  const applied = correction.apply(state, values, target);
  if (typeof applied === 'string')
    return refused('CORRECTION_NOT_ALLOWED', `${target.type} cannot be corrected: ${applied}`);

  const what = changed.map((c) => `${c.field} ${c.from || '—'} → ${c.to || '—'}`).join(', ');
  const summary = `${target.type} ${id} corrected by ${ctx.actor}: ${what} (${reason})`;
  const printed = changed.filter((c) => correction.printed?.includes(c.field));
  if (printed.length && documentsIssued(applied)) {
    const revised = reviseDocuments(applied, printed, reason, ctx);
    return takesBack(accepted(revised.state, `${summary}; ${revised.summary}`, revised.effects), id);
  }
  return takesBack(accepted(applied, summary), id);
}

/** A value as people read it in "from → to". */
function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
