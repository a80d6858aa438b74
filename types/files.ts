/** Attachments: which files a declaration may carry, checked on the server by name, size and content. */

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Allowed types with the bytes their files start with (so a renamed .exe is not a .pdf). */
export const FILE_TYPES: Record<string, { label: string; magic: number[][] }> = {
  pdf: { label: 'PDF', magic: [[0x25, 0x50, 0x44, 0x46]] },
  jpg: { label: 'JPG 图片', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { label: 'JPG 图片', magic: [[0xff, 0xd8, 0xff]] },
  png: { label: 'PNG 图片', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  doc: { label: 'Word 文档', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  docx: { label: 'Word 文档', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xls: { label: 'Excel 表格', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xlsx: { label: 'Excel 表格', magic: [[0x50, 0x4b, 0x03, 0x04]] },
};
export const ALLOWED_EXTENSIONS = Object.keys(FILE_TYPES);

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
