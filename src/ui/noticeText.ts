import type { NoticeBody, NoticeCode, NoticeParams } from '../core/notice.ts';
import { formatUSD } from '../core/pricing/formatUSD.ts';

const KEEPS_PLAYING = 'the sample clip keeps playing.';

function spanOf(period: 'session' | 'day' | 'month'): string {
  return period === 'session' ? 'this session' : period === 'day' ? 'today' : 'this month';
}

function timingList(timings: Record<string, number | string>): string {
  return Object.entries(timings)
    .map(([b, t]) => `${b} ${typeof t === 'number' ? `${t.toFixed(1)} ms` : t}`)
    .join(', ');
}

/** One text per code; the mapped type makes a missing code a type error. */
const TEXT: { [C in NoticeCode]: (p: NoticeParams[C]) => string } = {
  'camera-denied': () =>
    `Camera permission was denied. Allow the camera in the browser to use it; ${KEEPS_PLAYING}`,
  'camera-missing': () => `No camera was found on this device; ${KEEPS_PLAYING}`,
  'camera-busy': () => `The camera is busy in another application; ${KEEPS_PLAYING}`,
  'camera-unsupported': () => 'This browser offers no camera here (a camera needs https or localhost).',
  'camera-failed': (p) => `The camera could not be opened (${p.error}); ${KEEPS_PLAYING}`,
  'camera-stream-failed': (p) => `The camera stream could not play (${p.error}).`,
  'camera-lost': () => 'The camera stopped (unplugged or permission revoked); back to the sample clip.',
  'clip-unplayable': (p) =>
    `"${p.label}" cannot be played as video here (${p.error}); the previous source keeps playing.`,
  'source-failed': (p) => `The source could not be opened: ${p.error}`,
  'segmentation-unavailable': (p) => `Segmentation is unavailable: ${p.error}. The video plays unsegmented.`,
  'model-fallback': (p) => `${p.error}. Falling back to ${p.fallback}.`,
  'worker-unavailable': (p) => `tfjs cannot run in a worker here (${p.error}): running it on the main thread`,
  'backend-unavailable': (p) => `${p.backend} is not available here: switched to wasm`,
  'webgl-fallback': (p) =>
    `${p.error === null ? 'the WebGL context was lost' : `WebGL failed (${p.error})`}: switched to wasm`,
  'backend-started': (p) =>
    `Started on ${p.backend} (${p.remembered ? 'fastest here last time' : 'expected fastest here'}); timing the other backends in the background`,
  'backend-timed': (p) =>
    `Background timing (${timingList(p.timings)}): ${p.switched ? 'switched to' : 'staying on'} ${p.backend}`,
  'segmentation-stepped-aside': (p) =>
    `Segmentation stepped aside after repeated failures (${p.error ?? 'unknown error'}); retrying`,
  'segmentation-back': () => 'Segmentation is back: the model answered again',
  'model-hung': (p) => `The model stopped answering (${p.why}): restarting it`,
  'compositor-fallback': (p) => `Compositing moved to the main thread: ${p.why}`,
  'cloud-degraded': (p) => `Cloud (simulated) degraded: ${p.reason}`,
  'cloud-recovered': () => 'Cloud (simulated) recovered',
  'runaway-tripped': (p) => `Inference disabled by the runaway guard: ${p.reason}`,
  'runaway-simulated': () => 'Simulating a runaway bug: inference is now requested many times per frame.',
  'runaway-reset': () => 'Runaway guard reset: inference is enabled again.',
  'budget-changed': (p) => p.reason,
  anomaly: (p) => `Anomaly: ${p.reason}`,
  'budget-dropped': (p) =>
    `Budget removed: its entry ${p.catalogId} ${
      p.why === 'unpriced'
        ? 'has no price any more (its tiers are empty)'
        : 'is no longer in the catalog (removed, renamed or not in the imported catalog)'
    }. Nothing limits spending now; set a new budget in the Budget panel.`,
  'budget-restored': (p) =>
    `Budget restored: ${formatUSD(p.limitUSD)} ${spanOf(p.period)} on ${p.catalogId}.`,
  'budget-not-restored': (p) => `The saved budget was not restored: ${p.errors.join('; ')}`,
  'budget-storage-unavailable': (p) =>
    `Browser storage is unavailable (${p.error}): the budget cannot count ${spanOf(p.period)}'s other sessions and now counts this session only.`,
  'budget-period-rolled': (p) =>
    `A new ${p.period} began (${p.key}): the budget counts from ${spanOf(p.period)}'s usage.`,
  'policy-rejected': (p) => `The gate policy was not changed: ${p.error}`,
  'background-unusable': (p) => `Background "${p.name}" could not be used: ${p.error}`,
  'gate-file-loaded': (p) => `Gate settings loaded from ${p.file}`,
  'gate-file-rejected': (p) => `${p.file} was not loaded, the gate is unchanged: ${p.errors.join('; ')}`,
  'replay-stopped': (p) => `Replay stopped: ${p.error}`,
  'telemetry-failing': (p) =>
    `Telemetry: ${p.failures} exports in a row failed (${p.error ?? 'unknown error'}); retrying with back-off, the live view is not affected.`,
};

/** The text a person reads for a notice. */
export function noticeText(notice: NoticeBody): string {
  // The union is discriminated by code, but TS cannot pair TEXT[code] with its params without the cast.
  const render = TEXT[notice.code] as (p: NoticeParams[NoticeCode]) => string;
  return render(notice.params);
}
