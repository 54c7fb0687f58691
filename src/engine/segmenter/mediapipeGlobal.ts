/**
 * Stand-in for the `@mediapipe/selfie_segmentation` module (aliased in vite.config.ts). The real solution is a script
 * that attaches `SelfieSegmentation` to globalThis; it is loaded from /mediapipe/ only when that runtime is chosen
 * (see loadMediapipeScript), and this class forwards to it.
 */
type SolutionConstructor = new (options: unknown) => object;

export const SOLUTION_SCRIPT = '/mediapipe/selfie_segmentation.js';

export class SelfieSegmentation {
  constructor(options: unknown) {
    const Real = (globalThis as { SelfieSegmentation?: SolutionConstructor }).SelfieSegmentation;
    if (!Real) throw new Error(`MediaPipe solution not loaded (${SOLUTION_SCRIPT})`);
    // A constructor may return another object: callers get the real solution.
    // biome-ignore lint/correctness/noConstructorReturn: forwarding to the global class is this shim's whole job
    return new Real(options);
  }
}

let loading: Promise<void> | null = null;

/** Adds the solution script once; rejects with the file's name when it cannot be loaded. */
export function loadMediapipeScript(): Promise<void> {
  if ((globalThis as { SelfieSegmentation?: unknown }).SelfieSegmentation) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SOLUTION_SCRIPT;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error(`Model runtime file ${SOLUTION_SCRIPT} could not be loaded`));
    };
    document.head.append(script);
  });
  return loading;
}
