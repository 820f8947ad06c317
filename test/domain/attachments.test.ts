import { allowedEvents, applyEvent, orderEventSchema, recordedElsewhere } from '../../src/domain';
import { apply, clock, example, fresh, walkTo } from './fixtures';

describe('ATTACHMENT_ADDED', () => {
  it.each(['INQUIRY', 'PRODUCTION', 'DOCUMENTS', 'COMPLETED', 'CANCELLED'] as const)(
    'is taken in %s without moving the order, and never offered as an event to send',
    (stage) => {
      const state = walkTo(stage);
      const d = applyEvent(state, example('ATTACHMENT_ADDED'), clock()());
      if (!d.ok) throw new Error(`${d.code} ${d.message}`);
      expect(d.state.stage).toBe(state.stage);
      expect(d.state.status).toBe(state.status);
      expect(d.record).toMatchObject({
        type: 'ATTACHMENT_ADDED',
        summary: 'Attachment added: signed contract.pdf (CONTRACT)',
      });
      expect(allowedEvents(state)).not.toContain('ATTACHMENT_ADDED');
      expect(recordedElsewhere('ATTACHMENT_ADDED')).toBe('POST /orders/{orderId}/attachments');
    },
  );

  it('is refused once the order is archived', () => {
    const archived = apply(walkTo('CANCELLED'), [{ type: 'ORDER_ARCHIVED' }]);
    expect(applyEvent(archived, example('ATTACHMENT_ADDED'), clock()())).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
  });

  it('carries only what describes the file: a kind it knows, a type the desk keeps, one line of name', () => {
    const valid = example('ATTACHMENT_ADDED');
    expect(orderEventSchema.safeParse(valid).success).toBe(true);
    expect(orderEventSchema.safeParse({ ...valid, kind: 'PHOTO' }).success).toBe(false);
    expect(orderEventSchema.safeParse({ ...valid, contentType: 'text/html' }).success).toBe(false);
    expect(orderEventSchema.safeParse({ ...valid, fileName: 'a\nb.pdf' }).success).toBe(false);
    expect(orderEventSchema.safeParse({ ...valid, size: 0 }).success).toBe(false);
    expect(orderEventSchema.safeParse({ ...valid, bytes: 'JVBERi0=' }).success).toBe(false);
    const { forBuyer: _omitted, ...withoutFlag } = valid as Record<string, unknown>;
    expect(orderEventSchema.parse(withoutFlag)).toMatchObject({ forBuyer: false });
  });

  it('counts as a client event but not as a note', () => {
    const state = fresh();
    const after = apply(state, [example('ATTACHMENT_ADDED')]);
    expect(after.noteCount).toBe(state.noteCount);
    expect(after.clientEventCount).toBe(state.clientEventCount + 1);
  });
});
