import {
  presentationChecklistEmail,
  presentationChecklistInput,
} from '../../src/domain/effects/presentationChecklist';
import type { OrderState } from '../../src/domain/types';
import { apply, fresh } from './fixtures';
import { lifeOf } from './planFixtures';

/** An L/C order just after its B/L (the credit: 7,000.00 USD, ship by 2027-01-31). */
function shipped(): OrderState {
  const life = lifeOf('LC');
  return apply(fresh(), life.slice(0, life.findIndex((e) => e.type === 'BILL_OF_LADING_ISSUED') + 1));
}

const EXPORTER = { name: 'Ningbo Bright Lighting Co., Ltd.', address: 'Ningbo' };

describe('the presentation checklist carries the lc-check result', () => {
  it('says nothing was found when the documents comply', () => {
    const state = shipped();
    const input = presentationChecklistInput(state, state.shipping.billOfLading?.issuedAt ?? '');
    expect(input.discrepancies).toEqual([]);
    expect(presentationChecklistEmail(input, EXPORTER).text).toContain(
      '- No discrepancy found in the data on the order.',
    );
  });

  it('lists each discrepancy with its rule, in both languages', () => {
    const state = shipped();
    const lc = state.payments.letterOfCredit;
    if (!lc) throw new Error('no L/C');
    const late: OrderState = {
      ...state,
      payments: { ...state.payments, letterOfCredit: { ...lc, latestShipmentDate: '2026-11-01' } },
    };
    const input = presentationChecklistInput(late, state.shipping.billOfLading?.issuedAt ?? '');
    expect(input.discrepancies?.map((d) => d.rule)).toEqual(['LC-44C']);
    expect(presentationChecklistEmail(input, EXPORTER).text).toMatch(
      /- LC-44C: shipped on .* after the latest shipment date 2026-11-01/,
    );
    const zh = presentationChecklistEmail({ ...input, language: 'zh-CN' }, EXPORTER);
    expect(zh.text).toContain('对照信用证的检查结果');
    expect(zh.html.value).toMatch(/<li>LC-44C: 装运日 .* 晚于最迟装运日 2026-11-01<\/li>/);
    expect(zh.text).not.toContain('shipped on');
  });

  it('an input recorded before the dictionaries worded it keeps its English message', () => {
    const input = presentationChecklistInput(shipped(), '2027-01-20T00:00:00.000Z');
    const older = { ...input, discrepancies: [{ rule: 'LC-31D', message: 'presentation is late' }] };
    expect(presentationChecklistEmail({ ...older, language: 'zh-CN' }, EXPORTER).text).toContain(
      '- LC-31D: presentation is late',
    );
  });
});
