/**
 * CloudBase entry of the `notify` function. The routing lives in ./actions.ts, shared with the local server; its timer
 * trigger (cloudbaserc.json, every 10 minutes) runs the deadline jobs and, beside them, sends the messages pending when
 * the tick began as WeChat subscription messages. What the jobs write goes out at the next tick: one tick's rounds are
 * the longer of the two, not their sum (issue 25), and a reminder waits at most one tick more (it is in the inbox at once).
 */
import { cloudMain } from '../_lib/cloud';
import { wechatSubscribeApi } from '../_lib/wechatSubscribe';
import { notifyFunction } from './actions';
import { runJobs, SCHEDULER } from './jobs';
import { sendPending } from './sendPending';

export const main = cloudMain(notifyFunction, {
  timer: {
    caller: SCHEDULER,
    run: async (base) => {
      const ctx = { ...base, fn: 'notify' as const, action: 'timer' };
      const adminOpenids = (process.env.ADMIN_OPENIDS ?? '').split(',').map((x) => x.trim()).filter(Boolean);
      const [jobs, sent] = await Promise.all([runJobs(ctx), sendPending(ctx, wechatSubscribeApi(), { adminOpenids })]);
      return { jobs, sent };
    },
  },
});
