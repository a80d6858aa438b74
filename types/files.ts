/**
 * Attachments: which files a declaration may carry, checked on the server by name, size and structure; who owns
 * an upload, how long an unregistered one is kept, and how much each organisation may store. All data.
 */

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What one organisation may keep registered (申报附件) in all. */
export const STORAGE_QUOTA_BYTES = 500 * 1024 * 1024;
/** What one organisation may upload within UPLOAD_TTL_HOURS (registered or not): a flood stops here. */
export const UPLOAD_WINDOW_BYTES = STORAGE_QUOTA_BYTES;
/** An upload nobody registered within this time is deleted. */
export const UPLOAD_TTL_HOURS = 24;
export const MAX_NAME_CHARS = 100;
/** What an inspection reads of a file: its first bytes (signatures) and its last (trailers, a ZIP's directory). */
export const INSPECT_BYTES = { head: 32, tail: 256 * 1024 } as const;

export type Structure = 'pdf' | 'zip' | 'ole2' | 'jpeg' | 'png';

/**
 * Allowed types: the bytes their files start with (so a renamed .exe is not a .pdf) and the structure the whole
 * file must have (so a PNG header followed by a web page, or a PDF header with no trailer, is not a PNG or a PDF).
 */
export const FILE_TYPES: Record<string, { label: string; magic: number[][]; structure: Structure; zipParts?: { required: string[]; folder: string } }> = {
  pdf: { label: 'PDF', magic: [[0x25, 0x50, 0x44, 0x46]], structure: 'pdf' },
  jpg: { label: 'JPG 图片', magic: [[0xff, 0xd8, 0xff]], structure: 'jpeg' },
  jpeg: { label: 'JPG 图片', magic: [[0xff, 0xd8, 0xff]], structure: 'jpeg' },
  png: { label: 'PNG 图片', magic: [[0x89, 0x50, 0x4e, 0x47]], structure: 'png' },
  doc: { label: 'Word 文档', magic: [[0xd0, 0xcf, 0x11, 0xe0]], structure: 'ole2' },
  docx: { label: 'Word 文档', magic: [[0x50, 0x4b, 0x03, 0x04]], structure: 'zip', zipParts: { required: ['[Content_Types].xml'], folder: 'word/' } },
  xls: { label: 'Excel 表格', magic: [[0xd0, 0xcf, 0x11, 0xe0]], structure: 'ole2' },
  xlsx: { label: 'Excel 表格', magic: [[0x50, 0x4b, 0x03, 0x04]], structure: 'zip', zipParts: { required: ['[Content_Types].xml'], folder: 'xl/' } },
};
export const ALLOWED_EXTENSIONS = Object.keys(FILE_TYPES);

/** The bytes each structure is recognised by. */
export const SIGNATURES = {
  pdfHeader: '%PDF-',
  pdfTrailer: '%%EOF',
  /** %%EOF must lie within this many bytes of the end (allowing a final newline or two). */
  pdfTrailerWithin: 1024,
  ole2: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  pngEnd: [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
  jpegStart: [0xff, 0xd8, 0xff],
  jpegEnd: [0xff, 0xd9],
  zipLocal: [0x50, 0x4b, 0x03, 0x04],
  zipEnd: [0x50, 0x4b, 0x05, 0x06],
  zipCentral: [0x50, 0x4b, 0x01, 0x02],
} as const;

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

/** Null when the file may be attached, else the reason in words the applicant can act on. */
export function fileProblem(name: string, size: number, head: ArrayLike<number>): string | null {
  const ext = extensionOf(name);
  const type = FILE_TYPES[ext];
  if (!type) return `不支持“.${ext || '无扩展名'}”文件，请上传 PDF、JPG、PNG、Word 或 Excel 文件`;
  if (size === 0) return '文件是空的，请重新选择';
  if (size > MAX_FILE_BYTES) return `文件超过 20 MB（${(size / 1024 / 1024).toFixed(1)} MB），请压缩后再上传`;
  const matches = type.magic.some((sig) => sig.every((b, i) => head[i] === b));
  if (!matches) return `文件内容不是${type.label}，请确认文件没有损坏或改过扩展名`;
  return null;
}

const at = (bytes: Uint8Array, offset: number, sig: readonly number[]) => offset >= 0 && offset + sig.length <= bytes.length && sig.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * The names in a ZIP's central directory, read from the file's last bytes (`tail`, which starts at `size - tail.length`),
 * or null when the archive does not end where its directory says, or its directory lies outside `tail`.
 */
export function zipEntries(size: number, tail: Uint8Array): string[] | null {
  const base = size - tail.length;
  for (let eocd = tail.length - 22; eocd >= Math.max(0, tail.length - 22 - 0xffff); eocd--) {
    if (!at(tail, eocd, SIGNATURES.zipEnd)) continue;
    // The archive's comment must reach exactly the end: nothing may be appended after it.
    if (eocd + 22 + u16(tail, eocd + 20) !== tail.length) return null;
    const count = u16(tail, eocd + 10);
    let p = u32(tail, eocd + 16) - base;
    if (p < 0) return null;
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (!at(tail, p, SIGNATURES.zipCentral)) return null;
      const n = u16(tail, p + 28);
      names.push(String.fromCharCode(...tail.subarray(p + 46, p + 46 + n)));
      p += 46 + n + u16(tail, p + 30) + u16(tail, p + 32);
    }
    return names;
  }
  return null;
}

