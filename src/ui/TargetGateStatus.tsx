import type { TargetGateState } from '../core/gate/TargetGate';

const f = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/**
 * The quality-target controller at work: the target, how far it has scaled the manual thresholds, the thresholds in
 * force, and the staleness every inference measured for free (IoU of the mask on screen against the fresh one).
 */
export function TargetGateStatus({
  state,
  onTarget,
}: {
  state: TargetGateState;
  onTarget: (iouMean: number) => void;
}) {
  return (
    <div className="target-gate" data-testid="target-gate">
      <label
        className="slider"
        title="mean IoU against every-frame masks the gate holds; p05 is held 0.10 below"
      >
        Quality target (mean IoU) <output>{state.target.iouMean.toFixed(2)}</output>
        <input
          type="range"
          min={0.9}
          max={0.99}
          step={0.01}
          value={state.target.iouMean}
          onChange={(e) => onTarget(Number(e.currentTarget.value))}
        />
      </label>
      <p className="hint" data-testid="target-gate-state">
        Scale ×{state.scale.toFixed(2)}: static {state.staticThreshold.toFixed(2)}, motion{' '}
        {state.motionThreshold.toFixed(2)}, max skip {state.maxSkipFrames}. Staleness (free,{' '}
        {state.observations} checks): last {f(state.lastStaleness)}, mean {f(state.stalenessMean)}; estimated
        mean IoU {f(state.estimatedIouMean)}.
      </p>
    </div>
  );
}
