import { cleanFileName, fileProblem, STORAGE_QUOTA_BYTES, structureProblem, UPLOAD_TTL_HOURS } from '../../types/files';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Caller, Ctx } from '../_lib/context';
import { AppError, conflict, notFound } from '../_lib/errors';
import type { UploadOwner } from '../_lib/files';
import type { UserDoc } from '../_lib/identity';
import { sha256 } from '../_lib/ids';
import type { Tx } from '../_lib/store/port';
import type { OrgDoc } from '../admin/createInvite';

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

const NOT_FOUND = '没有找到上传的文件，请重新上传';

/** The organisation an upload belongs to: the one recorded at upload, or (in the cloud) the uploading account's. */
async function ownerOrg(ctx: Ctx, owner: UploadOwner): Promise<string | null> {
  if (owner.orgId !== undefined) return owner.orgId;
  return (await ctx.store.get<UserDoc>(COLLECTIONS.users, owner.userId))?.orgId ?? null;
}

/** An upload is the caller's when their organisation made it (the bureau's own uploads: the same account). */
async function isCallers(ctx: Ctx, caller: Caller, owner: UploadOwner | null): Promise<boolean> {
  if (!owner) return false;
  const org = await ownerOrg(ctx, owner);
  return org !== null ? org === caller.orgId : owner.userId === caller.userId;
}

/** Uploads nobody registered within UPLOAD_TTL_HOURS are deleted (run on every registration: no timer needed). */
export async function sweepUploads(ctx: Ctx): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - UPLOAD_TTL_HOURS * 3600_000).toISOString();
  let removed = 0;
  for (const fileId of await ctx.files.uploadedBefore(before)) {
    if (await ctx.store.get(COLLECTIONS.files, fileDocId(fileId))) continue;
    await ctx.files.remove(fileId);
    removed++;
  }
  return removed;
}

/**
 * After the bytes are uploaded (wx.cloud.uploadFile, or POST /api/upload locally), the file is checked on the
 * server — that the caller's organisation uploaded it, its type by name and by structure, size at most 20 MB, the
 * organisation's storage quota — and recorded for that organisation with a cleaned name. A file that fails is
 * deleted (only by its own organisation), so nothing half-accepted stays behind.
 */
export async function registerFile(input: { fileId: string; name: string }, ctx: Ctx) {
  await sweepUploads(ctx);
  const existing = await ctx.store.get<FileDoc>(COLLECTIONS.files, fileDocId(input.fileId));
  if (existing) {
    if (existing.orgId !== ctx.caller.orgId || (existing.orgId === null && existing.uploadedBy !== ctx.caller.userId)) throw notFound(NOT_FOUND);
    return { fileId: existing.fileId, name: existing.name, size: existing.size };
  }
  const seen = await ctx.files.inspect(input.fileId);
  // Another organisation's upload is answered as if it did not exist, and is never deleted by them.
  if (!seen || !(await isCallers(ctx, ctx.caller, seen.owner))) throw notFound(NOT_FOUND);
  const name = cleanFileName(input.name);
  const problem = !name ? '文件名不能为空，请改名后重新上传' : fileProblem(name, seen.size, seen.head) ?? structureProblem(name, seen.size, seen.head, seen.tail);
  if (problem) {
    await ctx.files.remove(input.fileId);
    throw new AppError('INVALID_INPUT', problem, [{ path: 'file', message: problem }]);
  }
  const doc: FileDoc = {
    _id: fileDocId(input.fileId),
    fileId: input.fileId,
    name,
    size: seen.size,
    orgId: ctx.caller.orgId,
    uploadedBy: ctx.caller.userId!,
    registeredAt: ctx.clock.now().toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    if (await tx.get(COLLECTIONS.files, doc._id)) return;
    if (doc.orgId) {
      const org = await tx.get<OrgDoc>(COLLECTIONS.orgs, doc.orgId);
      const used = Number(org?.storageBytes ?? 0);
      if (used + doc.size > STORAGE_QUOTA_BYTES)
        throw conflict(`本单位的附件已占用 ${(used / 1024 / 1024).toFixed(1)} MB，加上这个文件将超过 ${STORAGE_QUOTA_BYTES / 1024 / 1024} MB 的上限，请压缩文件或联系市司法局`);
      if (org) await tx.update(COLLECTIONS.orgs, doc.orgId, { storageBytes: used + doc.size });
    }
    await tx.insert(COLLECTIONS.files, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.files, recordId: doc._id, change: { name: doc.name, size: doc.size } });
  });
  return { fileId: doc.fileId, name: doc.name, size: doc.size };
}

/** Every attachment must be a registered file of the caller's organisation (a caller without one, e.g. the bureau or an assessor: their own). */
export async function checkAttachments(tx: Tx, ctx: Ctx, attachments: { name: string; fileId: string }[] | undefined, pathPrefix: string): Promise<void> {
  const issues = [];
  for (const [i, a] of (attachments ?? []).entries()) {
    const f = await tx.get<FileDoc>(COLLECTIONS.files, fileDocId(a.fileId));
    const mine = f && f.orgId === ctx.caller.orgId && (f.orgId !== null || f.uploadedBy === ctx.caller.userId);
    if (!mine) issues.push({ path: `${pathPrefix}.${i}.fileId`, message: `附件“${a.name}”没有上传成功，请重新上传` });
  }
  if (issues.length) throw new AppError('INVALID_INPUT', issues[0].message, issues);
}
