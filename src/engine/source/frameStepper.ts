/** Frame-accurate stepping of a video element by seeking, for replay: decode speed never changes the result. */

import { frameIndexAt, type SeekVerdict, seekVerdict } from './seekCheck';
import { seekVideo } from './seekVideo';

/** The clip's frame rate, from the media times of frames presented while it plays briefly; 30 if unknown. */
export async function detectFps(video: HTMLVideoElement, samples = 12): Promise<number> {
  const times: number[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      times.push(meta.mediaTime);
      if (times.length >= samples) {
        clearTimeout(timer);
        resolve();
      } else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    void video.play().catch(() => resolve());
  });
  video.pause();
  // A busy machine can skip presenting a frame, never present two in one frame time: the smallest step is one frame.
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++) {
    const d = times[i] - times[i - 1];
    if (d > 0.001 && d < step) step = d;
  }
  return Number.isFinite(step) ? Math.round((1 / step) * 1000) / 1000 : 30;
}

/** Longest clip a replay steps through: an hour at the clip's rate (a bound, whatever the file claims). */
export const MAX_REPLAY_SECONDS = 3600;

/** Number of whole frames in `duration` seconds at `fps`; throws when the duration is not a finite, positive time. */
export function framesIn(duration: number, fps: number): number {
  if (!Number.isFinite(duration) || duration <= 0 || !Number.isFinite(fps) || fps <= 0)
    throw new Error(
      "the clip's duration is unknown (a live recording, e.g. a MediaRecorder WebM, that states none): it cannot be replayed frame by frame",
    );
  return Math.max(1, Math.round(Math.min(duration, MAX_REPLAY_SECONDS) * fps));
}

/**
 * The clip's duration in seconds. A MediaRecorder WebM states none (duration Infinity) until the browser has seen
 * its end: seeking far past the end makes it read the whole file and report the real duration; then back to 0.
 */
export async function knownDuration(video: HTMLVideoElement): Promise<number> {
  if (Number.isFinite(video.duration)) return video.duration;
  await seekVideo(video, 1e9, null);
  await seekVideo(video, 0, null);
  return video.duration;
}

/** Number of whole frames in the clip at `fps`, finding an unstated duration first; throws if it stays unknown. */
export async function frameCount(video: HTMLVideoElement, fps: number): Promise<number> {
  return framesIn(await knownDuration(video), fps);
}

/**
 * Media time, s, of the frame the video holds now: the frame createImageBitmap(video) reads (WebCodecs' VideoFrame
 * of the element). Null when no frame can be read.
 */
function currentFrameTime(video: HTMLVideoElement): number | null {
  try {
    const frame = new VideoFrame(video);
    const time = frame.timestamp / 1e6;
    frame.close();
    return time;
  } catch {
    return null;
  }
}

/** Resolves when the video presents its next frame, or after `ms` (a paused video presents none after a no-op seek). */
function nextPresented(video: HTMLVideoElement, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Seeks to the middle of frame `index` and resolves (with that media time) once the video holds that very frame:
 * a seek on a loaded machine can report 'seeked' with a neighbouring frame still current, so the frame held is
 * checked by its timestamp, read again after the next presented frame, and sought again a bounded number of times
 * (see seekVerdict); it throws if the frame never lands. Without WebCodecs' VideoFrame it trusts 'seeked'.
 */
export async function seekFrame(video: HTMLVideoElement, index: number, fps: number): Promise<number> {
  const target = (index + 0.5) / fps;
  if (typeof VideoFrame === 'undefined') {
    await seekVideo(video, target, `seeking to frame ${index} timed out`);
    return target;
  }
  const seeks: (number | null)[] = [];
  let lookedAgain = false;
  for (;;) {
    const verdict: SeekVerdict =
      seeks.length === 0 ? 'seek-again' : seekVerdict({ want: index, fps, target, seeks, lookedAgain });
    if (verdict === 'landed') {
      if (seeks.length > 1 || lookedAgain)
        console.info(`frame ${index}: landed after ${seeks.length} seek(s), looked again: ${lookedAgain}`);
      return target;
    }
    if (verdict === 'fail') {
      const seen = seeks.map((t) => (t === null ? 'none' : `frame ${frameIndexAt(t, fps)} (${t} s)`));
      throw new Error(
        `frame ${index} of the clip could not be stepped to: ${seeks.length} seeks to ${target.toFixed(4)} s showed ${seen.join(', ')}`,
      );
    }
    if (verdict === 'look-again') {
      await nextPresented(video, 250);
      seeks[seeks.length - 1] = currentFrameTime(video);
      lookedAgain = true;
    } else {
      await seekVideo(video, target, `seeking to frame ${index} timed out`);
      seeks.push(currentFrameTime(video));
      lookedAgain = false;
    }
  }
}
