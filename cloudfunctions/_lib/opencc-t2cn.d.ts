/**
 * opencc-js's traditional→simplified build (`opencc-js/t2cn`, about 110 KB of dictionaries). The package declares its
 * subpath types through `exports`, which this project's `moduleResolution: node` does not read; this is the part of
 * that declaration the normaliser uses. Server-side only (cloudfunctions/_lib/normalizeText.ts): never imported from
 * src/ or types/.
 */
declare module 'opencc-js/t2cn' {
  type DictGroup = unknown[];
  export const Locale: { from: { hk: DictGroup; tw: DictGroup }; to: { cn: DictGroup } };
  export function ConverterFactory(...groups: DictGroup[]): (text: string) => string;
}
