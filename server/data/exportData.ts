/**
 * `npm run export:data -- --out DIR`: every collection of a store as JSON Lines — one document per line, `_id` kept,
 * values exactly as the store keeps them — the format CloudBase's console imports, plus `manifest.json` (collections,
 * counts, schema version, a SHA-256 per file). It reads through the store port, so the same code exports the local
 * SQLite store (from a snapshot: see the CLI) and a CloudBase environment.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { COLLECTIONS, STORE_SCHEMA_VERSION } from '../../cloudfunctions/_lib/collections';
import { DataError } from './errors';
import { MAX_PAGE, type Doc, type Store } from '../../cloudfunctions/_lib/store/port';
import { exportFiles, fileIdsIn, type FileSource, type FilesManifest } from './attachments';

export const MANIFEST_FILE = 'manifest.json';
export const DUMP_FORMAT = 'hz-legal-products/data-export';

export interface ManifestEntry {
  file: string;
  count: number;
  sha256: string;
}

export interface Manifest {
  format: typeof DUMP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  /** `local:<data dir>` or `cloudbase:<env id>`. */
  source: string;
  collections: Record<string, ManifestEntry>;
  /** The uploaded files the documents name (./attachments.ts); absent in an export made without its files. */
  files?: FilesManifest;
}

/** Every collection this system keeps, in a stable order. */
export const DUMP_COLLECTIONS: string[] = [...new Set(Object.values(COLLECTIONS))].sort();

export const dumpFileOf = (collection: string) => `${collection}.jsonl`;

/** Pages through one collection by `_id` (keyset: no skip, so it stays fast and complete on CloudBase too). */
export async function* documentsOf(store: Store, collection: string): AsyncGenerator<Doc[]> {
  let after: string | null = null;
  for (;;) {
    const page: Doc[] = await store.find<Doc>(collection, { where: after === null ? {} : { _id: { $gt: after } }, orderBy: [['_id', 'asc']], limit: MAX_PAGE });
    if (page.length === 0) return;
    yield page;
    if (page.length < MAX_PAGE) return;
    after = page[page.length - 1]._id;
  }
}

export async function exportData(store: Store, outDir: string, options: { source: string; now?: Date; onCollection?: (name: string, count: number) => void; files?: FileSource }): Promise<Manifest> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new DataError(`导出目录不是空的：${outDir}（请换一个新目录，免得新旧文件混在一起）`);
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const manifest: Manifest = { format: DUMP_FORMAT, schemaVersion: STORE_SCHEMA_VERSION, exportedAt: (options.now ?? new Date()).toISOString(), source: options.source, collections: {} };
  const named = new Set<string>();
  for (const collection of DUMP_COLLECTIONS) {
    const file = dumpFileOf(collection);
    const fd = fs.openSync(path.join(outDir, file), 'w', 0o600);
    const hash = crypto.createHash('sha256');
    let count = 0;
    try {
      for await (const page of documentsOf(store, collection)) {
        const text = page.map((d) => JSON.stringify(d) + '\n').join('');
        fs.writeSync(fd, text);
        hash.update(text);
        if (options.files) fileIdsIn(text, named);
        count += page.length;
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    manifest.collections[collection] = { file, count, sha256: hash.digest('hex') };
    options.onCollection?.(collection, count);
  }
  if (options.files) manifest.files = await exportFiles(options.files, named, outDir);
  // Written last: a folder with a manifest is a finished export.
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifest;
}
