// npm start: build what is missing or stale, then run the local server (H5 app + /api over SQLite) under a
// supervisor: if the server process ever exits unexpectedly it is restarted and the log says why (scripts/supervise.mjs).
import { buildH5IfStale, buildServerIfStale } from './lib.mjs';
import { supervise } from './supervise.mjs';

await buildServerIfStale();
await buildH5IfStale();
const supervisor = supervise({ command: process.execPath, args: ['dist/server/main.js'] });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => supervisor.stop(sig).then((code) => process.exit(code)));
