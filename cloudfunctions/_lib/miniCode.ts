/**
 * Mini-program codes (小程序码) for the poster and the rating code. On CloudBase a code comes from WeChat's
 * `wxacode.getUnlimited` (through wx-server-sdk's openapi; `_lib/wechatMiniCode.ts` wires it into the functions that make
 * codes, and the build grants that permission in their config.json); WeChat's scanner opens it as the mini-program, which a
 * plain-link QR code never does. Locally (no openapi) the caller keeps drawing the H5-link QR code.
 *
 * A code's `scene` (≤ 32 visible characters) is the target's own id — a product id or a rating token, both at most 20
 * characters of [A-Za-z0-9_-] — and the page says what kind of id it is (src/utils/scene.ts reads it back on launch).
 * The PNG is saved to cloud storage once per target (collection `miniCodes`, `_id` = `<product|rate>:<scene>`); later posters of
 * the same product read it from storage and never ask WeChat again. When WeChat refuses (no permission, an unpublished
 * page, its quota), the caller falls back to the link QR code and says so (`codeKind: 'link'` with a `codeNote`).
 */
import { COLLECTIONS } from './collections';
import type { Ctx } from './context';

/** The pages a code may open (the mini-program's own paths, no leading slash as getUnlimited wants them). */
export const CODE_PAGES = { product: 'pages/product/index', rate: 'pages/rate/index' } as const;
export type CodePage = (typeof CODE_PAGES)[keyof typeof CODE_PAGES];

/** WeChat's limit on `scene` and the characters it accepts (wxacode.getUnlimited documentation). */
export const SCENE_MAX = 32;
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

/** The side of the code in pixels, and the version of the mini-program it opens (`WXACODE_ENV_VERSION`, default release). */
export const CODE_WIDTH = 280;
export type EnvVersion = 'release' | 'trial' | 'develop';

/** What wx-server-sdk's `cloud.openapi.wxacode.getUnlimited` answers: the image (`buffer`), or it throws. */
export interface WxacodeApi {
  openapi: {
    wxacode: {
      getUnlimited(o: { scene: string; page: string; checkPath: boolean; envVersion: EnvVersion; width: number }): Promise<{ buffer?: Uint8Array; contentType?: string }>;
    };
  };
}

/** Where generated codes are kept: cloud storage (CloudDownloads). */
export interface CodeStorage {
  /** Saves the bytes at `cloudPath`; the file id. */
  save(cloudPath: string, bytes: Buffer): Promise<string>;
  /** A temporary URL of a saved file and its bytes, or null when it is gone. */
  read(fileId: string): Promise<{ url: string; bytes: Buffer } | null>;
  /** A temporary URL of a saved file (its bytes not read), or null when there is none. */
  url(fileId: string): Promise<string | null>;
}

export interface MiniCodes {
  api: WxacodeApi;
  storage: CodeStorage;
  envVersion: EnvVersion;
}

export interface MiniCodeDoc {
  _id: string;
  page: CodePage;
  scene: string;
  /** Null while the code waits to be drawn (`pending`). */
  fileId: string | null;
  envVersion: EnvVersion | null;
  createdAt: string;
  /**
   * A code to draw ahead, by the catalogue's timer (catalogue/drawPendingCodes.ts): a product just listed gets its code
   * before anyone asks for its poster, so the poster only reads it (issue 25: a citizen's action within 3 rounds).
   */
  pending?: boolean;
  /** Draws WeChat refused so far, for a pending code (the timer gives up after PENDING_ATTEMPTS). */
  attempts?: number;
}

/**
 * The `miniCodes` document asking for `page` and `scene`'s code to be drawn ahead, written in the transaction that
 * creates the target; null where no code is made (locally).
 */
export function pendingMiniCode(ctx: Ctx, page: CodePage, scene: string): MiniCodeDoc | null {
  if (!ctx.miniCodes || ctx.runtime.mode !== 'cloud') return null;
  return { _id: miniCodeKey(page, scene), page, scene, fileId: null, envVersion: null, createdAt: ctx.clock.now().toISOString(), pending: true, attempts: 0 };
}

export type MiniCode = { codeKind: 'wxacode'; url: string; png: Buffer } | { codeKind: 'link'; note?: string };

export function envVersionOf(env: Record<string, string | undefined> = process.env): EnvVersion {
  const v = env.WXACODE_ENV_VERSION;
  return v === 'trial' || v === 'develop' ? v : 'release';
}

