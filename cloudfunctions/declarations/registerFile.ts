import { fileProblem } from '../../types/files';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { AppError, notFound } from '../_lib/errors';
import { sha256 } from '../_lib/ids';
import type { Tx } from '../_lib/store/port';

export interface FileDoc {
  _id: string;
  fileId: string;
  name: string;
  size: number;
  orgId: string | null;
  uploadedBy: string;
  registeredAt: string;
  [key: string]: unknown;
}

export const fileDocId = (fileId: string) => `f${sha256(fileId).slice(0, 23)}`;

/**
 * After the bytes are uploaded (wx.cloud.uploadFile, or POST /api/upload locally), the file is checked on the
 * server — type by name and by content, size at most 20 MB — and recorded for the caller's organisation.
 * A file that fails is deleted, so nothing half-accepted stays behind.
 */
export async function registerFile(input: { fileId: string; name: string }, ctx: Ctx) {
  const seen = await ctx.files.inspect(input.fileId);
  if (!seen) throw notFound('没有找到上传的文件，请重新上传');
  const problem = fileProblem(input.name, seen.size, seen.head);
  if (problem) {
    await ctx.files.remove(input.fileId);
    throw new AppError('INVALID_INPUT', problem, [{ path: 'file', message: problem }]);
  }
  const doc: FileDoc = {
    _id: fileDocId(input.fileId),
    fileId: input.fileId,
    name: input.name.trim(),
    size: seen.size,
    orgId: ctx.caller.orgId,
    uploadedBy: ctx.caller.userId!,
    registeredAt: ctx.clock.now().toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    if (await tx.get(COLLECTIONS.files, doc._id)) return;
    await tx.insert(COLLECTIONS.files, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.files, recordId: doc._id, change: { name: doc.name, size: doc.size } });
  });
  return { fileId: doc.fileId, name: doc.name, size: doc.size };
}

/** Every attachment must be a registered file of the caller's organisation (or uploaded by the bureau). */
export async function checkAttachments(tx: Tx, ctx: Ctx, attachments: { name: string; fileId: string }[] | undefined, pathPrefix: string): Promise<void> {
  const issues = [];
  for (const [i, a] of (attachments ?? []).entries()) {
    const f = await tx.get<FileDoc>(COLLECTIONS.files, fileDocId(a.fileId));
    if (!f || (f.orgId !== ctx.caller.orgId && f.orgId !== null)) issues.push({ path: `${pathPrefix}.${i}.fileId`, message: `附件“${a.name}”没有上传成功，请重新上传` });
  }
  if (issues.length) throw new AppError('INVALID_INPUT', issues[0].message, issues);
}
