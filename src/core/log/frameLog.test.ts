import { describe, expect, it } from 'vitest';
import type { FrameEvent } from '../frameEvent';
import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { priceSession } from '../pricing/priceSession.ts';
import { frameCostUSD, toCsv, toFrameLogRecord, toFrameLogRecords, toNdjson } from './frameLog.ts';

const catalog = loadDefaultCatalog();
const byId = (id: string): CatalogEntry => {
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new Error(`no ${id}`);
  return entry;
};
const image = byId('aws-rekognition-image-group2');
const frames16 = byId('fal-sam3-video');
const minute = byId('aws-rekognition-video-stored');
const gpu = byId('replicate-gpu-t4');

function event(frame: number, ran: boolean, extra: Partial<FrameEvent> = {}): FrameEvent {
  return {
    ts: 1_700_000_000_000 + frame * 33,
    mediaTime: frame / 30,
    sessionId: 'abc',
    frame,
    ran,
    reason: ran ? 'motion' : 'static-skip',
    source: 'sample',
    model: 'selfie-general-tfjs',
    runtime: 'tfjs',
    backend: 'wasm',
    inferenceId: ran ? frame : null,
    motion: 4.25,
    mode: 'full',
    ...extra,
  };
}

describe('frameCostUSD', () => {
  it('prices one frame per unit', () => {
    const ran = event(1, true);
    expect(frameCostUSD(image, ran)).toBeCloseTo(image.tiers[0].pricePerUnitUSD, 15);
    expect(frameCostUSD(frames16, ran)).toBeCloseTo(frames16.tiers[0].pricePerUnitUSD / 16, 15);
    expect(frameCostUSD(gpu, ran)).toBeCloseTo(gpu.tiers[0].pricePerUnitUSD / (gpu.throughputFps ?? 1), 15);
    expect(frameCostUSD(image, event(2, false))).toBe(0);
    // A video API bills the stream: skipped frames too, but not paused ones.
    expect(frameCostUSD(minute, event(2, false), { fps: 30 })).toBeCloseTo(
      minute.tiers[0].pricePerUnitUSD / 1800,
      15,
    );
    expect(frameCostUSD(minute, event(2, false, { mode: 'paused' }))).toBe(0);
    expect(frameCostUSD({ ...image, tiers: [] }, ran)).toBeNull();
  });
});

describe('toFrameLogRecords', () => {
  it('builds the record in a fixed key order, leaving unpriced entries out', () => {
    const inference = {
      ...{ id: 3, sessionId: 'abc', frame: 3, kind: 'gate' as const },
      ...{ ts: 0, latencyMs: null, modelMs: null, error: 'boom' },
    };
    const record = toFrameLogRecord(event(3, true), [image, { ...gpu, id: 'free', tiers: [] }], {
      inference,
    });
    expect(Object.keys(record)).toEqual([
      'ts',
      'sessionId',
      'frame',
      'ran',
      'reason',
      'source',
      'model',
      'backend',
      'latencyMs',
      'motion',
      'mode',
      'error',
      'asIfCostUSD',
    ]);
    expect(record.error).toBe('boom');
    expect(Object.keys(record.asIfCostUSD)).toEqual([image.id]);
    // Failed: not billed (the fold's rule), but a video API still bills the stream.
    expect(record.asIfCostUSD[image.id]).toBe(0);
    expect(frameCostUSD(minute, event(3, true), { fps: 30, inference })).toBeGreaterThan(0);
  });

  it('sums per column to the totals the fold bills, failed inferences left out', () => {
    const events = Array.from({ length: 40 }, (_, i) => event(i, i % 2 === 0));
    const failed = (id: number) => ({
      ...{ id, sessionId: 'abc', frame: id, kind: 'gate' as const },
      ...{ ts: 0, latencyMs: null, modelMs: null, error: 'boom' },
    });
    const records = toFrameLogRecords(events, [image], {}, [failed(0), failed(10)]);
    const sum = records.reduce((s, r) => s + (r.asIfCostUSD[image.id] ?? 0), 0);
    expect(sum).toBeCloseTo(18 * image.tiers[0].pricePerUnitUSD, 15);
    expect(records[0].asIfCostUSD[image.id]).toBe(0);
  });

  it('sums per column to the session cost, free tiers used up first', () => {
    const vision = byId('gcp-vision-label-detection');
    const events = Array.from({ length: 3000 }, (_, i) => event(i, i % 2 === 0));
    const records = toFrameLogRecords(events, [vision, image, minute], { fps: 30 });
    const sum = (id: string) => records.reduce((s, r) => s + (r.asIfCostUSD[id] ?? 0), 0);
    const session = priceSession([vision, image, { ...minute, rounding: 'none' }], {
      frames: 3000,
      inferences: 1500,
      durationSeconds: 100,
      sessions: 1,
      frameBytes: 0,
    });
    expect(sum(vision.id)).toBeCloseTo(session[0].ranUSD ?? Number.NaN, 9);
    expect(sum(image.id)).toBeCloseTo(session[1].ranUSD ?? Number.NaN, 9);
    expect(sum(minute.id)).toBeCloseTo(session[2].ranUSD ?? Number.NaN, 9);
    // The first 1,000 images are free on Cloud Vision.
    expect(records[0].asIfCostUSD[vision.id]).toBe(0);
    expect(records[2998].asIfCostUSD[vision.id]).toBeGreaterThan(0);
  });
});

describe('serializers', () => {
  const records = toFrameLogRecords(
    [event(0, true), event(1, false, { model: 'a "quoted", model\nname', motion: null })],
    [image, frames16],
    {},
    [{ id: 0, sessionId: 'abc', frame: 0, kind: 'gate', ts: 0, latencyMs: 12.5, modelMs: 9 }],
  );

  it('writes NDJSON, one parsable object per line', () => {
    const text = toNdjson(records);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1])).toEqual(records[1]);
    expect(toNdjson([])).toBe('');
  });

  it('writes CSV with stable columns, one per catalog id, and proper escaping', () => {
    const csv = toCsv(records);
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe(
      'ts,sessionId,frame,ran,reason,source,model,backend,latencyMs,motion,mode,error,' +
        `asIfCostUSD.${image.id},asIfCostUSD.${frames16.id}`,
    );
    expect(first).toBe(
      `1700000000000,abc,0,true,motion,sample,selfie-general-tfjs,wasm,12.5,4.25,full,,` +
        `${image.tiers[0].pricePerUnitUSD},${frames16.tiers[0].pricePerUnitUSD / 16}`,
    );
    // The embedded line break stays inside its quoted cell; records end with CRLF.
    expect(second).toBe(
      '1700000000033,abc,1,false,static-skip,sample,"a ""quoted"", model\nname",wasm,,,full,,0,0',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCsv(records, ['x']).split('\r\n')[0].endsWith(',error,asIfCostUSD.x')).toBe(true);
    expect(toCsv(records, ['x']).split('\r\n')[1].endsWith(',full,,')).toBe(true);
  });

  it('neutralises a text cell a spreadsheet would run as a formula (a model or entry id from a file)', () => {
    const hostile = records.map((r) => ({ ...r, model: '=HYPERLINK("http://evil")', error: '@cmd' }));
    const [, first] = toCsv(hostile, ['-1+1']).split('\r\n');
    expect(first).toContain(`,"'=HYPERLINK(""http://evil"")",`);
    expect(first).toContain(",'@cmd,");
    expect(first).not.toMatch(/,[=+@]/);
  });
});
