import { formatDateTime, formatDateTimeIn } from '../../domain/letters/format';
import { parseIso } from '../../text/format';
import { stageName } from '../../domain/i18n/terms';
import type { ReminderNotice } from '../types';

/** A reminder notice for a chat robot: a title, markdown for robots that render it, plain text for the rest. */
export interface ChatMessage {
  title: string;
  markdown: string;
  text: string;
}

/** Chat markdown treats these as markup; order data shows them literally. */
function plain(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}

export function reminderNoticeMessage(
  notice: ReminderNotice,
  link: string,
  key: string,
  timeZone?: string,
): ChatMessage {
  const zh = notice.language === 'zh-CN';
  const stage = stageName(notice.stage, zh ? 'zh-CN' : 'en');
  const sinceAt = parseIso(notice.since, 'since');
  const since = timeZone ? formatDateTimeIn(sinceAt, timeZone) : formatDateTime(sinceAt);
  const what =
    notice.kind === 'PAYMENT_DUE'
      ? zh
        ? `款项逾期：${notice.late ?? stage}`
        : `Payment overdue: ${notice.late ?? stage}`
      : zh
        ? `「${stage}」阶段超过时限`
        : `${stage} stage past its time limit`;
  const title = zh
    ? `${notice.escalated ? '【升级】' : ''}订单 ${notice.orderId} 提醒`
    : `${notice.escalated ? '[Escalated] ' : ''}Order ${notice.orderId} reminder`;
  const lines: [string, string][] = zh
    ? [
        ['订单', `${notice.orderId}（${notice.customerCompany}）`],
        ['阶段', stage],
        ['逾期事项', what],
        ['起始时间', since],
        ['负责人', notice.accountManagerName],
      ]
    : [
        ['Order', `${notice.orderId} (${notice.customerCompany})`],
        ['Stage', stage],
        ['Late', what],
        ['Since', since],
        ['Account manager', notice.accountManagerName],
      ];
  const open = zh ? '打开订单' : 'Open the order';
  const markdown = [
    `### ${plain(title)}`,
    ...lines.map(([label, value]) => `**${label}**: ${plain(value)}`),
    `[${open}](${link})`,
    `ref ${key}`,
  ].join('\n\n');
  const text = [
    title,
    ...lines.map(([label, value]) => `${label}: ${value}`),
    `${open}: ${link}`,
    `ref ${key}`,
  ].join('\n');
  return { title, markdown, text };
}
