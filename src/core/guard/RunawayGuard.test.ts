import { describe, expect, it } from 'vitest';
import { RunawayGuard } from './RunawayGuard.ts';

describe('RunawayGuard', () => {
  it('lets the normal one request per frame through for a long time', () => {
    const guard = new RunawayGuard();
    let refused = 0;
    for (let frame = 0; frame < 30 * 600; frame++) if (guard.noteRequest(frame, frame / 30)) refused++;
    expect(refused).toBe(0);
    expect(guard.trip).toBeNull();
  });

  it('trips on a frame asking many times, within 2 s of stream time, and stays tripped', () => {
    const guard = new RunawayGuard();
    const injectAt = 300;
    let tripped: { frame: number; t: number } | null = null;
    for (let frame = 0; frame < 600 && !tripped; frame++) {
      const t = frame / 30;
      const requests = frame >= injectAt ? 10 : 1;
      for (let r = 0; r < requests; r++) {
        if (guard.noteRequest(frame, t)) {
          tripped = { frame, t };
          break;
        }
      }
    }
    expect(tripped).not.toBeNull();
    expect((tripped?.t ?? 99) - injectAt / 30).toBeLessThan(2);
    expect(guard.trip?.frame).toBe(injectAt);
    expect(guard.trip?.reason).toBe(
      'Runaway inference: 3 requests for frame 300 (at most 2 per frame); inference disabled until reset',
    );
    // A later, well-behaved frame is still refused.
    expect(guard.noteRequest(700, 700 / 30)).toBe(guard.trip?.reason);
    guard.reset();
    expect(guard.noteRequest(701, 701 / 30)).toBeNull();
  });

  it('trips on too many requests per second of stream time even with fresh frame numbers', () => {
    const guard = new RunawayGuard({ maxPerSecond: 120 });
    let frame = 0;
    let reason: string | null = null;
    // A loop that invents a frame per request while the video is paused (media time stuck).
    while (!reason && frame < 1000) reason = guard.noteRequest(frame++, 12.5);
    expect(frame).toBe(121);
    expect(reason).toMatch(/121 requests within 1 s of stream time/);
  });

  it('does not mix timelines across a loop of the clip', () => {
    const guard = new RunawayGuard({ maxPerSecond: 40 });
    for (let frame = 0; frame < 30; frame++) expect(guard.noteRequest(frame, 9 + frame / 30)).toBeNull();
    for (let frame = 30; frame < 60; frame++) expect(guard.noteRequest(frame, (frame - 30) / 30)).toBeNull();
  });
});
