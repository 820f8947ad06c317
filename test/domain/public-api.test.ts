import * as domain from '../../src/domain';

describe('public surface of src/domain', () => {
  it('exports what the workflow and the API build on', () => {
    const expected = [
      'STAGES',
      'OPEN_STAGES',
      'moneySchema',
      'durationSchema',
      'newOrderSchema',
      'orderEventSchema',
      'listOrdersQuerySchema',
      'createOrder',
      'applyEvent',
      'decideCommand',
      'applyFact',
      'allowedEvents',
      'recordRejectedEvent',
      'resolveStallPolicy',
      'DEFAULT_STALL_POLICY',
      'nextReminder',
      'durationToMs',
      'addDuration',
      'summarizeOrder',
    ];
    expect(Object.keys(domain)).toEqual(expect.arrayContaining(expected));
    // Every export is defined (no re-export points at a name that does not exist).
    for (const [name, value] of Object.entries(domain)) expect([name, value]).not.toEqual([name, undefined]);
  });

  it('lists the stages in order', () => {
    expect(domain.STAGES).toEqual([...domain.OPEN_STAGES, 'COMPLETED', 'CANCELLED']);
    expect(domain.OPEN_STAGES[0]).toBe('INQUIRY');
    expect(domain.OPEN_STAGES.at(-1)).toBe('DOCUMENTS');
  });

  it('keeps system events out of the client schema', () => {
    for (const type of domain.SYSTEM_EVENT_TYPES) {
      expect(domain.ORDER_EVENT_TYPES).not.toContain(type);
      expect(domain.orderEventSchema.safeParse({ type }).success).toBe(false);
    }
  });
});
