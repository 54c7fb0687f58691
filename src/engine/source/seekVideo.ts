const SEEK_TIMEOUT_MS = 10_000;

/**
 * Sets the video's time and resolves when the browser says it has landed there ('seeked'). A seek that has not
 * landed within 10 s rejects with `timeoutMessage`, or, when that is null (a best-effort seek), resolves anyway.
 */
export function seekVideo(
  video: HTMLVideoElement,
  time: number,
  timeoutMessage: string | null,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => (timeoutMessage === null ? resolve() : reject(new Error(timeoutMessage))),
      SEEK_TIMEOUT_MS,
    );
    video.addEventListener(
      'seeked',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    video.currentTime = time;
  });
}
