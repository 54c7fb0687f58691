/** Frame-accurate stepping of a video element by seeking, for replay: decode speed never changes the result. */

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

/** Number of whole frames in the clip at `fps`. */
export function frameCount(video: HTMLVideoElement, fps: number): number {
  return Math.max(1, Math.round(video.duration * fps));
}

/** Seeks to the middle of frame `index` and resolves once that frame is decoded and current. */
export function seekFrame(video: HTMLVideoElement, index: number, fps: number): Promise<number> {
  const time = (index + 0.5) / fps;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`seeking to frame ${index} timed out`)), 10_000);
    video.addEventListener(
      'seeked',
      () => {
        clearTimeout(timer);
        resolve(time);
      },
      { once: true },
    );
    video.currentTime = time;
  });
}
