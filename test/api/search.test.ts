/**
 * GET /orders?q= finds an order by every number people look it up by (B/L, container, customs
 * declaration, L/C, invoice) and by part of a Chinese name; the list's filters by part of the
 * customer company and of the account manager's name, overdue and template; bad values are 400.
 */
import request from 'supertest';
import type { OrderSummary } from '../../src/api/orderView';
import type { OrderEventInput } from '../../src/domain';
import { newInquiry, planLife } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { createOrder, expectError, getOrder, orderWhen, sendEvent } from './helpers';

let smtp: SmtpSink;
let stack: Stack;
const run = `${Date.now().toString(36)}${process.pid}`.toUpperCase();

/** This run's numbers, so no other order shares them. */
const numbers = {
  contractNo: `HT-${run}`,
  lcNo: `LC-${run}`,
  containerNo: `MSCU${run}`,
  declarationNo: `3104${run}`,
  blNo: `BL-${run}`,
};
const company = `宁波海港${run}贸易有限公司`;

let shipped: string;
let plain: string;
let literal: string;

/** The L/C life up to and with its B/L, under this run's numbers. */
function shippedLife(): OrderEventInput[] {
  const life = planLife('LC');
  const upToBl = life.slice(0, life.findIndex((e) => e.type === 'BILL_OF_LADING_ISSUED') + 1);
  const own: Record<string, Record<string, unknown>> = {
    CONTRACT_SIGNED: { contractNo: numbers.contractNo },
    LC_RECEIVED: { lcNo: numbers.lcNo },
    BOOKING_CONFIRMED: { containerNos: ['TGHU0000001', numbers.containerNo] },
    CUSTOMS_DECLARED: { declarationNo: numbers.declarationNo },
    BILL_OF_LADING_ISSUED: { blNo: numbers.blNo },
  };
  return upToBl.map((e) => ({ ...e, ...own[e.type] }));
}

beforeAll(async () => {
  smtp = await SmtpSink.start();
  stack = await startStack({ smtpUrl: smtp.url });
  const base = newInquiry();
  shipped = (
    await createOrder(stack.app, {
      customer: { ...base.customer, company, name: '张伟' },
      accountManager: { name: `王芳${run}`, email: 'wang.fang@exporter.example' },
    })
  ).orderId;
  plain = (
    await createOrder(stack.app, {
      customer: { ...base.customer, company: `Acme ${run} GmbH` },
      accountManager: { name: `Li Wei ${run}`, email: 'li.wei@exporter.example' },
    })
  ).orderId;
  literal = (
    await createOrder(stack.app, {
      customer: { ...base.customer, company: `100% Cotton_${run}` },
      accountManager: { name: `Li Na ${run}`, email: 'li.na@exporter.example' },
    })
  ).orderId;
  for (const event of shippedLife()) {
    await orderWhen(stack.app, shipped, (v) => v.allowedEvents.includes(event.type), 30_000);
    expect((await sendEvent(stack.app, shipped, event)).status).toBe(200);
  }
  await orderWhen(stack.app, shipped, (v) => v.shipping.billOfLading !== null);
});

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

interface Page {
  orders: OrderSummary[];
  nextPageToken: string | null;
}

/** Polls until the query lists exactly `expected` (the read model follows within moments). */
function listed(query: Record<string, string>, expected: string[]): Promise<Page> {
  return eventually(async () => {
    const res = await request(stack.app)
      .get('/orders')
      .query({ pageSize: 200, ...query })
      .set(bearer(TOKENS.viewer));
    expect(res.status).toBe(200);
    const page = res.body as Page;
    const ids = page.orders.map((o) => o.orderId).sort();
    return JSON.stringify(ids) === JSON.stringify([...expected].sort()) ? page : undefined;
  });
}

describe('GET /orders?q=', () => {
  it('finds the order by its B/L, container, declaration, L/C and invoice numbers', async () => {
    const invoiceNo = `CI-${numbers.contractNo}`;
    for (const q of [
      numbers.blNo,
      numbers.blNo.toLowerCase(),
      numbers.containerNo,
      numbers.declarationNo,
      numbers.lcNo,
      invoiceNo,
    ]) {
      await listed({ q }, [shipped]);
    }
  });

  it('finds it by part of a Chinese company or contact name, and names the account manager', async () => {
    const page = await listed({ q: `海港${run}` }, [shipped]);
    expect(page.orders[0]?.accountManager).toEqual({
      name: `王芳${run}`,
      email: 'wang.fang@exporter.example',
    });
    await listed({ q: `王芳${run}` }, [shipped]);
  });

  it('takes % and _ in q literally', async () => {
    await listed({ q: `0% Cotton_${run}` }, [literal]);
    await listed({ q: `0_ Cotton%${run}` }, []);
  });
});

describe('GET /orders filters', () => {
  it('by part of the customer company and of the account manager name', async () => {
    await listed({ customerPart: `海港${run}` }, [shipped]);
    await listed({ customerPart: `acme ${run.toLowerCase()}` }, [plain]);
    await listed({ accountManagerName: `王芳${run}` }, [shipped]);
    await listed({ accountManagerName: `li wei ${run.toLowerCase()}` }, [plain]);
  });

  it('by stage, overdue and template, each with the others', async () => {
    const { stage } = await getOrder(stack.app, shipped);
    await listed({ q: run, stage }, [shipped]);
    await listed({ q: run, stage: 'INQUIRY' }, [plain, literal]);
    // No payment is dated on these orders yet.
    await listed({ q: run, overdue: 'true' }, []);
    await listed({ q: run, overdue: 'false' }, [shipped, plain, literal]);
    await listed({ q: run, template: 'no-such-template' }, []);
  });

  it('refuses bad values with 400', async () => {
    for (const query of [
      { stage: 'SHIPPED' },
      { overdue: 'yes' },
      { accountManagerName: '' },
      { customer: 'x'.repeat(201) },
      { q: 'a\nb' },
    ]) {
      const res = await request(stack.app).get('/orders').query(query).set(bearer(TOKENS.viewer));
      expectError(res, 400, 'VALIDATION_FAILED');
    }
  });
});
