import { shanghaiDate } from '../../types/time';

/** The one source of time for every use case. */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Shanghai, `YYYY-MM-DD`. */
  today(): string;
  /** Whether the time was set by `admin.setClock` (local demos and tests only). */
  readonly fixed: boolean;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiDate(new Date()),
  fixed: false,
};

/** A clock that can be set; used by the local server when ALLOW_TEST_CLOCK=1. */
export class SettableClock implements Clock {
  private at: Date | null = null;
  now(): Date {
    return this.at ? new Date(this.at) : new Date();
  }
  today(): string {
    return shanghaiDate(this.now());
  }
  get fixed(): boolean {
    return this.at !== null;
  }
  set(at: Date | null): void {
    this.at = at;
  }
}
