/**
 * Where a worker's main thread spends its time (`npx tsx bench/cpuProfile.ts <file.cpuprofile>`):
 * every sample of a V8 CPU profile (node --cpu-prof; the harness's WORKER_PROFILE_DIR) is charged
 * to the first area, in the order below, that has a frame on its stack. So "PDF rendering" is all
 * the time under pdfkit and its font code, whoever called it.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const areas: [name: string, frame: RegExp][] = [
  [
    'PDF rendering (pdfkit, fonts)',
    /node_modules\/(pdfkit|fontkit|linebreak|png-js|restructure|unicode-|brotli|crypto-js|jpeg-exif)/,
  ],
  ['SMTP (nodemailer)', /node_modules\/nodemailer/],
  ['read model (pg)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//],
  ['payload codec and JSON', /src\/codec\//],
  ['activities (ours, outside the above)', /src\/activities\//],
  ['workflow code (bundle in the vm)', /workflow-bundle|\/src\/workflows\/|\/src\/domain\//],
  ['Temporal SDK (worker, proto)', /@temporalio\/|protobufjs/],
];
const special: Record<string, string> = {
  '(idle)': 'idle',
  '(garbage collector)': 'garbage collector',
  '(program)': 'native (program)',
};

export function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areaOf = new Map<number, string>();
  const classify = (id: number): string => {
    const cached = areaOf.get(id);
    if (cached) return cached;
    const leaf = byId.get(id)!;
    let area = special[leaf.callFrame.functionName];
    if (!area) {
      const urls: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
        urls.push(byId.get(at)!.callFrame.url);
      area =
        areas.find(([, re]) => urls.some((u) => re.test(u)))?.[0] ?? 'other JavaScript (node, express, tsx)';
    }
    areaOf.set(id, area);
    return area;
  };
  const ms: Record<string, number> = {};
  // the longest unbroken run of samples in one area: how long it held the thread at once
  const longest: Record<string, number> = {};
  let run = { area: '', ms: 0 };
  profile.samples.forEach((id, i) => {
    const a = classify(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    ms[a] = (ms[a] ?? 0) + dt;
    run = run.area === a ? { area: a, ms: run.ms + dt } : { area: a, ms: dt };
    longest[a] = Math.max(longest[a] ?? 0, run.ms);
  });
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  const busyMs = wallMs - (ms.idle ?? 0);
  const rows = Object.entries(ms)
    .filter(([a]) => a !== 'idle')
    .sort((a, b) => b[1] - a[1])
    .map(([area, t]) => ({
      area,
      ms: t,
      longestMs: longest[area] ?? 0,
      shareOfBusy: t / busyMs,
      shareOfWall: t / wallMs,
    }));
  return { wallMs, busyMs, busyShare: busyMs / wallMs, rows };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/cpuProfile.ts <file.cpuprofile>');
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  console.log(
    `main thread busy ${(s.busyMs / 1000).toFixed(1)} s of ${(s.wallMs / 1000).toFixed(1)} s (${(s.busyShare * 100).toFixed(0)} %)`,
  );
  console.log(
    '| area | CPU s | share of busy | share of wall | longest hold ms |\n| --- | --- | --- | --- | --- |',
  );
  for (const r of s.rows)
    console.log(
      `| ${r.area} | ${(r.ms / 1000).toFixed(2)} | ${(r.shareOfBusy * 100).toFixed(1)} % | ${(r.shareOfWall * 100).toFixed(1)} % | ${r.longestMs.toFixed(0)} |`,
    );
}
