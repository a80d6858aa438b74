// npm run backup | restore | export:data | import:data — builds the data commands if stale (dist/server/data.js,
// from server/data/cli.ts) and runs one with the arguments given after `--`. See the README, "Backups and moving data".
import { spawn } from 'child_process';
import { buildServerIfStale } from './lib.mjs';

await buildServerIfStale();
const child = spawn(process.execPath, ['dist/server/data.js', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
