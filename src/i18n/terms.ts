import { humanize } from '../text/format';
import {
  paymentTermsText,
  type DueWhen,
  type Language,
  type PaymentPlan,
  type Stage,
  type StepKey,
} from '../domain';

/**
 * The trade's own words for stages and events, in each language the desk writes in. Chinese uses
 * the terms exporters use among themselves (询盘, 报价, 打样, 预付款 rather than 定金, 放单, 电放).
 */
const STAGE_NAMES: Record<Language, Record<Stage, string>> = {
  en: {
    INQUIRY: 'Inquiry',
    QUOTATION: 'Quotation',
    SAMPLE: 'Sample',
    CONTRACT: 'Contract',
    DEPOSIT: 'Deposit',
    PRODUCTION: 'Production',
    SHIPPING: 'Shipping',
    BALANCE: 'Balance payment',
    DOCUMENTS: 'Document release',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
  },
  'zh-CN': {
    INQUIRY: '询盘',
    QUOTATION: '报价',
    SAMPLE: '打样',
    CONTRACT: '合同',
    DEPOSIT: '预付款',
    PRODUCTION: '生产',
    SHIPPING: '订舱/报关/提单',
    BALANCE: '尾款',
    DOCUMENTS: '放单',
    COMPLETED: '已完成',
    CANCELLED: '已取消',
  },
};

/** Chinese names of the client events; an event without one (added since) reads as its English name. */
const EVENT_NAMES_ZH: Partial<Record<string, string>> = {
  QUOTATION_SENT: '发送报价',
  QUOTATION_ACCEPTED: '客户接受报价',
  QUOTATION_DECLINED: '客户拒绝报价',
  SAMPLE_SENT: '寄出样品',
  SAMPLE_APPROVED: '样品确认',
  SAMPLE_REJECTED: '样品被拒',
  SAMPLE_WAIVED: '免样（经理批准）',
  ORDER_ON_HOLD: '订单暂停',
  ORDER_RESUMED: '订单恢复',
  CONTRACT_SIGNED: '签订合同',
  DEPOSIT_RECEIVED: '收到预付款',
  PRODUCTION_PROGRESS: '生产进度',
  INSPECTION_RECORDED: '验货记录',
  PRODUCTION_COMPLETED: '生产完成',
  BOOKING_CONFIRMED: '订舱确认',
  CUSTOMS_DECLARED: '报关完成',
  BILL_OF_LADING_ISSUED: '提单签发',
  DOCUMENTS_CONFIRMED: '客户确认单据',
  BALANCE_RECEIVED: '收到尾款',
  GOODS_RELEASED: '放单/电放完成',
  NOTE_ADDED: '添加备注',
  ORDER_CANCELLED: '取消订单',
  RETRY_FAILED_EFFECTS: '重试失败的操作',
};

/** A stage as people call it; an unknown name (a stage added later) is shown as it is. */
export function stageName(stage: string, language: Language = 'en'): string {
  return (STAGE_NAMES[language] as Partial<Record<string, string>>)[stage] ?? stage;
}

/** `DEPOSIT_RECEIVED` -> `Deposit received` / `收到预付款`. */
export function eventName(type: string, language: Language = 'en'): string {
  return (language === 'zh-CN' ? EVENT_NAMES_ZH[type] : undefined) ?? humanize(type);
}

