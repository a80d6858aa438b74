/**
 * CloudBase entry of the `notify` function. The routing lives in ./actions.ts, shared with the local server; its timer
 * trigger (cloudbaserc.json) runs the deadline jobs and then sends pending messages as WeChat subscription messages.
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
      const jobs = await runJobs(ctx);
      const adminOpenids = (process.env.ADMIN_OPENIDS ?? '').split(',').map((x) => x.trim()).filter(Boolean);
      return { jobs, sent: await sendPending(ctx, wechatSubscribeApi(), { adminOpenids }) };
    },
  },
});
