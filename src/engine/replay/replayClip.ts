import type { FramePipeline } from '../pipeline/FramePipeline';
import type { LiveDriver } from '../pipeline/LiveDriver';
import type { ReplayProgress } from '../session/sessionSnapshot';
import { detectFps, frameCount, seekFrame } from '../source/frameStepper';

export interface ReplayHost {
  pipeline: FramePipeline;
  driver: LiveDriver;
  progress: (p: ReplayProgress) => void;
  /** False once the replay was cancelled or superseded. */
  current: () => boolean;
}

/**
 * Frame-stepped replay of the driver's clip: every frame in order, each inference awaited, so the same clip and
 * settings give the same decisions on every run. Live frames are kept out meanwhile; playback resumes after.
 */
export async function replayClip(
  host: ReplayHost,
  resume = true,
): Promise<{ ran: boolean; reason: string }[]> {
  const { pipeline, driver } = host;
  const source = driver.source;
  if (!source || source.kind === 'camera') throw new Error('replay needs a video file or the sample clip');
  if (!pipeline.runner.segmenter) throw new Error('the model is still loading');
  const video = source.video;
  driver.paused = true;
  const decisions: { ran: boolean; reason: string }[] = [];
  let progress: ReplayProgress | null = null;
  try {
    const fps = await detectFps(video);
    const total = await frameCount(video, fps);
    pipeline.resetGate();
    progress = { done: 0, total, fps, running: true, inferences: 0 };
    host.progress(progress);
    for (let i = 0; i < total && host.current() && driver.source === source; i++) {
      const mediaTime = await seekFrame(video, i, fps);
      const step = await pipeline.step(source, mediaTime, true);
      decisions.push({ ran: step.ran, reason: step.reason });
      progress = { ...progress, done: i + 1, inferences: progress.inferences + (step.ran ? 1 : 0) };
      host.progress(progress);
    }
  } finally {
    if (progress) host.progress({ ...progress, running: false });
    if (host.current()) {
      driver.paused = false;
      pipeline.resetGate();
      if (resume && driver.source === source) void video.play().catch(() => undefined);
    }
  }
  return decisions;
}
