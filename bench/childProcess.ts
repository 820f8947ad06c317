/**
 * A bench helper as an OS process of its own (tsx loader inside one node process), so its CPU and
 * event-loop stalls stay out of the harness's latencies and its CPU is counted apart. The child
 * announces itself with one `ready <detail>` line on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { root } from './lib';

export interface BenchChild {
  readonly pid: number | undefined;
  /** What the child printed after `ready ` (e.g. its port). */
  readonly detail: string;
  stop(): Promise<void>;
}

export async function startBenchChild(
  entry: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<BenchChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const detail = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} not ready in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const m = /^ready ?(.*)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].trim());
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => void (output = (output + c.toString()).slice(-20_000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited at start (code ${code}):\n${output}`));
    });
  });
  return {
    pid: child.pid,
    detail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(t);
    },
  };
}
