import { describe, expect, it } from 'vitest';
import type { FrameEvent } from '../frameEvent.ts';
import { EventSeries } from './EventSeries.ts';

const T0 = 1_700_000_000_000;

function event(frame: number, tsOffsetMs: number, ran: boolean, modelMs: number | null = null): FrameEvent {
  return {
    ts: T0 + tsOffsetMs,
    mediaTime: tsOffsetMs / 1000,
    sessionId: 's',
    frame,
    ran,
    reason: ran ? 'motion' : 'static-skip',
    source: 'sample',
    model: 'selfie',
    runtime: 'tfjs',
    backend: 'wasm',
    latencyMs: ran ? (modelMs ?? 0) + 5 : null,
    modelMs: ran ? modelMs : null,
    motion: 1,
    mode: 'full',
  };
}

/** `seconds` seconds at 30 fps, inferring every `every`-th frame. */
function stream(seconds: number, every: number): FrameEvent[] {
  const out: FrameEvent[] = [];
  for (let f = 0; f < seconds * 30; f++) out.push(event(f, (f * 1000) / 30, f % every === 0, 10));
  return out;
}

describe('EventSeries', () => {
  it('buckets per second: cumulative frames and inferences match the stream', () => {
    const s = new EventSeries();
    s.ingest(stream(10, 5));
    const points = s.points();
    expect(points).toHaveLength(10);
    expect(points[0]).toMatchObject({ t: 1, frames: 30, inferences: 6 });
    expect(points.at(-1)).toMatchObject({ t: 10, frames: 300, inferences: 60 });
    // 10 s in: 60 inferences in 10 s = 360 a minute.
    expect(points.at(-1)?.inferencesPerMinute).toBeCloseTo(360, 9);
    expect(points.at(-1)?.framesPerMinute).toBeCloseTo(1800, 9);
    expect(s.deviceTime).toEqual({ timed: 60, modelMsTotal: 600, latencyMsTotal: 900 });
  });

  it('is incremental: ingesting in slices gives the same series as at once', () => {
    const all = stream(90, 3);
    const whole = new EventSeries();
    whole.ingest(all);
    const sliced = new EventSeries();
    const growing: FrameEvent[] = [];
    for (let i = 0; i < all.length; i += 37) {
      growing.push(...all.slice(i, i + 37));
      sliced.ingest(growing);
    }
    expect(sliced.points()).toEqual(whole.points());
    expect(sliced.ingest(growing)).toBe(false);
    // The trailing minute is a minute once 60 s have passed: 20 inferences/s x 60.
    expect(whole.points().at(-1)?.inferencesPerMinute).toBeCloseTo(600, 9);
  });

  it('puts a late-settling inference in its own frame second', () => {
    const s = new EventSeries();
    // Frame 0 ran and settled after frames 1 and 2 (skipped, "busy") were appended.
    s.ingest([event(1, 33, false), event(2, 1500, false), event(0, 0, true, 12)]);
    expect(s.points().map((p) => [p.frames, p.inferences])).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });

  it('downsamples long sessions to at most maxPoints, ending at the last second', () => {
    const s = new EventSeries();
    s.ingest(stream(3600, 10));
    const points = s.points(200);
    expect(points.length).toBeLessThanOrEqual(200);
    expect(points.at(-1)).toMatchObject({ t: 3600, frames: 108_000, inferences: 10_800 });
  });

  it('starts over when the store is cleared', () => {
    const s = new EventSeries();
    const events = stream(5, 2);
    s.ingest(events);
    events.length = 0;
    events.push(...stream(2, 1));
    expect(s.ingest(events)).toBe(true);
    expect(s.points().at(-1)).toMatchObject({ t: 2, frames: 60, inferences: 60 });
  });
});
