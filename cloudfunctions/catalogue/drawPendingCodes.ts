import { COLLECTIONS } from '../_lib/collections';
import type { Caller, Ctx } from '../_lib/context';
import { miniProgramCode, type MiniCodeDoc } from '../_lib/miniCode';

/** Codes drawn at one tick: WeChat's and storage's requests go side by side, so the tick's rounds do not grow with it. */
export const CODES_PER_TICK = 20;
/** A code WeChat refused this many times is not asked for again by the timer (the poster still falls back to a link QR code). */
export const PENDING_ATTEMPTS = 3;

/** Who the audit trail would name for the catalogue's timer (it writes no audit entry: a code is a cache, not a record). */
export const CODE_DRAWER: Caller = { userId: 'scheduler', roles: ['admin'], orgId: null };

/**
 * The catalogue's timer trigger (cloudbaserc.json, every 10 minutes): draws the mini-program codes waiting in `miniCodes`
 * (a product's, asked for when it was listed; _lib/miniCode.ts pendingMiniCode), up to CODES_PER_TICK at a time, so a
 * poster reads a kept code instead of drawing one while its reader waits. A code WeChat refuses stays waiting, counted,
 * until PENDING_ATTEMPTS. Rounds: the waiting list, WeChat, the upload (its metadata, then the file), the kept code.
 */
export async function drawPendingCodes(ctx: Ctx): Promise<{ drawn: number; refused: number; waiting: number }> {
  if (!ctx.miniCodes || ctx.runtime.mode !== 'cloud') return { drawn: 0, refused: 0, waiting: 0 };
  const waiting = await ctx.store.find<MiniCodeDoc>(COLLECTIONS.miniCodes, { where: { pending: true }, orderBy: [['createdAt', 'asc']], limit: CODES_PER_TICK });
  const outcomes = await Promise.all(
    waiting.map(async (doc) => {
      const code = await miniProgramCode(ctx, doc.page, doc.scene, doc, { link: false });
      if (code.codeKind === 'wxacode') return true;
      const attempts = (doc.attempts ?? 0) + 1;
      await ctx.store.transaction((tx) => tx.update(COLLECTIONS.miniCodes, doc._id, { attempts, pending: attempts < PENDING_ATTEMPTS }));
      return false;
    }),
  );
  const drawn = outcomes.filter(Boolean).length;
  return { drawn, refused: outcomes.length - drawn, waiting: outcomes.length };
}
