/**
 * The cloud entry: wraps a function's router as CloudBase's `main(event, context)`.
 * The caller is the openid WeChat injects, read on every invocation (never cached: an instance serves one caller after
 * another; cloudbaserc.json keeps one invocation per instance at a time); the store is the CloudBase database.
 */
import * as tcb from '@cloudbase/node-sdk';
import type { Envelope } from '../../types/envelope';
import { systemClock } from './clock';
import type { ContentChecker } from './contentCheck';
import { CloudDownloads } from './downloads';
import { CloudFileStore } from './files';
import type { Caller } from './context';
import { callerForOpenid } from './identity';
import { envVersionOf, type MiniCodes, type WxacodeApi } from './miniCode';
import { dispatch, type BaseCtx, type FunctionDef } from './router';
import { CloudbaseStore } from './store/cloudbase';
import { Throttle } from './throttle';

/** This instance's rate-limit windows (per instance; see throttle.ts for what holds across instances). */
const throttle = new Throttle('strict');

let app: ReturnType<typeof tcb.init> | null = null;
let store: CloudbaseStore | null = null;
let files: CloudFileStore | null = null;
let downloads: CloudDownloads | null = null;

function runtime() {
  if (!app) {
    app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    store = new CloudbaseStore(app.database());
    files = new CloudFileStore(app as never);
    downloads = new CloudDownloads(app as never);
  }
  return { store: store!, files: files!, downloads: downloads! };
}

/** A function that takes no citizens' text has no content check; should it ever ask, the text is held for a person. */
const holdAll: ContentChecker = { check: async () => 'review' };

/**
 * The identity WeChat injects for this invocation: WX_OPENID, listed in WX_CONTEXT_KEYS in the environment, or in the
 * context's `environment` on the newer runtime (node-sdk utils/tcbcontext.js:getCloudbaseContext reads both).
 */
function openidOf(context: unknown): string {
  const c = context as { environment?: unknown; environ?: unknown } | undefined;
  const usable = c && typeof c === 'object' && (typeof c.environment === 'string' || typeof c.environ === 'string');
  let wx: { WX_OPENID?: string };
  try {
    wx = tcb.getCloudbaseContext(usable ? (context as never) : undefined);
  } catch {
    // A context the SDK cannot parse: the environment alone still names the caller.
    wx = tcb.getCloudbaseContext();
  }
  return wx.WX_OPENID ?? '';
}

/**
 * A timer trigger's event (`{ Type: 'Timer', TriggerName, Time, Message }`): only from the platform, which injects no
 * openid; a mini-program call always carries one, so a caller cannot pose as the timer.
 */
export function isTimerEvent(event: unknown, openid: string): boolean {
  return !openid && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string';
}

export interface CloudMainOptions {
  content?: () => ContentChecker;
  /** WeChat's mini-program codes (_lib/wechatMiniCode), for the functions that draw posters and rating codes. */
  miniCode?: () => WxacodeApi;
  /** What the function's timer trigger runs (cloudbaserc.json `triggers`), with the caller it names. */
  timer?: { caller: Caller; run: (base: BaseCtx) => Promise<unknown> };
}

export function cloudMain(fn: FunctionDef, options: CloudMainOptions = {}) {
  return async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    const { store, files, downloads } = runtime();
    const content = options.content ? options.content() : holdAll;
    const miniCodes: MiniCodes | undefined = options.miniCode ? { api: options.miniCode(), storage: downloads, envVersion: envVersionOf() } : undefined;
    const openId = openidOf(context);
    if (options.timer && isTimerEvent(event, openId))
      return { ok: true, data: await options.timer.run({ caller: options.timer.caller, store, files, downloads, miniCodes, content, clock: systemClock, runtime: { mode: 'cloud', allowTestClock: false } }) };
    const adminOpenids = (process.env.ADMIN_OPENIDS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const caller = await callerForOpenid(store, openId, adminOpenids);
    return dispatch(fn, event, { caller, store, files, downloads, miniCodes, content, throttle, clientAddress: null, clock: systemClock, runtime: { mode: 'cloud', allowTestClock: false } });
  };
}