/** PNG's eight-byte signature: what WeChat sends is an image, not an error page. */
const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/** Why a link QR code stands in for the mini-program code, in words the bureau's staff can pass on. */
const FALLBACK_NOTE = '暂时生成不了小程序码，已改用网页链接二维码（微信扫码会先打开网页）；请稍后再试，或请市司法局检查小程序码接口权限';

/** The `miniCodes` document of a code: `<product|rate>:<scene>`. */
export const miniCodeKey = (page: CodePage, scene: string) => `${page.split('/')[1]}:${scene}`;

/** The kept code of `page` and `scene`, if any: a caller reads it beside its own reads (issue 25: one round trip less). */
export function keptMiniCode(ctx: Ctx, page: CodePage, scene: string): Promise<MiniCodeDoc | null> {
  if (!ctx.miniCodes || ctx.runtime.mode !== 'cloud') return Promise.resolve(null);
  return ctx.store.get<MiniCodeDoc>(COLLECTIONS.miniCodes, miniCodeKey(page, scene));
}

/**
 * The mini-program code opening `page` with `scene`, or `{ codeKind: 'link' }` where there is none to make (locally) or
 * WeChat refused (with a note). Never throws for WeChat's sake: a poster without a mini-program code still serves.
 * `kept`: the kept code already read (keptMiniCode), or 'new' for a scene that cannot have one yet (a token just issued).
 * `link: false`: the answer needs no link to the saved file (a code drawn ahead).
 */
export async function miniProgramCode(ctx: Ctx, page: CodePage, scene: string, kept?: MiniCodeDoc | null | 'new', options: { link?: boolean } = {}): Promise<MiniCode> {
  const codes = ctx.miniCodes;
  if (!codes || ctx.runtime.mode !== 'cloud') return { codeKind: 'link' };
  if (scene.length > SCENE_MAX || !SCENE_CHARS.test(scene)) return { codeKind: 'link', note: FALLBACK_NOTE };
  const kind = page.split('/')[1];
  const key = miniCodeKey(page, scene);
  const cached = kept === 'new' ? null : kept !== undefined ? kept : await keptMiniCode(ctx, page, scene);
  if (cached?.fileId && cached.envVersion === codes.envVersion) {
    const saved = await codes.storage.read(cached.fileId).catch(() => null);
    if (saved && isPng(saved.bytes)) return { codeKind: 'wxacode', url: saved.url, png: saved.bytes };
  }
  let png: Buffer;
  try {
    const answer = await codes.api.openapi.wxacode.getUnlimited({ scene, page, checkPath: codes.envVersion === 'release', envVersion: codes.envVersion, width: CODE_WIDTH });
    if (!answer.buffer || !isPng(answer.buffer)) throw new Error(`wxacode.getUnlimited answered ${answer.contentType ?? 'no image'}`);
    png = Buffer.from(answer.buffer);
  } catch (e) {
    console.error('[miniCode] wxacode.getUnlimited failed', page, scene, e);
    return { codeKind: 'link', note: FALLBACK_NOTE };
  }
  try {
    const fileId = await codes.storage.save(`miniCodes/${kind}/${scene}.png`, png);
    const doc: MiniCodeDoc = { _id: key, page, scene, fileId, envVersion: codes.envVersion, createdAt: ctx.clock.now().toISOString() };
    // A cache of what WeChat drew, not a record anyone acts on: no audit entry.
    await ctx.store.transaction(async (tx) => tx.set(COLLECTIONS.miniCodes, key, doc));
    // Only its link: the bytes are in hand (issue 25: one round trip less). Drawn ahead, no one is waiting for a link.
    return { codeKind: 'wxacode', url: options.link === false ? '' : ((await codes.storage.url(fileId)) ?? ''), png };
  } catch (e) {
    // Storage failed: the code itself still serves this once, from memory.
    console.error('[miniCode] saving the code failed', page, scene, e);
    return { codeKind: 'wxacode', url: '', png };
  }
}

/** An SVG holding the PNG (so callers that show an SVG QR code show the mini-program code the same way). */
export function pngAsSvg(png: Buffer, size = CODE_WIDTH): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" fill="#ffffff"/><image width="${size}" height="${size}" href="data:image/png;base64,${png.toString('base64')}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
}
