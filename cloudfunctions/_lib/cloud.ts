/**
 * The cloud entry: wraps a function's router as CloudBase's `main(event, context)`.
 * The caller is the openid WeChat injects; the store is the CloudBase database.
 */
import * as tcb from '@cloudbase/node-sdk';
import type { Envelope } from '../../types/envelope';
import { systemClock } from './clock';
import { WeChatChecker } from './contentCheck';
import { CloudFileStore } from './files';
import { callerForOpenid } from './identity';
import { dispatch, type FunctionDef } from './router';
import { CloudbaseStore } from './store/cloudbase';
import { Throttle } from './throttle';

/** This instance's rate-limit windows (per instance; see throttle.ts for what holds across instances). */
const throttle = new Throttle('strict');

let app: ReturnType<typeof tcb.init> | null = null;
let store: CloudbaseStore | null = null;
let files: CloudFileStore | null = null;
let content: WeChatChecker | null = null;

function runtime() {
  if (!app) {
    app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    store = new CloudbaseStore(app.database());
    files = new CloudFileStore(app as never);
    content = new WeChatChecker(app as never);
  }
  return { app, store: store!, files: files!, content: content! };
}

export function cloudMain(fn: FunctionDef) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const { app, store, files, content } = runtime();
    const { openId } = app.auth().getUserInfo();
    const adminOpenids = (process.env.ADMIN_OPENIDS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const caller = await callerForOpenid(store, openId, adminOpenids);
    return dispatch(fn, event, { caller, store, files, content, throttle, clientAddress: null, clock: systemClock, runtime: { mode: 'cloud', allowTestClock: false } });
  };
}
