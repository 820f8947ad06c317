import { cancellation, collectionInstructions, stallReminder } from './fixtures';
import { mailActivities } from './mailActivities';

// Internal emails go out in the account manager's language, over real SMTP.
const mail = mailActivities();

test('a zh-CN account manager gets the stall reminder in Chinese, with the trade terms', async () => {
  const sent = await mail.activities.sendStallReminder(
    stallReminder({
      language: 'zh-CN',
      accountManagerName: '李伟',
      escalated: true,
      cc: ['boss@exporter.example'],
    }),
  );
  expect(mail.sink.messages).toHaveLength(1);
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('[升级提醒 第2次] 订单 PO-2026-0001（Acme GmbH）停滞在「预付款」阶段');
  expect(sent.subject).toBe(parsed.subject);
  // Same Message-ID scheme as in English: the language changes the words, not the idempotency.
  expect(parsed.messageId).toBe('<PO-2026-0001.stall-reminder-deposit.2@exporter.example>');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('李伟，您好');
    expect(part).toContain('已于 2026-12-04 16:00 (Asia/Shanghai) 超过时限');
    expect(part).toContain('4天2小时');
    expect(part).toContain('收到预付款 (DEPOSIT_RECEIVED)');
    expect(part).toContain('此提醒已升级');
    expect(part).toContain('http://localhost:8233/namespaces/default/workflows/PO-2026-0001');
  }
  expect(String(parsed.html)).toContain('<html lang="zh-CN">');
});

test("a zh-CN reminder names the stage's steps in Chinese, with the template's key points", async () => {
  await mail.activities.sendStallReminder(
    stallReminder({
      language: 'zh-CN',
      toDo: [
        {
          key: 'DEPOSIT_RECEIVED',
          title: 'Receive the deposit',
          status: 'PENDING',
          guidance: '核对到账日期，不要只看水单。',
        },
        { key: 'LC_RECEIVED', title: 'Receive and check the L/C', status: 'PENDING' },
        // recorded before steps carried their key: the English title is all there is
        { title: 'Sign the contract', status: 'PENDING' },
      ],
    }),
  );
  const { parsed } = mail.sink.messages[0];
  expect(parsed.text).toContain(
    '本阶段待办事项：\n- 收取预付款：核对到账日期，不要只看水单。\n- 收到并审核信用证\n- Sign the contract',
  );
  expect(String(parsed.html)).toContain('<li>收取预付款<br />核对到账日期，不要只看水单。</li>');
});

test('an account manager without a language gets English', async () => {
  await mail.activities.sendStallReminder(stallReminder());
  expect(mail.sink.messages[0].parsed.subject).toBe(
    '[Reminder 2] Order PO-2026-0001 for Acme GmbH stalled in Deposit',
  );
});

test('the cancellation notice follows the account manager language', async () => {
  await mail.activities.sendCancellationNotice(
    cancellation({
      stage: 'BALANCE',
      accountManager: { name: '李伟', email: 'li.wei@exporter.example', language: 'zh-CN' },
    }),
  );
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('订单 PO-2026-0001（Acme GmbH）已在「尾款」阶段取消');
  expect(parsed.text).toContain('之后不会再发送提醒或单据');
  expect(parsed.text).toContain('Customer found another supplier');
});

test('the collection instruction speaks to the account manager in their language; the letter to the bank stays English', async () => {
  await mail.activities.sendCollectionInstructions(
    collectionInstructions({
      accountManager: { name: '李伟', email: 'li.wei@exporter.example' },
      language: 'zh-CN',
    }),
  );
  await mail.activities.sendCollectionInstructions(collectionInstructions({ sequence: 2 }));
  const [zh, en] = mail.sink.messages.map((m) => m.parsed);
  expect(zh.subject).toBe('合同 C-2026-001（DA）托收指示：请交托收行');
  expect(zh.text).toContain('李伟，您好：');
  expect(zh.text).toContain('托收委托书（英文）');
  // What the banks read is the same in both.
  for (const letter of [zh.text, en.text]) {
    expect(letter).toContain(
      'Documents against acceptance (D/A): release the documents against acceptance of our draft at 60 days.',
    );
    expect(letter).toContain('Subject to the Uniform Rules for Collections, ICC Publication No. 522.');
  }
  expect(en.subject).toBe(
    'Collection instruction for contract C-2026-001 (DA): take it to the remitting bank',
  );
  expect(en.text).toContain('Hello Li Wei,');
  expect(en.text).toContain('COVERING LETTER / COLLECTION INSTRUCTION');
});

test('the money deadline reminder tells a zh-CN account manager the rebate deadline and the insurer declaration', async () => {
  await mail.activities.sendMoneyDeadlineReminder({
    orderId: 'PO-2026-0001',
    sequence: 2,
    requestedAt: '2027-03-31T01:00:00.000Z',
    accountManager: { name: '李伟', email: 'li.wei@exporter.example' },
    language: 'zh-CN',
    customerCompany: 'Acme GmbH',
    contractNo: 'C-1',
    rebate: { deadline: '2027-04-30', status: 'PENDING', expected: '6500.00 CNY' },
    declarations: [
      {
        shipmentId: 'S2',
        exportDate: '2027-03-20',
        dueOn: '2027-04-04',
        insurer: '中信保',
        policyNo: 'SCH-2026-118',
      },
    ],
  });
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('订单 PO-2026-0001：收汇退税节点临近（Acme GmbH）');
  expect(JSON.stringify(parsed.to)).toContain('li.wei@exporter.example');
  expect(parsed.messageId).toBe('<PO-2026-0001.money-deadline-reminder.2@exporter.example>');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('请于 2027-04-30 前申报出口退税（预计退税 6500.00 CNY）');
    expect(part).toContain(
      '第 S2 批（2027-03-20 出运）请于 2027-04-04 前向 中信保 申报出运（保单 SCH-2026-118）',
    );
  }
});
