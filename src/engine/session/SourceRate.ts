import type { FrameSource } from '../source/frameSources';

/**
 * The source's own frame rate, whatever the display manages: the camera's setting, or for a clip the frames it
 * decoded per second of media time (a busy main thread drops frames, so displayed frames would understate it).
 */
export class SourceRate {
  private probe: { video: HTMLVideoElement; frames: number; mediaTime: number; fps: number | null } | null =
    null;

  /** Null until the source has told its rate (a clip needs a second of playback). */
  read(source: FrameSource | null): number | null {
    const video = source?.video;
    if (!video) return null;
    const track = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
    const setting = track?.getSettings().frameRate;
    if (setting) return setting;
    const decoded = video.getVideoPlaybackQuality().totalVideoFrames;
    const last = this.probe;
    if (!last || last.video !== video || video.currentTime < last.mediaTime) {
      const fps = last?.video === video ? last.fps : null;
      this.probe = { video, frames: decoded, mediaTime: video.currentTime, fps };
    } else if (video.currentTime - last.mediaTime >= 1 && decoded > last.frames) {
      const fps = (decoded - last.frames) / (video.currentTime - last.mediaTime);
      this.probe = { video, frames: decoded, mediaTime: video.currentTime, fps };
    }
    return this.probe?.fps ?? null;
  }
}
