import type { ModelEntry } from '../../core/modelManifest';
import type { NoticeBody, NoticeLevel } from '../../core/notice';
import { loadSegmenter } from '../segmenter/loadSegmenter';
import type { BackendChoice, BackendTimings, InferencePath, Segmenter } from '../segmenter/segmenterTypes';
import { firstBackend, rememberBackend, rememberedBackend } from './backendPreference';

/** How long after the first mask the background timing of the other backends starts. */
const BACKGROUND_TIMING_DELAY_MS = 3000;
/** Another backend must beat the current one by this factor to be switched to (timings are noisy). */
const SWITCH_MARGIN = 0.8;

export interface ModelLoaderHost {
  models(): readonly ModelEntry[];
  /** A frame of the current source to warm up on; null when none can be grabbed yet. */
  warmupFrame(): Promise<ImageBitmap | null>;
  /** The new segmenter is ready: the host swaps it in and disposes the previous one. */
  install(segmenter: Segmenter): void;
  current(): Segmenter | null;
  notify(level: NoticeLevel, notice: NoticeBody): void;
}

/**
 * Loads models. With backend 'auto' the first mask does not wait for timing: it starts on the backend remembered
 * from last time in this browser (or the one expected to be fastest here), then times every backend in a second
 * worker in the background and switches when one wins, remembering it. The previous segmenter keeps working until a
 * new one is ready, and a load that was overtaken by a newer request is discarded.
 */
export class ModelLoader {
  modelId = 'selfie-general-tfjs';
  backendChoice: BackendChoice = 'auto';
  path: InferencePath = 'direct';
  loading = false;
  /** The background timing's result, once it has run. */
  timings: BackendTimings | null = null;
  private token = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ModelLoaderHost) {}

  async load(): Promise<void> {
    const token = ++this.token;
    clearTimeout(this.timer);
    this.loading = true;
    const auto = this.backendChoice === 'auto';
    const backend = firstBackend(this.backendChoice);
    const segmenter = await this.start(backend);
    if (token !== this.token) {
      segmenter?.dispose();
      return;
    }
    this.loading = false;
    if (!segmenter) return;
    this.host.install(segmenter);
    this.modelId = segmenter.info.modelId;
    if (auto && segmenter.info.runtime === 'tfjs') {
      const started = { backend: segmenter.info.backend, remembered: rememberedBackend() !== null };
      this.host.notify('info', { code: 'backend-started', params: started });
      this.timer = setTimeout(() => void this.timeInBackground(token), BACKGROUND_TIMING_DELAY_MS);
    }
  }

  private async start(backend: BackendChoice): Promise<Segmenter | null> {
    try {
      return await loadSegmenter({
        models: this.host.models(),
        modelId: this.modelId,
        backend,
        path: this.path,
        warmup: () => this.host.warmupFrame(),
        notice: (notice) => this.host.notify('warning', notice),
      });
    } catch (err) {
      this.host.notify('error', {
        code: 'segmentation-unavailable',
        params: { error: (err as Error).message },
      });
      return null;
    }
  }

  /** Times every backend in a second worker; switches to the winner when it clearly beats the current one. */
  private async timeInBackground(token: number): Promise<void> {
    const probe = await this.start('auto');
    const current = this.host.current();
    if (!probe || token !== this.token || !current) {
      probe?.dispose();
      return;
    }
    const timings = probe.info.timings ?? {};
    this.timings = timings;
    const winner = probe.info.backend;
    const mine = timings[current.info.backend];
    const best = timings[winner];
    rememberBackend(winner);
    if (
      winner !== current.info.backend &&
      typeof best === 'number' &&
      (typeof mine !== 'number' || best < SWITCH_MARGIN * mine)
    ) {
      this.host.install(probe);
      this.host.notify('info', {
        code: 'backend-timed',
        params: { timings, backend: winner, switched: true },
      });
    } else {
      probe.dispose();
      const backend = current.info.backend;
      this.host.notify('info', { code: 'backend-timed', params: { timings, backend, switched: false } });
    }
  }

  dispose(): void {
    this.token++;
    clearTimeout(this.timer);
  }
}
