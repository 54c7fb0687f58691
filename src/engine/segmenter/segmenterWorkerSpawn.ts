/**
 * Spawns the segmenter worker. The app calls `prestartSegmenterWorker()` before React renders, so the worker parses
 * tfjs (about half a second here) while the page builds itself, fetches the manifest and opens the sample clip; the
 * first model load then takes that worker instead of starting one. An error the worker raised before it was taken
 * (a script that cannot load) is kept and handed over, so the caller still falls back to the main thread.
 */

import type { ToWorker } from './segmenterProtocol';
import type { BackendChoice } from './segmenterTypes';

export interface SpawnedWorker {
  worker: Worker;
  /** The worker's error before anyone listened; null when it started cleanly so far. */
  earlyError: string | null;
}

let spare: SpawnedWorker | null = null;

function spawn(): Worker {
  return new Worker(new URL('./segmenter.worker.ts', import.meta.url), { type: 'module', name: 'segmenter' });
}

/**
 * Starts a worker now for the first model load to take, and has it start `backend` at once; a no-op where workers
 * cannot start (the load then says why).
 */
export function prestartSegmenterWorker(backend: BackendChoice): void {
  if (spare) return;
  try {
    const spawned: SpawnedWorker = { worker: spawn(), earlyError: null };
    spawned.worker.onerror = (event) => {
      spawned.earlyError = event.message || 'script error';
    };
    const prepare: ToWorker = { type: 'prepare', backend };
    spawned.worker.postMessage(prepare);
    spare = spawned;
  } catch {
    spare = null;
  }
}

/** The prestarted worker if there is one (once), else a new one; throws when no worker can start here. */
export function takeSegmenterWorker(): SpawnedWorker {
  const taken = spare;
  spare = null;
  if (taken) {
    taken.worker.onerror = null;
    return taken;
  }
  return { worker: spawn(), earlyError: null };
}

/** Ends an unused prestarted worker (the chosen model runs elsewhere). */
export function releaseSpareSegmenterWorker(): void {
  spare?.worker.terminate();
  spare = null;
}
