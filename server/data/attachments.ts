/**
 * The uploaded files a data move carries (issue 26). Documents name a file by its id — `local/<32 hex>` locally (the
 * bytes in DATA_DIR/uploads, the uploader's record beside them), `cloud://<env>.<bucket>/attachments/<userId>/<name>` in
 * CloudBase storage (the uploader is the account in the path) — and an id means nothing in the other place. So an export
 * also writes every file its documents name, in `uploads/`, listed in `uploads.jsonl` (id, uploader, size, SHA-256); an
 * import checks them, puts each where the target keeps files (locally under its own id when free; in the cloud under
 * `attachments/<uploader>/`, so the uploader still owns it), and rewrites every document's reference to the new id.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import readline from 'readline';
import { CLOUD_OWNER } from '../../cloudfunctions/_lib/files';
import { sha256 } from '../../cloudfunctions/_lib/ids';
import { LOCAL_ID, type UploadRecord } from '../localFiles';
import { DataError } from './errors';

/** Not `files.jsonl`: that is the `files` collection's dump (the registered attachments' records). */
export const FILES_LIST = 'uploads.jsonl';
export const FILES_DIR = 'uploads';

/** One file of an export. */
export interface FileEntry {
  /** The id the exported documents use. */
  fileId: string;
  /** Where its bytes are in the export: `uploads/<n>`. */
  file: string;
  /** The account that uploaded it (its owner), when known. */
  userId: string | null;
  orgId: string | null;
  uploadedAt: string | null;
  size: number;
  sha256: string;
}

/** The manifest's note of the files: the list's count and checksum, and ids documents name whose file was not found. */
export interface FilesManifest {
  file: typeof FILES_LIST;
  count: number;
  sha256: string;
  missing: string[];
}

export interface StoredFile {
  bytes: Buffer;
  userId: string | null;
  orgId: string | null;
  uploadedAt: string | null;
}

/** Where an export reads files from. `read` answers null for an id it does not keep (or a file gone). */
export interface FileSource {
  owns(fileId: string): boolean;
  read(fileId: string): Promise<StoredFile | null>;
}

/** Where an import puts files: the id the target's documents will name. */
export interface FileTarget {
  put(entry: FileEntry, bytes: Buffer): Promise<string>;
}

/** A file id inside an exported document's JSON text. */
const FILE_ID_IN_JSON = /"(local\/[a-f0-9]{32}|cloud:\/\/[^"\\]{1,500})"/g;

/** The file ids named anywhere in a page of JSON text. */
export function fileIdsIn(text: string, into: Set<string>): void {
  for (const m of text.matchAll(FILE_ID_IN_JSON)) into.add(m[1]);
}


/** Local mode's uploads folder as a source. */
export function localFileSource(uploadsDir: string): FileSource {
  return {
    owns: (id) => LOCAL_ID.test(id),
    async read(id) {
      const m = LOCAL_ID.exec(id);
      if (!m) return null;
      const p = path.join(uploadsDir, m[1]);
      if (!fs.existsSync(p)) return null;
      let rec: UploadRecord | null = null;
      try {
        rec = JSON.parse(fs.readFileSync(`${p}.json`, 'utf8')) as UploadRecord;
      } catch {
        rec = null;
      }
      return { bytes: fs.readFileSync(p), userId: rec?.userId ?? null, orgId: rec?.orgId ?? null, uploadedAt: rec?.uploadedAt ?? null };
    },
  };
}

/** Local mode's uploads folder as a target: a file keeps its local id when it is free there, else gets a new one. */
export function localFileTarget(uploadsDir: string): FileTarget {
  return {
    async put(entry, bytes) {
      fs.mkdirSync(uploadsDir, { recursive: true });
      const kept = LOCAL_ID.exec(entry.fileId)?.[1];
      const taken = (hex: string) => fs.existsSync(path.join(uploadsDir, hex));
      // The same file already there (an import run again): nothing to write.
      if (kept && taken(kept) && sha256(fs.readFileSync(path.join(uploadsDir, kept))) === entry.sha256) return entry.fileId;
      let hex = kept && !taken(kept) ? kept : crypto.randomBytes(16).toString('hex');
      while (taken(hex)) hex = crypto.randomBytes(16).toString('hex');
      const p = path.join(uploadsDir, hex);
      const record: UploadRecord = { userId: entry.userId ?? 'imported', orgId: entry.orgId, uploadedAt: entry.uploadedAt ?? new Date().toISOString(), size: bytes.length };
      fs.writeFileSync(p, bytes, { mode: 0o600 });
      fs.writeFileSync(`${p}.json`, JSON.stringify(record), { mode: 0o600 });
      return `local/${hex}`;
    },
  };
}

/** What the node SDK's app offers for files (a subset). */
export interface CloudFilesApi {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>;
  downloadFile(o: { fileID: string }): Promise<{ fileContent?: Buffer }>;
}

