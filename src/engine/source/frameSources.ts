import type { SourceKind } from '../../core/frameEvent';
import type { NoticeBody } from '../../core/notice';

/** A playing video element that frames are read from: the camera, the sample clip or a user's file. */
export interface FrameSource {
  kind: SourceKind;
  label: string;
  video: HTMLVideoElement;
  /** Releases the camera tracks or the file's object URL, and removes the element. */
  stop(): void;
}

/** A source that could not be opened; `notice` says why, for the UI to put into words. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(readonly notice: NoticeBody) {
    super(notice.code);
  }
}

/** Videos must be in the document for Chromium to keep decoding them and firing requestVideoFrameCallback. */
function hiddenVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('aria-hidden', 'true');
  video.className = 'source-video';
  document.body.append(video);
  return video;
}

function cameraFailure(err: unknown): NoticeBody {
  const name = (err as { name?: string }).name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return { code: 'camera-denied', params: {} };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return { code: 'camera-missing', params: {} };
  if (name === 'NotReadableError') return { code: 'camera-busy', params: {} };
  return { code: 'camera-failed', params: { error: (err as Error).message || name } };
}

/** Opens the user's camera; `onLost` fires when the camera stops on its own (unplugged, permission revoked). */
export async function openCamera(onLost: () => void): Promise<FrameSource> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new SourceError({ code: 'camera-unsupported', params: {} });
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } },
      audio: false,
    });
  } catch (err) {
    throw new SourceError(cameraFailure(err));
  }
  const video = hiddenVideo();
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
    video.remove();
  };
  for (const track of stream.getVideoTracks()) {
    track.addEventListener('ended', () => {
      if (!stopped) onLost();
    });
  }
  video.srcObject = stream;
  try {
    await video.play();
  } catch (err) {
    stop();
    throw new SourceError({ code: 'camera-stream-failed', params: { error: (err as Error).message } });
  }
  const label = stream.getVideoTracks()[0]?.label || 'camera';
  return { kind: 'camera', label, video, stop };
}

/**
 * Opens a clip (the bundled sample or a user's file) and waits for its first decoded frame, so an undecodable file
 * fails here, before it replaces the current source.
 */
export async function openClip(
  url: string,
  kind: SourceKind,
  label: string,
  revoke = false,
): Promise<FrameSource> {
  const video = hiddenVideo();
  video.loop = true;
  const stop = () => {
    video.pause();
    video.removeAttribute('src');
    video.load();
    video.remove();
    if (revoke) URL.revokeObjectURL(url);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no frame decoded within 15 s')), 15_000);
      video.addEventListener(
        'loadeddata',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
      video.addEventListener(
        'error',
        () => {
          clearTimeout(timer);
          reject(new Error(video.error?.message || `media error ${video.error?.code ?? ''}`.trim()));
        },
        { once: true },
      );
      video.src = url;
    });
    if (video.videoWidth === 0) throw new Error('it has no video track');
    await video.play();
  } catch (err) {
    stop();
    throw new SourceError({ code: 'clip-unplayable', params: { label, error: (err as Error).message } });
  }
  return { kind, label, video, stop };
}
