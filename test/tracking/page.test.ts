import { trackingPage } from '../../src/tracking/page';

const page = (language: 'en' | 'zh-CN', release: Parameters<typeof trackingPage>[0]['release']) =>
  trackingPage({
    language,
    orderId: 'PO-1',
    stages: [],
    documents: [],
    documentUrl: () => '',
    confirmUrl: null,
    confirmedAt: null,
    release,
  });

describe("the buyer's page: how the goods are released", () => {
  it('names the courier and tracking number of the original B/Ls, escaped, in the buyer language', () => {
    const originals = { courier: 'DHL <Express>', trackingNo: '7781234560' };
    const en = page('en', { telexConfirmedAt: null, originals });
    expect(en).toContain('sent to you by DHL &lt;Express&gt;, tracking number 7781234560');
    expect(page('zh-CN', { telexConfirmedAt: null, originals })).toContain(
      '正本提单已由 DHL &lt;Express&gt; 寄出',
    );
  });

  it('says a confirmed telex release needs no originals, and nothing before either step', () => {
    expect(page('zh-CN', { telexConfirmedAt: '2027-03-02T02:00:00Z', originals: null })).toContain(
      '已电放：无需正本提单即可提货。',
    );
    const before = page('en', { telexConfirmedAt: null, originals: null });
    expect(before).not.toContain('bills of lading');
  });
});
