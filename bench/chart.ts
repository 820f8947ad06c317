/** Latency distributions as an SVG (share of requests at or below a latency; log axes so the tail shows), rendered to PNG. */
import { Resvg } from '@resvg/resvg-js';

export interface Series {
  name: string;
  color: string;
  values: number[]; // ms
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function latencySvg(title: string, series: Series[]): string {
  const W = 960;
  const H = 560;
  const m = { l: 70, r: 290, t: 50, b: 60 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const all = series.flatMap((s) => s.values).filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.05, Math.min(...all)))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all))));
  const x = (v: number): number =>
    m.l + ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * pw;
  // tail-friendly vertical axis: p50, p90, p99, p99.9 equally spaced
  const tail = (q: number) => Math.min(3, -Math.log10(Math.max(1e-9, 1 - q))) / 3;
  const y = (q: number) => m.t + ph - tail(q) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${m.l}" y="28" font-size="18" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let d = lo; d <= hi; d *= 10) {
    for (const k of [1, 2, 5]) {
      const v = d * k;
      if (v > hi) break;
      const xx = x(v);
      out.push(
        `<line x1="${xx}" y1="${m.t}" x2="${xx}" y2="${m.t + ph}" stroke="${k === 1 ? '#bbb' : '#eee'}"/>`,
      );
      out.push(
        `<text x="${xx}" y="${m.t + ph + 18}" font-size="12" text-anchor="middle">${v >= 1 ? v : v.toFixed(1)}</text>`,
      );
    }
  }
  for (const q of [0, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]) {
    out.push(
      `<line x1="${m.l}" y1="${y(q)}" x2="${m.l + pw}" y2="${y(q)}" stroke="${q === 0.99 || q === 0.5 ? '#999' : '#eee'}" ${q === 0.99 || q === 0.5 ? 'stroke-dasharray="4 3"' : ''}/>`,
    );
    out.push(
      `<text x="${m.l - 8}" y="${y(q) + 4}" font-size="12" text-anchor="end">p${+(q * 100).toFixed(1)}</text>`,
    );
  }
  out.push(
    `<text x="${m.l + pw / 2}" y="${H - 15}" font-size="14" text-anchor="middle">latency per request, ms (log scale)</text>`,
  );
  out.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  series.forEach((s, i) => {
    const v = [...s.values].sort((a, b) => a - b);
    if (!v.length) return;
    const step = Math.max(1, Math.floor(v.length / 800));
    const pts: string[] = [];
    for (let j = 0; j < v.length; j += j > v.length * 0.9 ? 1 : step)
      pts.push(`${x(v[j]).toFixed(1)},${y((j + 1) / v.length).toFixed(1)}`);
    pts.push(`${x(v[v.length - 1]).toFixed(1)},${y(1).toFixed(1)}`);
    out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2.5"/>`);
    const p = (q: number) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
    const ly = m.t + 10 + i * 62;
    out.push(`<rect x="${m.l + pw + 15}" y="${ly}" width="14" height="14" fill="${s.color}"/>`);
    out.push(
      `<text x="${m.l + pw + 36}" y="${ly + 12}" font-size="13" font-weight="bold">${esc(s.name)}</text>`,
    );
    out.push(
      `<text x="${m.l + pw + 36}" y="${ly + 30}" font-size="12">p50 ${p(0.5).toFixed(1)}  p95 ${p(0.95).toFixed(1)}</text>`,
    );
    out.push(
      `<text x="${m.l + pw + 36}" y="${ly + 46}" font-size="12">p99 ${p(0.99).toFixed(1)} ms  (n=${v.length})</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  })
    .render()
    .asPng();
}
