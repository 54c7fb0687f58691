import { describe, expect, it } from 'vitest';
import { emptyTotals, foldFrame, foldInference } from '../fold/frameTotals';
import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { frameEvent, inferenceRecord } from '../testing/streamFixtures';
import { billedBefore } from './billedBefore.ts';
import { toFrameLogRecords } from './frameLog.ts';

const event = (frame: number, ran: boolean) =>
  frameEvent(frame, ran, { mode: frame % 5 === 4 ? 'paused' : 'full' });
const record = (frame: number, error?: string) => inferenceRecord(frame, error ? { error } : {});

const base = loadDefaultCatalog();
const byId = (id: string): CatalogEntry => {
  const entry = base.find((e) => e.id === id);
  if (!entry) throw new Error(`no ${id}`);
  return entry;
};
// Tiers that change price after 3 units, so a window priced from zero would be visibly wrong.
const tiered: CatalogEntry = {
  ...byId('aws-rekognition-image-group2'),
  id: 'tiered',
  tiers: [
    { upToUnitsPerMonth: 3, pricePerUnitUSD: 0.01 },
    { upToUnitsPerMonth: null, pricePerUnitUSD: 0.001 },
  ],
};
const minute = byId('aws-rekognition-video-stored');

describe('billedBefore', () => {
  it('prices a window of the newest frames where the whole session prices them', () => {
    const events = Array.from({ length: 20 }, (_, i) => event(i, i % 2 === 0));
    // Frame 2 (before the window) and frame 14 (inside it) failed: neither is billed.
    const records = events
      .filter((e) => e.ran)
      .map((e) => record(e.frame, [2, 14].includes(e.frame) ? 'x' : undefined));
    const totals = emptyTotals();
    for (const e of events) foldFrame(totals, e);
    for (const r of records) foldInference(totals, r);
    const entries = [tiered, minute];
    const whole = toFrameLogRecords(events, entries, { fps: 30 }, records);
    const windowEvents = events.slice(12);
    const windowRecords = records.filter((r) => r.frame >= 10);
    const before = billedBefore(totals, windowEvents, windowRecords);
    // Frames 0..11: 6 ran, frame 2 failed; 12 segmenting (frames 4 and 9 paused) of 12.
    expect(before).toEqual({ inferences: 5, segmentedFrames: 10 });
    const windowed = toFrameLogRecords(windowEvents, entries, { fps: 30 }, windowRecords, before);
    expect(windowed).toEqual(whole.slice(12));
    // Priced from zero instead, the window's first billed frame would cost the first band's price.
    const fromZero = toFrameLogRecords(windowEvents, entries, { fps: 30 }, windowRecords);
    expect(fromZero[0].asIfCostUSD.tiered).toBeCloseTo(0.01, 12);
    expect(windowed[0].asIfCostUSD.tiered).toBeCloseTo(0.001, 12);
  });
});
