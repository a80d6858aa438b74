/**
 * Local twin of the `notify` function's timer trigger: runs the deadline jobs in-process every few minutes. Locally the
 * messages stay in the inbox (no WeChat to send them through). Tests call `admin.runJobs` instead, with the test clock.
 */
import { WordListChecker } from '../cloudfunctions/_lib/contentCheck';
import { runJobs, SCHEDULER } from '../cloudfunctions/notify/jobs';
import type { LocalApp } from './app';

export const JOB_INTERVAL_MS = 5 * 60 * 1000;

export function startScheduler(app: LocalApp, options: { intervalMs?: number; allowTestClock: boolean; log?: (e: unknown) => void }): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runJobs({
        fn: 'notify',
        action: 'timer',
        caller: SCHEDULER,
        store: app.store,
        files: app.files,
        clock: app.clock,
        content: new WordListChecker(),
        runtime: { mode: 'local', allowTestClock: options.allowTestClock },
      });
    } catch (e) {
      (options.log ?? console.error)(e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.intervalMs ?? JOB_INTERVAL_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
