import type { RunnerState } from '../engine/segmenter/InferenceRunner';

/**
 * Shown while segmentation has stepped aside after repeated model failures: the plain video plays, the app retries
 * on its own with back-off, and the user can retry at once.
 */
export function ModelFailing({ runner, onRetry }: { runner: RunnerState | undefined; onRetry: () => void }) {
  if (!runner?.passThrough) return null;
  return (
    <div className="notice error model-failing" role="alert" data-testid="model-failing">
      <span>
        Segmentation is paused: the model failed {runner.consecutiveFailures} times in a row (
        {runner.lastError}). The video plays without the effect; retrying automatically.
      </span>
      <button type="button" onClick={onRetry}>
        Retry now
      </button>
    </div>
  );
}
