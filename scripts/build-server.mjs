// Bundles the local server (server/main.ts) into dist/server/main.js. better-sqlite3 stays external (native addon).
import { build } from 'esbuild';

export async function buildServer() {
  await build({
    entryPoints: ['server/main.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: 'dist/server/main.js',
    external: ['better-sqlite3', '@cloudbase/node-sdk'],
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
