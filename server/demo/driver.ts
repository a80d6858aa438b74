/**
 * The demo seeder's hands. Every act of the demo year is a real use case, dispatched in-process exactly as the local
 * server dispatches a request — the same routers, permission rules, schemas, transactions and audit entries — as a
 * real caller (the bureau, or a person with a local session bound to a role through invites and registrations), on
 * the story's clock. The one difference: the seeder's own ctx carries no throttle (many people, one process).
 *
 * Acts are played in time order from an agenda; before the first act of each day the deadline jobs run, as the
 * scheduler would have run them that morning (reminders, overdue flags).
 */
import { SettableClock } from '../../cloudfunctions/_lib/clock';
import { WordListChecker } from '../../cloudfunctions/_lib/contentCheck';
import { ANONYMOUS, type Caller } from '../../cloudfunctions/_lib/context';
import type { Downloads } from '../../cloudfunctions/_lib/downloads';
import { callerForToken, localAdmin } from '../../cloudfunctions/_lib/identity';
import { dispatch, type BaseCtx } from '../../cloudfunctions/_lib/router';
import type { Store } from '../../cloudfunctions/_lib/store/port';
import { runJobs, SCHEDULER } from '../../cloudfunctions/notify/jobs';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import type { FunctionName } from '../../types/envelope';
import { shanghaiDate } from '../../types/time';
import type { LocalFileStore } from '../localFiles';
import { isWorkday } from './timeline';

/** Someone with a local session (its bearer token is what a phone would keep). */
export interface Person {
  label: string;
  token: string;
  userId: string;
}
export type Actor = Person | 'bureau' | 'anonymous';

/** An instant in Asia/Shanghai: `date` at `time` (HH:MM). */
export const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);

interface Act {
  at: number;
  seq: number;
  label: string;
  run: () => Promise<void>;
}

export class DemoDriver {
  readonly clock = new SettableClock();
  private readonly content = new WordListChecker();
  private readonly heap: Act[] = [];
  private seq = 0;
  private jobsDay: string | null = null;
  /** How many use cases ran (for the seeding report). */
  calls = 0;

  constructor(
    readonly store: Store,
    readonly files: LocalFileStore,
    private readonly downloads: Downloads,
    /** Acts are never dated after this instant (the real now, less a margin): the demo has no future. */
    private readonly latest: Date,
  ) {}

  private ctx(caller: Caller): BaseCtx {
    return { caller, store: this.store, files: this.files, downloads: this.downloads, content: this.content, clock: this.clock, runtime: { mode: 'local', allowTestClock: false }, clientAddress: '127.0.0.1' };
  }

  /** Callers by token, as the server would resolve them; a person's entry is dropped when their account changes. */
  private readonly callers = new Map<string, Caller>();

  private async callerOf(who: Actor): Promise<Caller> {
    if (who === 'bureau') return localAdmin();
    if (who === 'anonymous') return ANONYMOUS;
    const caller = this.callers.get(who.token) ?? (await callerForToken(this.store, who.token, ''));
    if (!caller) throw new Error(`demo: ${who.label} has no account`);
    this.callers.set(who.token, caller);
    return caller;
  }

  /** One use case as `who`, now; its data, or an error naming the act (seeding stops: the demo must be whole). */
  async call<T = any>(who: Actor, fn: FunctionName, action: string, payload: object = {}): Promise<T> {
    let internal: unknown = null;
    const envelope = await dispatch(FUNCTIONS[fn], { ...payload, action }, this.ctx(await this.callerOf(who)), (_f, _a, e) => (internal = e));
    this.calls++;
    // The two acts that change the caller's own account (roles, organisation): resolve them afresh next time.
    if (typeof who === 'object' && ((fn === 'auth' && action === 'redeemInvite') || (fn === 'orgs' && action === 'register'))) this.callers.delete(who.token);
    if (internal) throw internal;
    if (!envelope.ok) {
      const name = typeof who === 'string' ? who : who.label;
      throw new Error(`demo: ${fn}.${action} as ${name} on ${this.clock.today()} refused: ${JSON.stringify(envelope.error)}`);
    }
    return envelope.data as T;
  }

  /** A new person: an anonymous local session (auth.session), as a phone opening the app makes one. */
  async person(label: string): Promise<Person> {
    const { token, userId } = await this.call<{ token: string; userId: string }>('anonymous', 'auth', 'session');
    return { label, token, userId };
  }

  /**
   * A file `who` uploads (the HTTP receiver's in-process twin, LocalFileStore.put) and registers through
   * declarations.registerFile, which checks its type and records it for the caller's organisation.
   */
  async upload(who: Person, name: string, bytes: Uint8Array): Promise<{ fileId: string; name: string }> {
    const caller = await this.callerOf(who);
    const got = await this.files.put(bytes, { userId: caller.userId!, orgId: caller.orgId }, this.clock.now());
    if ('refused' in got) throw new Error(`demo: upload refused: ${got.refused}`);
    const { fileId, name: clean } = await this.call<{ fileId: string; name: string }>(who, 'declarations', 'registerFile', { fileId: got.fileId, name });
    return { fileId, name: clean };
  }

  /**
   * An instant of the story: `date` at `time` (HH:MM, Asia/Shanghai). Today's times are compressed into the part of
   * today already past (order kept), so nothing is dated after now.
   */
  at(date: string, time = '09:00'): Date {
    const wanted = at(date, time);
    if (date !== shanghaiDate(this.latest)) return wanted;
    const midnight = at(date, '00:00').getTime();
    return new Date(midnight + Math.floor(((wanted.getTime() - midnight) * (this.latest.getTime() - midnight)) / 86_400_000));
  }

  /** Puts an act on the agenda. */
  schedule(when: Date, label: string, run: () => Promise<void>): void {
    const act: Act = { at: when.getTime(), seq: this.seq++, label, run };
    if (Number.isNaN(act.at)) throw new Error(`demo: ${label} has no date`);
    if (act.at > this.latest.getTime()) throw new Error(`demo: ${label} is dated ${when.toISOString()}, after now`);
    // A binary heap ordered by time, then by the order acts were scheduled.
    const h = this.heap;
    h.push(act);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  /** Like `schedule`, but an act that would fall after now is left out (the story has not got there yet). */
  maybe(when: Date, label: string, run: () => Promise<void>): boolean {
    if (when.getTime() > this.latest.getTime()) return false;
    this.schedule(when, label, run);
    return true;
  }

  private next(): Act | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }

  /** Plays the agenda in time order (acts may schedule later acts), running the deadline jobs once each day. */
  async play(): Promise<void> {
    for (let act = this.next(); act; act = this.next()) {
      const day = shanghaiDate(act.at);
      // Deadlines fall on working days: the jobs' first run of each working day does what the day's runs would.
      if (day !== this.jobsDay && isWorkday(day)) {
        this.jobsDay = day;
        this.clock.set(new Date(act.at));
        await runJobs({ ...this.ctx(SCHEDULER), fn: 'notify', action: 'timer' });
      }
      this.clock.set(new Date(act.at));
      try {
        await act.run();
      } catch (e) {
        throw Object.assign(e instanceof Error ? e : new Error(String(e)), { message: `${(e as Error)?.message ?? e} (act: ${act.label})` });
      }
    }
    // This morning's jobs, as the scheduler will run them at start.
    this.clock.set(this.latest);
    await runJobs({ ...this.ctx(SCHEDULER), fn: 'notify', action: 'timer' });
  }
}

const before = (a: Act, b: Act) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