/** A CloudBase environment's storage as a source. */
export function cloudFileSource(app: CloudFilesApi): FileSource {
  return {
    owns: (id) => id.startsWith('cloud://'),
    async read(id) {
      if (!id.startsWith('cloud://')) return null;
      try {
        const { fileContent } = await app.downloadFile({ fileID: id });
        if (!fileContent) return null;
        return { bytes: Buffer.from(fileContent), userId: CLOUD_OWNER.exec(id)?.[1] ?? null, orgId: null, uploadedAt: null };
      } catch {
        return null;
      }
    },
  };
}

/** A CloudBase environment's storage as a target: under `attachments/<uploader>/`, where the uploader owns it. */
export function cloudFileTarget(app: CloudFilesApi): FileTarget {
  return {
    async put(entry, bytes) {
      const owner = entry.userId && /^[A-Za-z0-9_-]{1,64}$/.test(entry.userId) ? entry.userId : 'imported';
      const name = LOCAL_ID.exec(entry.fileId)?.[1] ?? path.posix.basename(entry.fileId).replace(/[^A-Za-z0-9._-]/g, '_').slice(-80);
      const res = await app.uploadFile({ cloudPath: `attachments/${owner}/${name}`, fileContent: bytes });
      if (!res.fileID) throw new DataError(`上传文件 ${entry.file} 到云存储失败`);
      return res.fileID;
    },
  };
}

/** Writes the files named by `ids` that `source` keeps into `outDir/uploads/`, and their list; returns the manifest's note. */
export async function exportFiles(source: FileSource, ids: Set<string>, outDir: string): Promise<FilesManifest> {
  const owned = [...ids].filter((id) => source.owns(id)).sort();
  fs.mkdirSync(path.join(outDir, FILES_DIR), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(path.join(outDir, FILES_LIST), 'w', 0o600);
  const hash = crypto.createHash('sha256');
  const missing: string[] = [];
  let count = 0;
  try {
    for (const fileId of owned) {
      const stored = await source.read(fileId);
      if (!stored) {
        missing.push(fileId);
        continue;
      }
      const file = `${FILES_DIR}/${count + 1}`;
      fs.writeFileSync(path.join(outDir, file), stored.bytes, { mode: 0o600 });
      const entry: FileEntry = { fileId, file, userId: stored.userId, orgId: stored.orgId, uploadedAt: stored.uploadedAt, size: stored.bytes.length, sha256: sha256(stored.bytes) };
      const line = JSON.stringify(entry) + '\n';
      fs.writeSync(fd, line);
      hash.update(line);
      count++;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { file: FILES_LIST, count, sha256: hash.digest('hex'), missing };
}

/** Reads and checks the export's file list and every file against it (size and SHA-256). */
export async function readFiles(dir: string, note: FilesManifest): Promise<FileEntry[]> {
  const list = path.join(dir, FILES_LIST);
  if (!fs.existsSync(list)) throw new DataError(`缺少文件 ${FILES_LIST}`);
  const entries: FileEntry[] = [];
  const hash = crypto.createHash('sha256');
  let lineNo = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(list, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    lineNo++;
    hash.update(line + '\n');
    let e: FileEntry;
    try {
      e = JSON.parse(line) as FileEntry;
    } catch {
      throw new DataError(`${FILES_LIST} 第 ${lineNo} 行：不是有效的 JSON`);
    }
    if (typeof e?.fileId !== 'string' || typeof e.file !== 'string' || !/^uploads\/\d{1,9}$/.test(e.file) || !Number.isInteger(e.size) || !/^[0-9a-f]{64}$/.test(e.sha256 ?? ''))
      throw new DataError(`${FILES_LIST} 第 ${lineNo} 行：缺少文件编号、位置、大小或校验值`);
    const p = path.join(dir, e.file);
    if (!fs.existsSync(p)) throw new DataError(`缺少附件文件 ${e.file}（${FILES_LIST} 第 ${lineNo} 行）`);
    const bytes = fs.readFileSync(p);
    if (bytes.length !== e.size || sha256(bytes) !== e.sha256) throw new DataError(`附件文件 ${e.file} 与 ${FILES_LIST} 第 ${lineNo} 行不符（导出后被改动或不完整）`);
    entries.push(e);
  }
  if (lineNo !== note.count) throw new DataError(`${FILES_LIST} 有 ${lineNo} 个文件，清单上是 ${note.count} 个`);
  if (hash.digest('hex') !== note.sha256) throw new DataError(`${FILES_LIST} 的校验值与清单不符`);
  return entries;
}

/** Puts every file into the target; the map from each exported id to the id the target's documents will name. */
export async function importFiles(dir: string, entries: FileEntry[], target: FileTarget, concurrency = 4): Promise<Map<string, string>> {
  const moved = new Map<string, string>();
  for (let i = 0; i < entries.length; i += concurrency)
    await Promise.all(
      entries.slice(i, i + concurrency).map(async (e) => {
        moved.set(e.fileId, await target.put(e, fs.readFileSync(path.join(dir, e.file))));
      }),
    );
  return moved;
}

/** The document with every string equal to a moved file's old id replaced by its new one (a new object where changed). */
export function renameFiles<T>(value: T, moved: Map<string, string>): T {
  if (moved.size === 0) return value;
  if (typeof value === 'string') return (moved.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v) => renameFiles(v, moved)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameFiles(v, moved)])) as T;
  return value;
}
