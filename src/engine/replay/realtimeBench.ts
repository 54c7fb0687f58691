import type { RealtimeRecord } from '../../core/quality/realtimeSummary';
import { type ShownFrame, shownFrameIous } from '../../core/quality/shownFrameIous';
import type { PersonMask } from '../segmenter/segmenterTypes';
import { frameIndexAt } from '../source/seekCheck';
import { seekVideo } from '../source/seekVideo';
import { type BenchFrames, type BenchOptions, benchReplay } from './benchReplay';

/** The session the bench drives (named through benchReplay, so that this module adds no import of LiveSession). */
type BenchSession = Parameters<typeof benchReplay>[0];

/** A bench run that also played the clip live: `realtime` holds what the live path displayed. */
export interface RealtimeBenchFrames extends BenchFrames {
  realtime: RealtimeRecord;
}

/** Plays the clip once from the start at its own speed; resolves when it ends (or after four times its length). */
function playThrough(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, (video.duration * 4 + 20) * 1000);
    video.addEventListener(
      'ended',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    video.play().catch(reject);
  });
}

/**
 * The frame-stepped bench (which keeps the every-frame reference mask of each frame), then the same clip played at
 * its own speed through the live path with the same policy: the live loop decides, busy frames and latency
 * included. Each displayed frame's mask is scored against the reference of the source frame it showed, after the
 * clip has played, so scoring takes nothing from the live run. Frames displayed before the first mask are counted
 * (`unmasked`), not scored.
 */
export async function realtimeBench(
  session: BenchSession,
  options: BenchOptions,
): Promise<RealtimeBenchFrames> {
  const references: PersonMask[] = [];
  const stepped = await benchReplay(session, {
    ...options,
    onReference: (frame, mask) => {
      references[frame] = mask;
    },
  });
  const { pipeline, driver } = session;
  const source = driver.source;
  if (!source) throw new Error('the bench clip is gone');
  const video = source.video;
  const shown: ShownFrame[] = [];
  let inferences = 0;
  let busy = 0;
  const last = stepped.frames - 1;
  let playing = false;
  let sampled = { ...pipeline.sampler.frames };
  // FrameEvents are emitted as their frame is composited: the cache then holds the very mask that was shown.
  const unsubscribe = session.store.subscribe((e) => {
    if (!playing || e.reason === 'duplicate') return;
    if (e.ran) inferences++;
    if (e.reason === 'busy') busy++;
    const index = Math.min(last, Math.max(0, frameIndexAt(e.mediaTime, stepped.fps)));
    shown.push({ index, mask: pipeline.cache.mask });
  });
  video.pause();
  video.loop = false;
  try {
    await seekVideo(video, 0, 'seeking to the start timed out');
    pipeline.resetGate();
    sampled = { ...pipeline.sampler.frames };
    playing = true;
    driver.paused = false;
    await playThrough(video);
  } finally {
    playing = false;
    driver.paused = true;
    unsubscribe();
    video.loop = true;
    video.pause();
  }
  return {
    ...stepped,
    realtime: {
      // Scored from the first displayed mask on: the wait for it is startup, which `npm run measure` times.
      iou: shownFrameIous(
        shown.filter((s) => s.mask !== null),
        references,
        stepped.width,
        stepped.height,
      ),
      sourceFrames: stepped.frames,
      inferences,
      busy,
      unmasked: shown.filter((s) => s.mask === null).length,
      thumbnails: pipeline.sampler.framesSince(sampled),
    },
  };
}
