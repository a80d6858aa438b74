import type { FunctionName } from '../../types/envelope';
import type { Role } from '../../types/domain';
import type { Clock } from './clock';
import type { ContentChecker } from './contentCheck';
import type { Downloads } from './downloads';
import type { FileStore } from './files';
import type { MiniCodes } from './miniCode';
import type { Store } from './store/port';
import type { Throttle } from './throttle';

/** Who is calling. `userId` is null for an anonymous local caller (no bearer token). */
export interface Caller {
  userId: string | null;
  roles: Role[];
  orgId: string | null;
  /** The expert-pool record this account is bound to (评审专家), if any. */
  expertId?: string | null;
  /** Cloud only: the WeChat openid behind `userId`. Never returned to anyone. */
  openid?: string;
}

export const ANONYMOUS: Caller = { userId: null, roles: [], orgId: null };

export interface Runtime {
  mode: 'local' | 'cloud';
  /** `admin.setClock` exists only when this is true (local mode with ALLOW_TEST_CLOCK=1). */
  allowTestClock: boolean;
}

/** Local mode: the database's backups (server/data); absent in the cloud, where CloudBase keeps its own. */
export interface BackupStatus {
  /** The newest backup in DATA_DIR/backups, or null when there is none. */
  last(): { takenAt: string; bytes: number; file: string } | null;
  /** The server's daily backup, or null when it is off (BACKUP_AT=off). */
  schedule: { at: string; keep: number } | null;
}

/** Everything a use case may touch. */
export interface Ctx {
  fn: FunctionName;
  action: string;
  caller: Caller;
  store: Store;
  clock: Clock;
  /** Uploaded files: cloud storage, or DATA_DIR/uploads locally. */
  files: FileStore;
  /** The content check citizens' text passes before it is shown. */
  content: ContentChecker;
  runtime: Runtime;
  /** Files made for download (exports): cloud storage's temporary URLs, or signed local links. */
  downloads?: Downloads;
  /** Cloud only: WeChat's mini-program codes and where they are kept (_lib/miniCode.ts); absent: link QR codes. */
  miniCodes?: MiniCodes;
  /** The rate limits' windows (`_lib/throttle.ts`); absent: nothing is throttled. */
  throttle?: Throttle;
  /** Local mode: the client's address (socket, or X-Forwarded-For with TRUST_PROXY=1). Cloud: none (the openid identifies). */
  clientAddress?: string | null;
  /** Local mode: the database's backups, for the bureau's dashboard. */
  backups?: BackupStatus;
  /** Local mode: the settable clock behind `clock`. */
  setClock?: (at: Date | null) => void;
}

export function hasRole(caller: Caller, role: Role): boolean {
  return caller.roles.includes(role);
}

/** The role an audit entry records: the most privileged one the caller holds. */
export function actingRole(caller: Caller): Role | 'anonymous' {
  for (const r of ['admin', 'association', 'expert', 'assessor', 'purchaser', 'applicant', 'citizen'] as const) if (caller.roles.includes(r)) return r;
  return 'anonymous';
}
