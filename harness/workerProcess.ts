import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** How node runs an entry: built JavaScript as it is, TypeScript through tsx's loader. */
export function nodeArgsFor(entry: string): string[] {
  return entry.endsWith('.js') ? [entry] : ['--import', 'tsx', entry];
}

/**
 * The production worker entry (src/worker.ts) as a separate OS process, so a test can SIGKILL it
 * the way a crash or an OOM kill would. It bundles the workflows from source at start.
 */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  private output = '';

  /** `entry` and `readyLine`: another worker entry (a test's own) and the line it prints when polling. */
  constructor(
    private readonly env: Record<string, string>,
    private readonly entry = 'src/worker.ts',
    private readonly readyLine = 'order worker polling',
  ) {}

  /** `envOverride`: settings for this start only (e.g. another cache size). */
  async start(readyTimeoutMs = 60_000, envOverride: Record<string, string> = {}): Promise<void> {
    // Never two workers from one handle: a previous one still running would be orphaned.
    await this.kill('SIGKILL');
    // tsx as a loader inside one node process (not the tsx launcher, which would leave its child
    // running when killed), in a process group of its own so kill() reaches everything it started.
    // WORKER_PROFILE_DIR: a V8 CPU profile of the worker, written when it stops gracefully.
    const profile = process.env.WORKER_PROFILE_DIR;
    const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const child = spawn(process.execPath, [...profiling, ...nodeArgsFor(this.entry)], {
      cwd: root,
      detached: true,
      env: { ...process.env, ...this.env, ...envOverride },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    const collect = (chunk: Buffer) => void (this.output += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + readyTimeoutMs;
    while (!this.output.includes(this.readyLine)) {
      if (child.exitCode !== null) throw new Error(`worker exited at start:\n${this.output}`);
      if (Date.now() > deadline) {
        await this.kill('SIGKILL');
        throw new Error(`worker not ready in ${readyTimeoutMs} ms:\n${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: no graceful shutdown, in-flight tasks are simply lost to this process. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    process.kill(-child.pid!, signal);
    await exited;
    child.stdout?.destroy();
    child.stderr?.destroy();
  }

  get log(): string {
    return this.output;
  }
}
