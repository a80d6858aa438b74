/**
 * A CloudBase function is a router over `event.action`. Each action is a zod schema, a permission
 * rule and a use case (tRPC's procedure: schema plus resolver). `dispatch` turns any outcome into
 * the envelope `{ ok, data } | { ok: false, error }`.
 */
import * as z from 'zod';
import type { Envelope, FunctionName } from '../../types/envelope';
import { issuesOf, summaryOf } from '../../types/validation';
import type { Caller, Ctx } from './context';
import { AppError } from './errors';
import { throttleAction } from './throttle';

export type Rule = (caller: Caller) => boolean;

export interface ActionDef<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S;
  /** The role-level rule, from the area's permissions module. Record-level rules live in the use case. */
  allow: Rule;
  run: (input: z.output<S>, ctx: Ctx) => Promise<O>;
  /** Exists only in local mode with the test clock allowed. */
  testClockOnly?: boolean;
}

export function action<S extends z.ZodType, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def;
}

export interface FunctionDef {
  name: FunctionName;
  actions: Record<string, ActionDef>;
}

export function defineFunction(name: FunctionName, actions: Record<string, ActionDef<any, any>>): FunctionDef {
  return { name, actions };
}

export type BaseCtx = Omit<Ctx, 'fn' | 'action'>;

/** Logs a failure server-side; never shown to the caller. */
export type ErrorLogger = (fn: string, action: string, error: unknown) => void;
const defaultLogger: ErrorLogger = (fn, act, error) => console.error(`[${fn}.${act}]`, error);

export async function dispatch(fn: FunctionDef, event: unknown, base: BaseCtx, log: ErrorLogger = defaultLogger): Promise<Envelope<unknown>> {
  const name = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
  if (typeof name !== 'string' || name === '') return fail(new AppError('INVALID_INPUT', '请求缺少 action'));
  const def = Object.prototype.hasOwnProperty.call(fn.actions, name) ? fn.actions[name] : undefined;
  if (!def || (def.testClockOnly && !(base.runtime.mode === 'local' && base.runtime.allowTestClock)))
    return fail(new AppError('INVALID_INPUT', `没有这个操作：${fn.name}.${name.slice(0, 40)}`));

  const ctx: Ctx = { ...base, fn: fn.name, action: name };
  if (!def.allow(ctx.caller)) {
    return fail(ctx.caller.userId ? new AppError('FORBIDDEN', '您没有权限进行此操作') : new AppError('UNAUTHENTICATED', '请先登录后再操作'));
  }
  const { action: _omit, ...payload } = event as Record<string, unknown>;
  const parsed = def.input.safeParse(payload);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return fail(new AppError('INVALID_INPUT', summaryOf(issues), issues));
  }
  try {
    throttleAction(ctx);
    return { ok: true, data: await def.run(parsed.data, ctx) };
  } catch (error) {
    if (error instanceof AppError) return fail(error);
    log(fn.name, name, error);
    return fail(new AppError('INTERNAL', '系统暂时出了点问题，请稍后再试'));
  }
}

function fail(error: AppError): Envelope<never> {
  return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}), ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) } };
}