/**
 * Null when the file has the structure its type requires, else the reason. Reads the first bytes (`head`) and the
 * last ones (`tail`, see INSPECT_BYTES), so a file in cloud storage need not be downloaded whole.
 */
export function structureProblem(name: string, size: number, head: Uint8Array, tail: Uint8Array): string | null {
  const type = FILE_TYPES[extensionOf(name)];
  if (!type) return fileProblem(name, size, head);
  const bad = `文件内容不是完整的${type.label}，请确认文件没有损坏或改过扩展名`;
  const n = tail.length;
  switch (type.structure) {
    case 'pdf': {
      if (!at(head, 0, ascii(SIGNATURES.pdfHeader))) return bad;
      const trailer = ascii(SIGNATURES.pdfTrailer);
      for (let o = n - trailer.length; o >= Math.max(0, n - SIGNATURES.pdfTrailerWithin); o--) if (at(tail, o, trailer)) return null;
      return bad;
    }
    case 'png':
      return at(head, 0, SIGNATURES.png) && at(head, 12, ascii('IHDR')) && at(tail, n - 12, SIGNATURES.pngEnd) ? null : bad;
    case 'jpeg': {
      let end = n;
      while (end > 0 && tail[end - 1] === 0) end--; // some cameras pad with zeros
      return at(head, 0, SIGNATURES.jpegStart) && at(tail, end - 2, SIGNATURES.jpegEnd) ? null : bad;
    }
    case 'ole2':
      // The compound-file header: signature, byte order FFFE, sector shift 9 or 12; sectors fill the file.
      return at(head, 0, SIGNATURES.ole2) && at(head, 28, [0xfe, 0xff]) && (u16(head, 30) === 9 || u16(head, 30) === 12) && size >= 512 && size % 512 === 0 ? null : bad;
    case 'zip': {
      if (!at(head, 0, SIGNATURES.zipLocal)) return bad;
      const names = zipEntries(size, tail);
      const parts = type.zipParts!;
      if (!names || !parts.required.every((r) => names.includes(r)) || !names.some((x) => x.startsWith(parts.folder))) return bad;
      return null;
    }
  }
}

/** The first and last bytes of a whole file, as an inspection reads them. */
export function headAndTail(bytes: Uint8Array): { head: Uint8Array; tail: Uint8Array } {
  return { head: bytes.subarray(0, INSPECT_BYTES.head), tail: bytes.subarray(Math.max(0, bytes.length - INSPECT_BYTES.tail)) };
}

/** Characters a file name may not keep: controls (NUL, CR, LF…), bidi overrides and isolates, zero-width ones. */
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A file name as kept: unsafe characters dropped, no path, no "..", at most MAX_NAME_CHARS with its extension. */
export function cleanFileName(raw: string): string {
  let name = raw.normalize('NFC').replace(UNSAFE_NAME, '');
  name = name.replace(/[\\/]+/g, '_').replace(/\.{2,}/g, '.').replace(/^[.\s_]+/, '').trim();
  const chars = [...name];
  if (chars.length > MAX_NAME_CHARS) {
    const ext = extensionOf(name);
    const keep = MAX_NAME_CHARS - (ext ? ext.length + 1 : 0);
    name = chars.slice(0, keep).join('').trim() + (ext ? `.${ext}` : '');
  }
  return name;
}
