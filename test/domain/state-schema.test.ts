import {
  CURRENT_RULES_VERSION,
  DOCUMENT_KINDS,
  RENDERED_DOCUMENTS,
  STAGES,
  documentCode,
  documentKind,
  orderView,
  rulesVersion,
} from '../../src/domain';
import { orderStateSchema } from '../../src/domain/state';
import { orderViewSchema } from '../../src/domain/viewSchema';
import { fresh, walkTo } from './fixtures';

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("the order state's schema", () => {
  it.each(STAGES)(
    'describes the state of an order in %s exactly: nothing missing, nothing extra',
    (stage) => {
      const state = asJson(walkTo(stage));
      // Parsing strips what the schema does not name and fails on what it names differently.
      expect(orderStateSchema.parse(state)).toEqual(state);
    },
  );

  it('names no field of the state the view drops, nor the view fields the state lacks', () => {
    const stateOnly = [
      'remindersSentInStage',
      'eventKeys',
      'clientEventCount',
      'noteCount',
      'steps',
      'rulesVersion',
    ];
    const viewOnly = [
      'allowedEvents',
      'processList',
      'amountOutstanding',
      'shipmentsClosed',
      'profit',
      'cny',
    ];
    const state = Object.keys(orderStateSchema.shape);
    const view = Object.keys(orderViewSchema.shape);
    expect(state.filter((k) => !view.includes(k)).sort()).toEqual([...stateOnly].sort());
    expect(view.filter((k) => !state.includes(k))).toEqual(viewOnly);
  });
});

describe('the rules version', () => {
  it('is fixed when the order starts, and kept out of the view', () => {
    const state = fresh();
    expect(state.rulesVersion).toBe(CURRENT_RULES_VERSION);
    expect(orderView(state)).not.toHaveProperty('rulesVersion');
  });

  it('is 1 for a state from before it existed, which still parses', () => {
    const { rulesVersion: _version, ...old } = walkTo('SHIPPING');
    expect(rulesVersion(old)).toBe(1);
    expect(orderStateSchema.safeParse(asJson(old)).success).toBe(true);
  });
});

describe('document kinds', () => {
  it('spell each rendered document both ways from one code', () => {
    expect(DOCUMENT_KINDS).toEqual([
      'commercial-invoice',
      'packing-list',
      'proforma-invoice',
      'certificate-of-origin',
      'insurance-declaration',
      'customs-declaration',
    ]);
    for (const code of RENDERED_DOCUMENTS) expect(documentCode(documentKind(code))).toBe(code);
  });
});
