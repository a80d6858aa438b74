// Helpers shared by the project's scripts.
import fs from 'fs';
import path from 'path';
import { spawn } from 'child_process';

/** Newest modification time of any file under the given paths (0 if none). */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== 'node_modules') walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(walk);
  return newest;
}

export function isStale(output, inputs) {
  if (!fs.existsSync(output)) return true;
  return newestMtime(inputs) > fs.statSync(output).mtimeMs;
}

/** Runs a command, inheriting stdio; rejects on a non-zero exit. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`))));
  });
}

export const H5_INPUTS = ['src', 'types', 'config', 'babel.config.js', 'package.json'];
export const SERVER_INPUTS = ['server', 'cloudfunctions', 'types', 'package.json'];

export async function buildH5IfStale({ force = false } = {}) {
  if (force || isStale('dist/h5/index.html', H5_INPUTS)) {
    console.log('› 构建 H5 前端 (taro build --type h5)…');
    await run('npx', ['taro', 'build', '--type', 'h5'], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
    // taro does not touch index.html when nothing changed in it; mark the build as fresh.
    const now = new Date();
    fs.utimesSync('dist/h5/index.html', now, now);
  }
}

export async function buildServerIfStale() {
  const { buildServer, SERVER_OUTPUTS } = await import('./build-server.mjs');
  if (SERVER_OUTPUTS.some((out) => isStale(out, SERVER_INPUTS))) await buildServer();
}

/** Prints a Markdown table under a title (the benches' output). */
export function table(title, rows, headers) {
  console.log(`\n${title}`);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(headers));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  rows.forEach((r) => console.log(line(r)));
}
