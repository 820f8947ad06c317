/**
 * Pictures of the metrics for the README (no Grafana on this machine): a few dashboard panels drawn
 * from scraped samples, and an excerpt of the metrics page itself, as SVG rendered to PNG.
 */
import { svgToPng } from '../bench/chart';
import { sumOf, type Sample } from './prometheus';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const W = 1200;

interface Bar {
  label: string;
  value: number;
}

function barPanel(x: number, y: number, w: number, h: number, title: string, bars: Bar[], color: string) {
  const out = [
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#f7f8fa" stroke="#d0d4da"/>`,
    `<text x="${x + 12}" y="${y + 24}" font-size="15" font-weight="bold">${esc(title)}</text>`,
  ];
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = Math.min(24, (h - 44) / Math.max(1, bars.length));
  const labelW = 190;
  bars.forEach((b, i) => {
    const yy = y + 40 + i * rowH;
    const bw = ((w - labelW - 70) * b.value) / max;
    out.push(
      `<text x="${x + labelW}" y="${yy + rowH * 0.7}" font-size="12" text-anchor="end">${esc(b.label)}</text>`,
    );
    out.push(
      `<rect x="${x + labelW + 8}" y="${yy + 3}" width="${bw}" height="${rowH - 6}" fill="${color}"/>`,
    );
    out.push(`<text x="${x + labelW + 14 + bw}" y="${yy + rowH * 0.7}" font-size="12">${b.value}</text>`);
  });
  return out.join('\n');
}

function statPanel(x: number, y: number, w: number, title: string, value: string) {
  return [
    `<rect x="${x}" y="${y}" width="${w}" height="90" fill="#f7f8fa" stroke="#d0d4da"/>`,
    `<text x="${x + 12}" y="${y + 24}" font-size="13">${esc(title)}</text>`,
    `<text x="${x + 12}" y="${y + 68}" font-size="30" font-weight="bold">${esc(value)}</text>`,
  ].join('\n');
}

const byLabel = (samples: Sample[], name: string, label: string): Bar[] =>
  samples.filter((s) => s.name === name).map((s) => ({ label: s.labels[label] ?? '', value: s.value }));

/** Panels like the Grafana dashboard's (ops/grafana/orderdesk.json), from one scrape of each endpoint. */
export function dashboardPng(api: Sample[], worker: Sample[]): Buffer {
  const H = 820;
  const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="20" y="32" font-size="20" font-weight="bold">Order desk: metrics after the test's order lives</text>`,
    barPanel(
      20,
      50,
      570,
      300,
      'Open orders by stage',
      byLabel(api, 'orderdesk_orders_open', 'stage'),
      '#3274d9',
    ),
    barPanel(
      610,
      50,
      570,
      300,
      'Emails sent by purpose',
      byLabel(api, 'orderdesk_emails_sent', 'purpose'),
      '#56a64b',
    ),
    statPanel(20, 370, 180, 'Stalled orders', String(sumOf(api, 'orderdesk_orders_stalled'))),
    statPanel(210, 370, 180, 'Oldest stall', `${Math.round(sumOf(api, 'orderdesk_oldest_stall_seconds'))} s`),
    statPanel(
      400,
      370,
      190,
      'USD outstanding',
      sumOf(api, 'orderdesk_money_outstanding', { currency: 'USD' }).toFixed(2),
    ),
    statPanel(
      610,
      370,
      180,
      'Workflow task failures',
      String(sumOf(worker, 'temporal_workflow_task_execution_failed')),
    ),
    statPanel(800, 370, 180, 'Sticky cache', String(sumOf(worker, 'temporal_sticky_cache_size'))),
    statPanel(990, 370, 190, 'Worker memory (RSS)', mb(sumOf(worker, 'orderdesk_worker_memory_rss_bytes'))),
    barPanel(
      20,
      480,
      1160,
      320,
      'Events accepted by type (orderdesk_events_accepted_total)',
      byLabel(api, 'orderdesk_events_accepted_total', 'type'),
      '#8f3bb8',
    ),
    '</svg>',
  ].join('\n');
  return svgToPng(svg);
}

/** The first lines of the API's business gauges as `GET /metrics` shows them. */
export function metricsPagePng(text: string): Buffer {
  const lines = text
    .split('\n')
    .filter((l) => /^(# (HELP|TYPE) )?orderdesk_(orders|oldest|money|emails|events|read_model)/.test(l))
    .slice(0, 60);
  const H = 40 + lines.length * 16;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans Mono, monospace">`,
    `<rect width="${W}" height="${H}" fill="#fbfbfb"/>`,
    ...lines.map(
      (l, i) =>
        `<text x="16" y="${28 + i * 16}" font-size="12" fill="${l.startsWith('#') ? '#888' : '#111'}">${esc(l)}</text>`,
    ),
    '</svg>',
  ].join('\n');
  return svgToPng(svg);
}
