// Bundles the local server (server/main.ts) into dist/server/main.js, and the data commands (server/data/cli.ts:
// backup, restore, export, import) into dist/server/data.js. better-sqlite3 stays external (native addon).
import { build } from 'esbuild';

export const SERVER_OUTPUTS = ['dist/server/main.js', 'dist/server/data.js'];

export async function buildServer() {
  await build({
    entryPoints: { main: 'server/main.ts', data: 'server/data/cli.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: 'dist/server',
    external: ['better-sqlite3', '@cloudbase/node-sdk'],
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
