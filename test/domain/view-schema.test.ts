import { STAGES, orderView } from '../../src/domain';
import { orderViewSchema } from '../../src/domain/viewSchema';
import { walkTo } from './fixtures';

describe('the order view schema', () => {
  it.each(STAGES)('describes the view of an order in %s exactly: nothing missing, nothing extra', (stage) => {
    const view = JSON.parse(JSON.stringify(orderView(walkTo(stage)))) as unknown;
    // Parsing strips what the schema does not name and fails on what it names differently.
    expect(orderViewSchema.parse(view)).toEqual(view);
  });
});
