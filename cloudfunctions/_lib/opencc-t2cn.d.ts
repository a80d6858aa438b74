/**
 * opencc-js's traditional→simplified build (`opencc-js/t2cn`, about 110 KB of dictionaries). The package declares its
 * subpath types through `exports`, which this project's `moduleResolution: node` does not read; this is that declaration.
 * Server-side only (cloudfunctions/_lib/normalizeText.ts): never imported from src/ or types/.
 */
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: 'cn' | 'hk' | 'tw' | 'twp' | 't' | 'jp'; to: 'cn' }): (text: string) => string;
}
