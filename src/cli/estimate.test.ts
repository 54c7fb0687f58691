import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOCUS_COLUMNS, FOCUS_MANDATORY_COLUMNS } from '../core/report/focusCsv.ts';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(join(tmpdir(), 'segmeter-estimate-'));

function estimate(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/estimate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lastJsonLine(stdout: string): Record<string, unknown> {
  const last = stdout.trimEnd().split('\n').pop() ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}

type Row = { id: string; unit: string; monthlyUSD: number | null; instances: number | null };

function writeTmp(name: string, value: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('npm run estimate', { timeout: 60_000 }, () => {
  it('--json: the last stdout line is the projection of the article example ($900 per image vs $50 per minute)', () => {
    const r = estimate('--scenario', 'scenarios/example.json', '--json');
    expect(r.code).toBe(0);
    const out = lastJsonLine(r.stdout);
    expect(Object.keys(out)).toEqual([
      'framesPerMonth',
      'inferencesPerMonth',
      'sessionsPerMonth',
      'providers',
    ]);
    expect(out.framesPerMonth).toBe(900_000);
    expect(out.inferencesPerMonth).toBe(900_000);
    expect(out.sessionsPerMonth).toBe(3000);
    const rows = out.providers as Row[];
    const byId = new Map(rows.map((p) => [p.id, p]));
    expect(byId.get('aws-rekognition-image-group2')?.monthlyUSD).toBeCloseTo(900, 9);
    expect(byId.get('aws-rekognition-video-stored')?.monthlyUSD).toBeCloseTo(50, 9);
    expect(byId.get('fal-sam3-video')?.monthlyUSD).toBeCloseTo(281.25, 9);
    expect(byId.get('aws-ec2-g4dn-xlarge')?.instances).toBe(4);
    // Default selection: every priced entry, none without a price.
    expect(byId.has('removebg-api')).toBe(false);
    expect(rows.every((p) => p.monthlyUSD !== null)).toBe(true);
  });

  it('--bench sets inferenceRatio = 1 - skipRatio (a saved bench stdout works too)', () => {
    const bench = writeTmp(
      'bench.txt',
      `building...\n${JSON.stringify({ frames: 300, inferences: 60, skipRatio: 0.8 })}\n`,
    );
    const r = estimate('--scenario', 'scenarios/example.json', '--bench', bench, '--json');
    expect(r.code).toBe(0);
    const out = lastJsonLine(r.stdout);
    expect(out.inferencesPerMonth).toBeCloseTo(180_000, 6);
    const rek = (out.providers as Row[]).find((p) => p.id === 'aws-rekognition-image-group2');
    expect(rek?.monthlyUSD).toBeCloseTo(180, 9);
  });

  it('without --json: an aligned table with each price source and seen date, and break-even volumes', () => {
    const r = estimate('--scenario', 'scenarios/example.json');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('aws-rekognition-image-group2 '));
    expect(line).toMatch(/\$900\.00/);
    expect(line).toMatch(/2026-11-28\s+https:\/\/aws\.amazon\.com\/rekognition\/pricing\//);
    expect(r.stdout).toMatch(/Break-even/);
  });

  it('a bad scenario: every bad field on stderr, non-zero exit, nothing on stdout', () => {
    const bad = writeTmp('bad-scenario.json', {
      users: 'many',
      secondsPerUserPerDay: -1,
      fps: 30,
      days: 30,
      peakConcurrentStreams: 2,
      providers: ['nope'],
    });
    const r = estimate('--scenario', bad, '--json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('users: expected number, received string');
    expect(r.stderr).toContain('secondsPerUserPerDay: must be >= 0');
    expect(r.stderr).toContain('frameBytes: expected number, missing');
    expect(r.stderr).toContain('providers[0]: unknown catalog id "nope"');
  });

  it('--format focus: a FOCUS 1.2 CSV, every mandatory column, BilledCost summing to the monthly totals', () => {
    const csv = estimate('--scenario', 'scenarios/example.json', '--format', 'focus');
    const json = estimate('--scenario', 'scenarios/example.json', '--json');
    expect(csv.code).toBe(0);
    const [header, ...lines] = csv.stdout.trimEnd().split('\r\n');
    expect(header?.split(',')).toEqual([...FOCUS_COLUMNS]);
    for (const c of FOCUS_MANDATORY_COLUMNS) expect(header?.split(',')).toContain(c);
    const rows = (lastJsonLine(json.stdout).providers as Row[]).filter((p) => p.monthlyUSD !== null);
    expect(lines).toHaveLength(rows.length);
    // BilledCost is the first column and never quoted (a number).
    const billed = lines.reduce((a, l) => a + Number(l.split(',')[0]), 0);
    expect(billed).toBeCloseTo(
      rows.reduce((a, p) => a + (p.monthlyUSD ?? 0), 0),
      6,
    );
    expect(lines.every((l) => l.includes(',Usage,,') && l.includes(',true,'))).toBe(true);
  });

  it('--format focus with a bad scenario or an unknown format: errors on stderr, nothing on stdout', () => {
    const bad = writeTmp('bad-focus.json', {
      users: 10,
      secondsPerUserPerDay: 10,
      fps: 0,
      days: 30,
      peakConcurrentStreams: 1,
      frameBytes: 0,
    });
    const r = estimate('--scenario', bad, '--format', 'focus');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`scenario ${bad}: fps: must be > 0`]);
    const f = estimate('--scenario', 'scenarios/example.json', '--format', 'xlsx');
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--format must be one of table, json, focus');
  });

  it('a bad catalog: every bad field on stderr, non-zero exit', () => {
    const catalog = writeTmp('bad-catalog.json', [
      {
        id: 't4',
        provider: 'AWS',
        product: 'T4',
        unit: 'hour',
        tiers: [{ upToUnitsPerMonth: null, pricePerUnitUSD: 'cheap' }],
        sourceUrl: 'https://aws.amazon.com/ec2/pricing/on-demand/',
        seenDate: '2026-11-28',
        confidence: 'verified',
      },
    ]);
    const r = estimate('--scenario', 'scenarios/example.json', '--catalog', catalog, '--json');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('[0].tiers[0].pricePerUnitUSD: expected number, received string');
    expect(r.stderr).toContain('[0].throughputFps: required for unit "hour"');
  });

  it('a missing file: one line on stderr, non-zero exit', () => {
    const r = estimate('--scenario', join(tmp, 'missing.json'));
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read scenario file .*missing\.json \(ENOENT\)/);
  });

  it('out-of-range, unparsable and commented scenarios: a clear message, exit 1, never null or $NaN', () => {
    const example = JSON.parse(readFileSync(join(root, 'scenarios/example.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const cases: [string, string | Record<string, unknown>, RegExp][] = [
      ['users.json', { ...example, users: 1e200 }, /users: must be <= 1000000000/],
      ['days.json', { ...example, days: 1e-300, peakConcurrentStreams: 1e300 }, /days: must be >= 1/],
      [
        'inf.json',
        JSON.stringify(example).replace('"users":100', '"users":1e309'),
        /users: .*too large.*1e309/,
      ],
      ['syntax.json', '{\n  "users": 100,\n}', /line 3, column 1: expected a double-quoted property name/],
      [
        'comment.json',
        `# my scenario\n${JSON.stringify(example)}`,
        /line 1, column 1: comments \("#"\) are not allowed/,
      ],
    ];
    for (const [name, value, message] of cases) {
      const r = estimate('--scenario', writeTmp(name, value), '--json');
      expect(r.code, name).toBe(1);
      expect(r.stdout, name).toBe('');
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).not.toMatch(/NaN|null|Infinity/);
    }
  });
});
