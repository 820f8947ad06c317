import { summarizeOrder, type OrderState } from '../../src/domain';
import { apply, example, walkTo } from './fixtures';
import { freshFrom } from './templateFixtures';
import { statesOf } from './planFixtures';
import { stageToDo } from '../../src/domain/processList';

describe('summarizeOrder', () => {
  it('says where the order is, what comes next, the payments and the stall state', () => {
    const state = apply(walkTo('DEPOSIT'), [
      example('DEPOSIT_RECEIVED', { amount: { amount: '1000.00', currency: 'USD' } }),
      { type: 'STAGE_STALLED' },
    ]);
    const text = summarizeOrder(state);
    expect(text).toContain('**PO-2026-0001** for **Acme GmbH** (DE) is in stage **DEPOSIT**');
    expect(text).toContain('Next: the deposit.');
    expect(text).toContain('deposit 1000.00 USD of 3000.00 USD');
    expect(text).toContain('contract 10000.00 USD');
    expect(text).toContain('**Stalled**');
    expect(text).not.toContain('\n');
  });

  it('never leaks email addresses', () => {
    for (const stage of ['INQUIRY', 'SHIPPING', 'COMPLETED', 'CANCELLED'] as const) {
      const text = summarizeOrder(walkTo(stage));
      expect(text).not.toMatch(/@/);
    }
  });

  it.each([
    ['INQUIRY', 'send a quotation'],
    ['QUOTATION', "the customer's answer to the quotation"],
    ['SAMPLE', 'send a sample'],
    ['CONTRACT', 'the signed contract'],
    ['PRODUCTION', 'a passed QC inspection'],
    ['SHIPPING', "the forwarder's booking confirmation"],
    ['BALANCE', 'the balance payment'],
    ['DOCUMENTS', 'the document set to be dispatched'],
    ['COMPLETED', 'nothing: the order is completed'],
    ['CANCELLED', 'nothing: the order was cancelled (customer went bankrupt)'],
  ] as const)('in %s expects %s', (stage, next) => {
    expect(summarizeOrder(walkTo(stage))).toContain(`Next: ${next}.`);
  });

  it('flags failed effects and on-track orders', () => {
    const state: OrderState = apply(walkTo('SHIPPING'), [
      { type: 'EFFECT_FAILED', effect: 'requestBooking', error: 'SMTP down' },
    ]);
    const text = summarizeOrder(state);
    expect(text).toContain('On track; stage deadline');
    expect(text).toContain('**Needs an operator:** requestBooking failed.');
  });
});

describe('the summary with a template and a hold', () => {
  it("lists the stage's open steps with the template's key points, and says when the order is on hold", () => {
    const held = apply(freshFrom(), [example('ORDER_ON_HOLD', { reason: 'customer travelling' })]);
    const text = summarizeOrder(held);
    expect(text).toContain('To do in this stage: Send the quotation (Quote FOB with a short validity.).');
    expect(text).toContain('**On hold** since');
    expect(text).toContain('customer travelling');
    expect(text).not.toContain('\n');
  });
});

describe('an open-account order after the documents went', () => {
  it('says it waits for the payment due on its date, in the summary and the stage to-do', () => {
    const states = statesOf('OA');
    const waiting = states[states.length - 2];
    const due = waiting.payments.balanceDueDate;
    expect(waiting.stage).toBe('DOCUMENTS');
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = summarizeOrder(waiting);
    expect(text).toContain(`Next: the payment of 7000.00 USD due by ${due}.`);
    expect(text).toContain(`To do in this stage: Receive the payment due by ${due};`);
    expect(stageToDo(waiting).find((s) => s.key === 'PAYMENT_RECEIVED')?.title).toBe(
      `Receive the payment due by ${due}`,
    );
  });
});
