import type { ChildProcess, StdioOptions } from 'child_process';

export interface SuperviseOptions {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  stdio?: StdioOptions;
  /** A child that dies sooner than this after starting is restarted with a growing delay. */
  quickRestartMs?: number;
  onStart?: (child: ChildProcess) => void;
}
export interface Supervisor {
  stop(signal?: NodeJS.Signals): Promise<number>;
  readonly child: ChildProcess;
  readonly restarts: number;
}
export function supervise(options: SuperviseOptions): Supervisor;
