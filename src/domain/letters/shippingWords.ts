import type { Language } from '../schemas/common';

/**
 * The words of our letters about a shipment (to forwarders, or to the buyer collecting the goods),
 * in the reader's language. Chinese uses the words of a Chinese forwarder's own forms (订舱委托书,
 * 货好日期, 箱型箱量, 电放).
 */
export interface ShippingWords {
  greeting: (name: string) => string;
  ourReference: string;
  contractNo: string;
  shipper: string;
  consignee: string;
  seller: string;
  buyer: string;
  incoterm: string;
  cargoReady: string;
  toBeConfirmed: string;
  portOfLoading: string;
  portOfDischarge: string;
  equipment: string;
  packages: string;
  grossWeight: string;
  volume: string;
  freight: string;
  prepaid: string;
  collect: string;
  contact: string;
  blNo: string;
  blDate: string;
  vesselVoyage: string;
  releasedBecause: string;
  cargo: string;
  cargoHead: readonly [string, string, string, string];
  /** Every letter asks the reader to reply to reach the account manager. */
  replyToReach: string;
  /** Between two sentences: a space in English, none after Chinese punctuation. */
  sentenceGap: string;
}

const WORDS: Record<Language, ShippingWords> = {
  en: {
    greeting: (name) => `Dear ${name},`,
    ourReference: 'Our reference',
    contractNo: 'Contract No.',
    shipper: 'Shipper',
    consignee: 'Consignee',
    seller: 'Seller',
    buyer: 'Buyer',
    incoterm: 'Incoterm (Incoterms 2020)',
    cargoReady: 'Cargo ready',
    toBeConfirmed: 'to be confirmed',
    portOfLoading: 'Port of loading',
    portOfDischarge: 'Port of discharge',
    equipment: 'Equipment',
    packages: 'Packages',
    grossWeight: 'Gross weight',
    volume: 'Volume',
    freight: 'Freight',
    prepaid: 'Prepaid',
    collect: 'Collect',
    contact: 'Contact',
    blNo: 'B/L No.',
    blDate: 'B/L date',
    vesselVoyage: 'Vessel / voyage',
    releasedBecause: 'Released because',
    cargo: 'Cargo',
    cargoHead: ['#', 'Description', 'Quantity', 'Unit'],
    replyToReach: 'Reply to this email to reach our account manager.',
    sentenceGap: ' ',
  },
  'zh-CN': {
    greeting: (name) => `${name}，您好：`,
    ourReference: '我司订单号',
    contractNo: '合同号',
    shipper: '发货人',
    consignee: '收货人',
    seller: '卖方',
    buyer: '买方',
    incoterm: '贸易术语（Incoterms 2020）',
    cargoReady: '货好日期',
    toBeConfirmed: '待定',
    portOfLoading: '装货港',
    portOfDischarge: '卸货港',
    equipment: '箱型箱量',
    packages: '件数',
    grossWeight: '毛重',
    volume: '体积',
    freight: '运费',
    prepaid: '预付（Freight Prepaid）',
    collect: '到付（Freight Collect）',
    contact: '联系人',
    blNo: '提单号',
    blDate: '提单日期',
    vesselVoyage: '船名 / 航次',
    releasedBecause: '放货依据',
    cargo: '货物明细',
    cargoHead: ['序号', '品名', '数量', '单位'],
    replyToReach: '直接回复本邮件即可联系我司业务员。',
    sentenceGap: '',
  },
};

export function shippingWords(language: Language = 'en'): ShippingWords {
  return WORDS[language];
}

/** What the letter asks of the reader, then how to reach the account manager. */
export function askThenReply(ask: string, w: ShippingWords): string {
  return `${ask}${w.sentenceGap}${w.replyToReach}`;
}
