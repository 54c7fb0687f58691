import { DEFAULT_GATE_SETTINGS, type GateSettings, parseGateSettings } from '../core/gate/gateSettings';
import { targetFromMean } from '../core/gate/QualityController';
import type { LiveSession, SessionSnapshot } from '../engine/session/LiveSession';
import { downloadJson } from './downloadJson';
import { TargetGateStatus } from './TargetGateStatus';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

type NumberKey = Exclude<keyof GateSettings, 'maxQuality' | 'warp'>;

const SLIDERS: { key: NumberKey; label: string; min: number; max: number; step: number; hint: string }[] = [
  {
    key: 'staticThreshold',
    label: 'Static below',
    min: 0,
    max: 20,
    step: 0.5,
    hint: 'motion score (0–255) under which the scene is still',
  },
  {
    key: 'motionThreshold',
    label: 'Motion from',
    min: 0,
    max: 30,
    step: 0.5,
    hint: 'score from which every frame is inferred',
  },
  {
    key: 'baselineStride',
    label: 'Baseline stride',
    min: 1,
    max: 30,
    step: 1,
    hint: 'frames between inferences between the two',
  },
  {
    key: 'refreshFrames',
    label: 'Static refresh',
    min: 0,
    max: 120,
    step: 1,
    hint: 'frames between inferences on a still scene',
  },
  {
    key: 'maxSkipFrames',
    label: 'Max skipped in a row',
    min: 0,
    max: 120,
    step: 1,
    hint: 'hard cap, whatever the scores',
  },
  {
    key: 'sceneCutThreshold',
    label: 'Scene cut at',
    min: 1,
    max: 80,
    step: 1,
    hint: 'change vs the previous frame that forces an inference',
  },
  {
    key: 'edgeWeight',
    label: 'Weight at the outline',
    min: 0,
    max: 4,
    step: 0.1,
    hint: 'how much change near the mask edge counts',
  },
  {
    key: 'interiorWeight',
    label: 'Weight inside the person',
    min: 0,
    max: 2,
    step: 0.1,
    hint: 'change well inside the person moves no edge',
  },
  {
    key: 'edgeRadius',
    label: 'Outline margin',
    min: 0,
    max: 8,
    step: 1,
    hint: 'thumbnail cells around the edge that count as edge',
  },
];

