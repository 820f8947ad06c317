/**
 * Where a worker's main thread spends its time (`npx tsx bench/cpuProfile.ts <file.cpuprofile>`):
 * every sample of a V8 CPU profile (node --cpu-prof; the harness's WORKER_PROFILE_DIR) is charged
 * to the first area, in the order below, that has a frame on its stack. So "PDF rendering" is all
 * the time under pdfkit and its font code, whoever called it. The API's profile (`--api`) is charged
 * the other way, to the nearest frame from the leaf that belongs to an area (its self time by owner):
 * express and every middleware sit under every request's stack, so "anywhere on the stack" would
 * charge all of it to whichever came first.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
export interface Profile {
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

/** The API's areas, by the nearest frame from the leaf (node internals and builtins go to their caller). */
const apiAreas: [name: string, frame: RegExp][] = [
  ['payload codec (src/codec)', /\/(src|dist)\/codec\//],
  ['zod', /node_modules\/zod\//],
  ['pg (driver)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pg-connection-string)\//],
  ['read model (ours: SQL, rows)', /\/(src|dist)\/readModel\//],
  ['grpc', /node_modules\/@grpc\//],
  ['Temporal client and proto', /node_modules\/(@temporalio|protobufjs|@protobufjs|long)\//],
  [
    'auth and tokens',
    /\/(src|dist)\/api\/(auth|serviceTokens)\.|\/(src|dist)\/api\/signIn\/|node_modules\/(jose|openid-client|oauth4webapi)\//,
  ],
  [
    'middleware (helmet, access log, metrics, limits, request id)',
    /node_modules\/(helmet|prom-client|express-rate-limit)\/|\/(src|dist)\/api\/(accessLog|metrics|limits|requestContext|errors)\./,
  ],
  ['domain (src/domain)', /\/(src|dist)\/domain\//],
  ['our routes and API code', /\/(src|dist)\/(api|documents|console|text|config|observability)\//],
  [
    'express and body parsing',
    /node_modules\/(express|router|body-parser|raw-body|qs|finalhandler|send|on-finished|on-headers|iconv-lite|path-to-regexp|content-type|type-is|mime-types|mime-db|accepts|negotiator|media-typer|depd|debug|http-errors|statuses|cookie|etag|fresh|vary|parseurl|encodeurl|escape-html|proxy-addr|forwarded|ipaddr\.js|range-parser|serve-static|content-disposition|bytes|unpipe|ee-first)\//,
  ],
  [
    'node http and sockets',
    /^node:(_http|net|stream|http|internal\/(streams|http|net|stream_base|js_stream|dns))/,
  ],
];
const JSON_BUILTIN = /^(parse|stringify)$/;

/** Self time by owner: each sample to the area of the nearest frame from its leaf that has one. */
function apiAreaOf(stack: ProfileNode[]): string {
  const leaf = stack[0];
  const fromSpecial = special[leaf.callFrame.functionName];
  if (fromSpecial) return fromSpecial;
  if (leaf.callFrame.url === '' && JSON_BUILTIN.test(leaf.callFrame.functionName))
    return 'JSON (parse, stringify)';
  for (const frame of stack) {
    const area = apiAreas.find(([, re]) => re.test(frame.callFrame.url))?.[0];
    if (area) return area;
  }
  return 'other (node internals, unattributed)';
}

/** Only the samples taken between `from` and `to` (µs on the monotonic clock, as process.hrtime). */
export interface SampleWindow {
  fromUs: number;
  toUs: number;
}

export function summarise(profile: Profile, mode: 'worker' | 'api' = 'worker', window?: SampleWindow) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areaOf = new Map<number, string>();
  const classify = (id: number): string => {
    const cached = areaOf.get(id);
    if (cached) return cached;
    const leaf = byId.get(id)!;
    let area = mode === 'api' ? undefined : special[leaf.callFrame.functionName];
    if (mode === 'api') {
      const stack: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
      area = apiAreaOf(stack);
    } else if (!area) {
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
  // self time per function (the hot spots inside the areas)
  const selfMs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const a = classify(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    selfMs.set(id, (selfMs.get(id) ?? 0) + dt);
    ms[a] = (ms[a] ?? 0) + dt;
    run = run.area === a ? { area: a, ms: run.ms + dt } : { area: a, ms: dt };
    longest[a] = Math.max(longest[a] ?? 0, run.ms);
  });
  const wallMs = window
    ? (Math.min(window.toUs, profile.endTime) - Math.max(window.fromUs, profile.startTime)) / 1000
    : (profile.endTime - profile.startTime) / 1000;
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
  const byFunction = new Map<string, { ms: number; area: string }>();
  for (const [id, t] of selfMs) {
    const { functionName, url } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src|dist)\//, '$1/')}`;
    const seen = byFunction.get(key);
    byFunction.set(key, { ms: (seen?.ms ?? 0) + t, area: classify(id) });
  }
  const hottest = [...byFunction]
    .filter(([, f]) => f.area !== 'idle')
    .sort((x, y) => y[1].ms - x[1].ms)
    .map(([fn, f]) => ({ fn, ...f }));
  return { wallMs, busyMs, busyShare: busyMs / wallMs, rows, hottest };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/cpuProfile.ts <file.cpuprofile> [--api]');
  const s = summarise(
    JSON.parse(readFileSync(file, 'utf8')) as Profile,
    process.argv.includes('--api') ? 'api' : 'worker',
  );
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
