/** `npm start`'s supervisor (issue 10): a server process that dies is started again and the log says why. */
import http from 'http';
import { supervise } from '../../scripts/supervise.mjs';

const SERVER = `const s = require('http').createServer((q, r) => r.end(String(process.pid))); s.listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));`;

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let d = '';
      res.on('data', (c) => (d += c));
      res.on('end', () => resolve(d));
    }).on('error', reject);
  });
}

test('a killed server comes back, and the log names the signal and the exit code', async () => {
  const lines: string[] = [];
  const ports: number[] = [];
  let started = 0;
  let onPort: (p: number) => void = () => {};
  const sup = supervise({
    command: process.execPath,
    args: ['-e', SERVER],
    stdio: ['ignore', 'pipe', 'inherit'],
    quickRestartMs: 0,
    log: (line: string) => lines.push(line),
    onStart: (child: any) => {
      started++;
      child.stdout.on('data', (d: Buffer) => {
        const p = Number(d.toString().trim());
        ports.push(p);
        onPort(p);
      });
    },
  });
  const nextPort = () => new Promise<number>((resolve) => (onPort = resolve));
  try {
    const port1 = ports[0] ?? (await nextPort());
    const pid1 = sup.child.pid!;
    expect(await get(port1)).toBe(String(pid1));

    const back = nextPort();
    sup.child.kill('SIGKILL');
    const port2 = await back;
    const pid2 = sup.child.pid!;
    expect(pid2).not.toBe(pid1);
    expect(await get(port2)).toBe(String(pid2));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('signal SIGKILL');
    expect(lines[0]).toContain('重启');

    const again = nextPort();
    process.kill(pid2, 'SIGKILL');
    await again;
    expect(sup.restarts).toBe(2);
    expect(started).toBe(3);
  } finally {
    await sup.stop();
  }
  // Stopped on purpose: no restart, nothing logged.
  await new Promise((r) => setTimeout(r, 200));
  expect(started).toBe(3);
  expect(lines).toHaveLength(2);
});

test('an exit with a non-zero code is logged with the code and restarted', async () => {
  const lines: string[] = [];
  let runs = 0;
  const sup = supervise({
    command: process.execPath,
    args: ['-e', 'setTimeout(() => process.exit(3), 50)'],
    stdio: 'ignore',
    quickRestartMs: 0,
    log: (line: string) => lines.push(line),
    onStart: () => runs++,
  });
  while (runs < 3) await new Promise((r) => setTimeout(r, 50));
  await sup.stop();
  expect(lines[0]).toContain('exit code 3');
  expect(sup.restarts).toBeGreaterThanOrEqual(2);
});
