#!/usr/bin/env node
// Builds the web app when web/dist is missing or older than its sources, so that
// `npm start` works straight after `npm install` and stays quick on later starts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'web', 'dist', 'index.html');
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/contracts', 'package-lock.json'];

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

const builtAt = newestMtime(built);
const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (builtAt > 0 && builtAt >= changedAt) process.exit(0);

console.log(builtAt ? 'Web app sources changed: rebuilding…' : 'Building the web app (first start only)…');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
