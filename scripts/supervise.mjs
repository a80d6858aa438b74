// Keeps a child process running: if it exits unexpectedly (a non-zero code or a signal nobody asked for) it is
// started again and the log says why; restarts that come too fast back off (1 s, 2 s, 4 s … up to 30 s).
// SIGINT/SIGTERM to the supervisor stop the child and then the supervisor. Used by `npm start` (scripts/start.mjs).
import { spawn } from 'child_process';

/**
 * @param {{ command: string, args: string[], env?: NodeJS.ProcessEnv, log?: (line: string) => void, stdio?: any,
 *           quickRestartMs?: number, onStart?: (child: import('child_process').ChildProcess) => void }} options
 * @returns {{ stop(signal?: NodeJS.Signals): Promise<number>, readonly child: import('child_process').ChildProcess, readonly restarts: number }}
 */
export function supervise(options) {
  const log = options.log ?? ((line) => console.error(line));
  const quick = options.quickRestartMs ?? 10_000;
  let child;
  let stopping = false;
  let restarts = 0;
  let backoff = 0;
  let timer = null;
  let resolveStopped;
  const stopped = new Promise((r) => (resolveStopped = r));

  const start = () => {
    const startedAt = Date.now();
    child = spawn(options.command, options.args, { stdio: options.stdio ?? 'inherit', env: options.env ?? process.env });
    options.onStart?.(child);
    child.on('exit', (code, signal) => {
      if (stopping) return resolveStopped(code ?? 0);
      if (code === 0 && !signal) {
        log(`[supervisor] 服务进程已正常退出 (exit code 0)`);
        return resolveStopped(0);
      }
      backoff = Date.now() - startedAt < quick ? Math.min(backoff ? backoff * 2 : 1000, 30_000) : 0;
      restarts++;
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      log(`[supervisor] ${new Date().toISOString()} 服务进程意外退出 (${why})，${backoff ? `${backoff / 1000} 秒后` : '立即'}重启（第 ${restarts} 次）`);
      timer = setTimeout(start, backoff);
    });
  };
  start();

  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    stop(signal = 'SIGTERM') {
      stopping = true;
      if (timer) clearTimeout(timer);
      if (child.exitCode !== null || child.signalCode !== null) resolveStopped(child.exitCode ?? 0);
      else child.kill(signal);
      return stopped;
    },
  };
}
