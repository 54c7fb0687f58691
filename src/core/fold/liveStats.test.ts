import { describe, expect, it } from 'vitest';
import type { FrameEvent, InferenceRecord } from '../frameEvent';
import { liveStats } from './liveStats';
import { streamSeconds } from './sourceFps';

const frame = (n: number, ts: number, reason: FrameEvent['reason'] = 'static-skip') =>
  ({ ts, mediaTime: n / 30, frame: n, ran: false, reason, inferenceId: null }) as FrameEvent;
const rec = (id: number, ts: number, kind: InferenceRecord['kind'] = 'gate') =>
  ({ id, ts, kind, latencyMs: 30 + id, modelMs: 10 + id }) as InferenceRecord;

describe('liveStats', () => {
  it('counts frames by when they were shown and inferences by when they settled, in the window only', () => {
    const frames = [
      frame(0, 100),
      frame(1, 1100),
      frame(2, 1133),
      frame(4, 1200),
      frame(5, 1210, 'duplicate'),
    ];
    const records = [rec(1, 500), rec(2, 1150), rec(3, 1190), rec(4, 1195, 'shadow')];
    const s = liveStats(frames, records, 2000, 1000);
    expect(s.displayFps).toBe(3);
    expect(s.inferenceFps).toBe(2);
    // Frames 1, 2 and 4 shown: the smallest media-time gap is one source frame.
    expect(s.sourceFps).toBeCloseTo(30, 6);
    // Medians: the newest gate inferences (1, 2 and 3; the staleness check is not one).
    expect(s.modelMsP50).toBe(12);
    expect(s.endToEndMsP50).toBe(32);
  });

  it('keeps showing model times when the model settles less than once a window', () => {
    const s = liveStats([frame(0, 9900)], [rec(1, 6000), rec(2, 8000)], 10_000, 1000);
    expect(s.inferenceFps).toBe(0);
    expect(s.modelMsP50).toBe(11.5);
  });

  it('has no rates or medians for an empty window', () => {
    expect(liveStats([], [], 0)).toEqual({
      displayFps: 0,
      inferenceFps: 0,
      sourceFps: null,
      modelMsP50: null,
      endToEndMsP50: null,
    });
  });

  it('prices stream time at the source rate, with the one default when it is unknown', () => {
    expect(streamSeconds(300, 25)).toBe(12);
    expect(streamSeconds(300, null)).toBe(10);
  });
});
