// npm start: build what is missing or stale, then run the local server (H5 app + /api over SQLite).
import { buildH5IfStale, buildServerIfStale } from './lib.mjs';
import { spawn } from 'child_process';

await buildServerIfStale();
await buildH5IfStale();
const child = spawn(process.execPath, ['dist/server/main.js'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
