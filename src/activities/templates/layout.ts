import { html, type SafeHtml } from '../../text/escape';
import type { Language } from '../../domain';

/** Subject, plain-text part and HTML part of one email: the plain part reads well on its own. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: SafeHtml;
}

/** A label/value pair shown as a table row (HTML) or an aligned line (text). */
export type Fact = readonly [label: string, value: string];

export function factsText(facts: readonly Fact[]): string {
  const width = Math.max(...facts.map(([label]) => label.length));
  return facts.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n');
}

export function factsHtml(facts: readonly Fact[]): SafeHtml {
  const rows = facts.map(
    ([label, value]) =>
      html`<tr>
        <th align="left" style="padding:2px 12px 2px 0;vertical-align:top">${label}</th>
        <td style="padding:2px 0">${value}</td>
      </tr>`,
  );
  return html`<table cellspacing="0" cellpadding="0" style="border-collapse:collapse">
    ${rows}
  </table>`;
}

/** A simple table with a header row; every cell is escaped. */
export function tableHtml(head: readonly string[], rows: readonly (readonly string[])[]): SafeHtml {
  const th = head.map(
    (h) => html`<th align="left" style="border-bottom:1px solid #999;padding:4px 8px">${h}</th>`,
  );
  const tr = rows.map(
    (row) =>
      html`<tr>
        ${row.map((cell) => html`<td style="border-bottom:1px solid #ddd;padding:4px 8px">${cell}</td>`)}
      </tr>`,
  );
  return html`<table cellspacing="0" cellpadding="0" style="border-collapse:collapse">
    <thead>
      <tr>
        ${th}
      </tr>
    </thead>
    <tbody>
      ${tr}
    </tbody>
  </table>`;
}

export function tableText(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function paragraphs(texts: readonly string[]): SafeHtml {
  return html`${texts.map((t) => html`<p>${t}</p>`)}`;
}

/** The HTML frame shared by every email: no external assets, inline styles only (mail clients strip the rest). */
export function page(title: string, body: SafeHtml, footer: string, language: Language = 'en'): SafeHtml {
  return html`<!DOCTYPE html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">
        <h2 style="font-size:18px">${title}</h2>
        ${body}
        <hr style="border:0;border-top:1px solid #ccc;margin-top:24px" />
        <p style="color:#777;font-size:12px">${footer}</p>
      </body>
    </html>`;
}

/** The closing every email from a person ends with: their name and the company's. */
export function signOff(
  name: string,
  company: string,
  language: Language = 'en',
): { text: string[]; html: SafeHtml } {
  const regards = language === 'zh-CN' ? '顺颂商祺！' : 'Kind regards,';
  return {
    text: [regards, name, company, ''],
    html: html`<p>${regards}<br />${name}<br />${company}</p>`,
  };
}

/** A short letter: greeting, one paragraph, the facts as a table, the account manager's sign-off. */
export function factsLetter(
  subject: string,
  parts: { intro: string; body: string; facts: readonly Fact[]; signedBy: string; language?: Language },
  exporterName: string,
): RenderedEmail {
  const closing = signOff(parts.signedBy, exporterName, parts.language);
  const text = [parts.intro, '', parts.body, '', factsText(parts.facts), '', ...closing.text].join('\n');
  const htmlBody = html`<p>${parts.intro}</p>
    <p>${parts.body}</p>
    ${factsHtml(parts.facts)} ${closing.html}`;
  return { subject, text, html: page(subject, htmlBody, exporterName, parts.language) };
}