/** The process list's steps as things to do, in Chinese (the domain holds them in English). */
const STEP_TITLES_ZH: Record<StepKey, string> = {
  QUOTATION_SENT: '发送报价',
  QUOTATION_ACCEPTED: '客户接受报价',
  SAMPLE_SENT: '寄送样品',
  SAMPLE_APPROVED: '客户确认样品',
  CONTRACT_SIGNED: '签订合同',
  DEPOSIT_RECEIVED: '收取预付款',
  LC_RECEIVED: '收到并审核信用证',
  INSPECTION_PRE_PRODUCTION: '产前验货通过',
  INSPECTION_DURING_PRODUCTION: '中期验货通过',
  INSPECTION_PRE_SHIPMENT: '出货前验货通过',
  PRODUCTION_COMPLETED: '完成生产',
  BOOKING_CONFIRMED: '确认订舱',
  CUSTOMS_DECLARED: '出口报关',
  INSURANCE_ARRANGED: '办理货物保险（至少按发票金额的 110% 投保；CIP 须投 ICC A 条款）',
  GOODS_COLLECTED: '将货物交给买方的承运人',
  BILL_OF_LADING_ISSUED: '取得提单',
  DOCUMENTS_PRESENTED: '按信用证要求交单',
  SENT_FOR_COLLECTION: '寄单托收',
  PAYMENT_RECEIVED: '收取尾款',
  TELEX_RELEASE_CONFIRMED: '取得货代的电放确认',
  ORIGINALS_COURIERED: '将正本提单快递给买方',
  GOODS_RELEASED: '确认货物已放给买方',
};

/** A process-list step in the reader's language: `title` is the domain's English one. */
export function stepTitle(step: { key?: StepKey; title: string }, language: Language = 'en'): string {
  return language === 'zh-CN' && step.key ? STEP_TITLES_ZH[step.key] : step.title;
}

/** When a payment without a calendar date falls due, in the customer's words. */
const DUE_WHEN_WORDS: Record<Language, Record<DueWhen, string>> = {
  en: {
    BEFORE_PRODUCTION: 'before production starts',
    BEFORE_SHIPMENT: 'before shipment',
    AGAINST_DOCUMENT_COPIES: 'against the copies of the shipping documents',
    ON_PRESENTATION: 'on presentation under the L/C',
    AGAINST_PAYMENT: 'against the documents (D/P)',
    AT_MATURITY: 'at maturity of the accepted draft',
    AFTER_BILL_OF_LADING: 'after the B/L date',
  },
  'zh-CN': {
    BEFORE_PRODUCTION: '开始生产前',
    BEFORE_SHIPMENT: '出运前',
    AGAINST_DOCUMENT_COPIES: '见提单等单据副本后',
    ON_PRESENTATION: '信用证项下交单时',
    AGAINST_PAYMENT: '付款交单（D/P）',
    AT_MATURITY: '承兑汇票到期时',
    AFTER_BILL_OF_LADING: '提单日后',
  },
};

/** A due point in words; a value that is not one of the keys (an older email's words) is shown as it is. */
export function dueWhenText(dueWhen: string, language: Language = 'en'): string {
  return (DUE_WHEN_WORDS[language] as Partial<Record<string, string>>)[dueWhen] ?? dueWhen;
}

/** How the balance is paid, in the words of a Chinese contract. */
function balanceTermsZh(plan: PaymentPlan): string {
  switch (plan.balanceMethod) {
    case 'TT':
      return plan.balanceDue === 'BEFORE_SHIPMENT'
        ? '出运前电汇（T/T）付清'
        : '见提单等单据副本后电汇（T/T）付清';
    case 'LC':
      return '以不可撤销即期跟单信用证（L/C）支付';
    case 'DP':
      return '即期付款交单（D/P）';
    case 'DA':
      return `承兑交单（D/A），承兑后 ${plan.tenorDays} 天付款`;
    case 'OA':
      return `赊账（O/A），提单日后 ${plan.tenorDays} 天付款`;
  }
}

/**
 * The payment plan as a contract or a payment request words it. Chinese follows the wording of
 * Chinese export contracts (预付款, 余款, 电汇, 即期信用证, 付款交单, 承兑交单, 赊账).
 */
export function paymentTerms(plan: PaymentPlan, language: Language = 'en'): string {
  if (language !== 'zh-CN') return paymentTermsText(plan);
  const deposit = plan.depositPercent > 0 ? `${plan.depositPercent}% 预付款生产前电汇（T/T）；` : '';
  const rest = plan.depositPercent > 0 ? `余款 ${100 - plan.depositPercent}%` : '100% 货款';
  return `${deposit}${rest}，${balanceTermsZh(plan)}`;
}
