/** Starts tests/support/functionHost.cjs over the built bundles, wired to a fake CloudBase gateway. */
import { spawn } from 'child_process';
import path from 'path';
import readline from 'readline';
import type { FakeGateway } from './fakeGateway';

export interface BundleHost {
  /** Invokes `fn`'s main with `event` as the caller `openid` (none: anonymous), named in the environment or in the context. */
  call(fn: string, event: Record<string, unknown>, openid?: string, inContext?: boolean): Promise<{ result: any; coldMs?: number; cpuMs: number; rounds: number; queryRounds: number }>;
  stop(): Promise<void>;
}

export const DIST = path.resolve(__dirname, '../../dist/cloudfunctions');

/** `root`: the project directory (given by scripts bundled elsewhere, whose __dirname is not this one's). */
export function startBundleHost(gw: FakeGateway, extraEnv: Record<string, string> = {}, root = path.resolve(__dirname, '../..')): BundleHost {
  // From an empty directory and a bare environment: nothing from node_modules or the developer's shell can leak in.
  const child = spawn(process.execPath, [path.join(root, 'tests/support/functionHost.cjs'), path.join(root, 'dist/cloudfunctions')], {
    cwd: '/',
    env: { PATH: process.env.PATH ?? '', TZ: 'Asia/Shanghai', TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', SILENCE: 'true', ...gw.env(), ...extraEnv },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<number, (a: any) => void>();
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const a = JSON.parse(line);
    waiting.get(a.id)?.(a);
    waiting.delete(a.id);
  });
  let seq = 0;
  return {
    call: (fn, event, openid, inContext) =>
      new Promise((resolve, reject) => {
        const id = ++seq;
        waiting.set(id, (a) => (a.error ? reject(new Error(`${fn}: ${a.error}`)) : resolve({ result: a.result, coldMs: a.coldMs, cpuMs: a.cpuMs, rounds: a.rounds, queryRounds: a.queryRounds })));
        child.stdin.write(JSON.stringify({ id, fn, event, openid, inContext }) + '\n');
      }),
    stop: async () => {
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
    },
  };
}