const fmt = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/** The skip gate, tuned live: policy, thresholds, smoothing, staleness check, settings file, frame-stepped replay. */
export function GateControls({ session, snapshot }: Props) {
  const gate = snapshot?.gate;
  const settings = gate?.settings ?? DEFAULT_GATE_SETTINGS;
  // The target mode scales the manual thresholds: they stay editable as its base.
  const adaptive = gate?.policy === 'adaptive' || gate?.policy === 'target';
  const replay = snapshot?.replay;
  const canReplay = snapshot?.source && snapshot.source.kind !== 'camera' && snapshot.segmenter;

  const importFile = async (file: File) => {
    if (!session) return;
    const result = parseGateSettings(await file.text());
    if (result.ok) {
      session.replaceGate(result.settings);
      session.notify('info', { code: 'gate-file-loaded', params: { file: file.name } });
    } else {
      session.notify('warning', {
        code: 'gate-file-rejected',
        params: { file: file.name, errors: result.errors },
      });
    }
  };

  return (
    <fieldset className="panel gate-panel">
      <legend>Skip gate</legend>
      <label>
        Policy
        <select
          value={gate?.policy ?? 'target'}
          disabled={!session}
          onChange={(e) => session?.setPolicy(e.currentTarget.value)}
        >
          <option value="target">quality target (self-tuning motion gate)</option>
          <option value="adaptive">manual (motion gate, manual thresholds)</option>
          <option value="every-frame">every frame</option>
          {[2, 3, 5, 10, 30].map((n) => (
            <option key={n} value={`stride:${n}`}>
              every {n}th frame
            </option>
          ))}
        </select>
      </label>
      {gate?.target && (
        <TargetGateStatus
          state={gate.target}
          onTarget={(iouMean) => session?.pipeline.gate.setTarget(targetFromMean(iouMean))}
        />
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={settings.maxQuality}
          disabled={!session || !adaptive}
          onChange={(e) => session?.updateGate({ maxQuality: e.currentTarget.checked })}
        />
        Max quality (infer every frame)
      </label>
      <label
        className="check"
        title="a skipped frame shows the last inferred mask moved by how far the person moved since its frame"
      >
        <input
          type="checkbox"
          checked={settings.warp}
          disabled={!session || !adaptive}
          onChange={(e) => session?.updateGate({ warp: e.currentTarget.checked })}
        />
        Move the cached mask with the person (warp)
      </label>
      {SLIDERS.map((s) => (
        <label key={s.key} className="slider" title={s.hint}>
          {s.label} <output>{settings[s.key]}</output>
          <input
            type="range"
            // Motion can never go below Static: the slider stops there (and the session clamps it too).
            min={s.key === 'motionThreshold' ? Math.max(s.min, settings.staticThreshold) : s.min}
            max={s.max}
            step={s.step}
            value={settings[s.key]}
            disabled={!session || !adaptive}
            onChange={(e) => session?.updateGate({ [s.key]: Number(e.currentTarget.value) })}
          />
        </label>
      ))}
      <label className="slider" title="weight of a new mask in the shown one; 1 shows each new mask as it is">
        Mask smoothing (new-mask weight) <output>{gate?.smoothing ?? 1}</output>
        <input
          type="range"
          min={0.1}
          max={1}
          step={0.05}
          value={gate?.smoothing ?? 1}
          onChange={(e) => session?.setSmoothing(Number(e.currentTarget.value))}
        />
      </label>
      <label
        className="slider"
        title="share of skipped frames on which the model also runs, unbilled, to measure staleness"
      >
        Staleness check <output>{Math.round((gate?.shadowShare ?? 0) * 100)}% of skips</output>
        <input
          type="range"
          min={0}
          max={0.5}
          step={0.05}
          value={gate?.shadowShare ?? 0}
          onChange={(e) => session?.setShadowShare(Number(e.currentTarget.value))}
        />
      </label>
      <p className="hint" data-testid="staleness">
        {snapshot?.staleness.checks
          ? `Cached vs fresh mask (not billed): IoU last ${fmt(snapshot.staleness.last)}, mean ${fmt(snapshot.staleness.mean)}, worst ${fmt(snapshot.staleness.min)} over ${snapshot.staleness.checks} checks`
          : 'Staleness: turn the check on to compare cached masks with fresh ones.'}
      </p>
      <p className="hint">Gate {fmt(gate?.gateMsP50 ?? null, 2)} ms per frame (p50).</p>
      <div className="button-row">
        <button
          type="button"
          disabled={!session}
          onClick={() => downloadJson('segmeter-gate.json', settings)}
        >
          Export gate
        </button>
        <label className="button">
          Import gate…
          <input
            type="file"
            accept="application/json,.json"
            data-testid="gate-import"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <button
          type="button"
          disabled={!session}
          onClick={() => session?.replaceGate({ ...DEFAULT_GATE_SETTINGS })}
        >
          Defaults
        </button>
      </div>
      <div className="button-row replay-row">
        {replay?.running ? (
          <button type="button" onClick={() => session?.cancelReplay()}>
            Stop replay
          </button>
        ) : (
          <button
            type="button"
            disabled={!session || !canReplay}
            title="process every frame of the clip in order, whatever the speed, for repeatable decisions"
            onClick={() =>
              session
                ?.replay()
                .catch((err: Error) =>
                  session.notify('warning', { code: 'replay-stopped', params: { error: err.message } }),
                )
            }
          >
            Replay frame by frame
          </button>
        )}
        {replay && (
          <span className="hint" data-testid="replay-progress">
            {replay.running ? 'Replaying' : 'Replayed'} {replay.done}/{replay.total} frames at {replay.fps}{' '}
            fps, {replay.inferences} inferences
          </span>
        )}
      </div>
    </fieldset>
  );
}
