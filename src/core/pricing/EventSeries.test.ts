import { describe, expect, it } from 'vitest';
import type { FrameEvent, InferenceRecord } from '../frameEvent.ts';
import { EventSeries } from './EventSeries.ts';

const T0 = 1_700_000_000_000;

function event(frame: number, tsOffsetMs: number, ran: boolean): FrameEvent {
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
    inferenceId: ran ? frame : null,
    motion: 1,
    mode: 'full',
  };
}

/** `seconds` seconds at 30 fps, inferring every `every`-th frame. */
function stream(seconds: number, every: number): FrameEvent[] {
  const out: FrameEvent[] = [];
  for (let f = 0; f < seconds * 30; f++) out.push(event(f, (f * 1000) / 30, f % every === 0));
  return out;
}

/** The record of a frame's inference: 10 ms model, 15 ms end to end. */
function settled(e: FrameEvent): InferenceRecord {
  return {
    id: e.frame,
    sessionId: 's',
    frame: e.frame,
    kind: 'gate',
    ts: e.ts + 15,
    latencyMs: 15,
    modelMs: 10,
  };
}

function ingest(s: EventSeries, events: readonly FrameEvent[]): void {
  for (const e of events) {
    s.add(e);
    if (e.ran) s.addInference(settled(e));
  }
}

describe('EventSeries', () => {
  it('buckets per second: cumulative frames and inferences match the stream', () => {
    const s = new EventSeries();
    ingest(s, stream(10, 5));
    const points = s.points();
    expect(points).toHaveLength(10);
    expect(points[0]).toMatchObject({ t: 1, frames: 30, inferences: 6 });
    expect(points.at(-1)).toMatchObject({ t: 10, frames: 300, inferences: 60 });
    // 10 s in: 60 inferences in 10 s = 360 a minute.
    expect(points.at(-1)?.inferencesPerMinute).toBeCloseTo(360, 9);
    expect(points.at(-1)?.framesPerMinute).toBeCloseTo(1800, 9);
    expect(s.deviceTime).toEqual({ timed: 60, modelMsTotal: 600, latencyMsTotal: 900 });
  });

  it('the trailing minute is a minute once 60 s have passed', () => {
    const whole = new EventSeries();
    ingest(whole, stream(90, 3));
    expect(whole.points().at(-1)?.inferencesPerMinute).toBeCloseTo(600, 9);
  });

  it('bills a runaway duplicate as an inference but not as a frame; staleness checks are not device time', () => {
    const s = new EventSeries();
    const first = event(0, 0, true);
    s.add(first);
    s.add({ ...first, reason: 'duplicate' });
    s.addInference({ ...settled(first), kind: 'shadow' });
    expect(s.points().map((p) => [p.frames, p.inferences])).toEqual([[1, 2]]);
    expect(s.deviceTime.timed).toBe(0);
  });

  it('takes a failed inference back in the second it settled, so the series ends on the billed count', () => {
    const s = new EventSeries();
    const first = event(0, 0, true);
    const second = event(1, 1500, true);
    s.add(first);
    s.add(second);
    s.addInference({
      ...settled(second),
      ts: second.ts + 900,
      latencyMs: null,
      modelMs: null,
      error: 'boom',
    });
    s.addInference({ ...settled(first), kind: 'shadow', latencyMs: null, modelMs: null, error: 'boom' });
    expect(s.points().map((p) => [p.t, p.frames, p.inferences])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 2, 1],
    ]);
  });

  it('downsamples long sessions to at most maxPoints, ending at the last second', () => {
    const s = new EventSeries();
    ingest(s, stream(3600, 10));
    const points = s.points(200);
    expect(points.length).toBeLessThanOrEqual(200);
    expect(points.at(-1)).toMatchObject({ t: 3600, frames: 108_000, inferences: 10_800 });
  });

  it('starts over on reset', () => {
    const s = new EventSeries();
    ingest(s, stream(5, 2));
    s.reset();
    ingest(s, stream(2, 1));
    expect(s.points().at(-1)).toMatchObject({ t: 2, frames: 60, inferences: 60 });
  });
});
