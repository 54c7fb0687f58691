import { memo } from 'react';
import type { GateSettings } from '../../core/gate/gateSettings';
import { formatUSD } from '../../core/pricing/formatUSD';
import type { SweepResult } from '../../core/sweep/sweepTypes';
import { ScrollRegion } from '../layout/ScrollRegion';

interface Props {
  result: SweepResult;
  recommendedIndex: number | null;
  /** The live gate's settings, to mark the row that is applied. */
  liveGate: GateSettings | null;
  onApply: (gate: GateSettings) => void;
}

const same = (a: GateSettings, b: GateSettings) => JSON.stringify(a) === JSON.stringify(b);

/** Every grid point with its settings, figures and as-if cost; Apply makes it the live gate. */
export const SweepTable = memo(function SweepTable({ result, recommendedIndex, liveGate, onApply }: Props) {
  const front = new Set(result.pareto);
  return (
    <ScrollRegion label="Gate settings swept">
      <table data-testid="sweep-table">
        <caption className="sr-only">Gate settings swept, with skipping, quality and as-if cost</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Static / motion threshold</th>
            <th scope="col">Scene cut</th>
            <th scope="col">Max skip / refresh</th>
            <th scope="col">Skipped</th>
            <th scope="col">IoU mean</th>
            <th scope="col">IoU p05</th>
            <th scope="col">As-if $ / 1k frames</th>
            <th scope="col">Front</th>
            <th scope="col">Live gate</th>
          </tr>
        </thead>
        <tbody>
          {result.points.map((p, i) => {
            const applied = liveGate !== null && same(liveGate, p.gate);
            return (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: points are fixed for one result, identified by grid order
                key={i}
                data-testid={`sweep-row-${i}`}
                className={i === recommendedIndex ? 'recommended' : undefined}
              >
                <th scope="row">
                  {i}
                  {i === recommendedIndex && <span className="badge">recommended</span>}
                </th>
                <td>
                  {p.gate.staticThreshold} / {p.gate.motionThreshold}
                  {p.gate.maxQuality ? ' (max quality)' : ''}
                </td>
                <td>{p.gate.sceneCutThreshold}</td>
                <td>
                  {p.gate.maxSkipFrames} / {p.gate.refreshFrames}
                </td>
                <td>{(p.skipRatio * 100).toFixed(1)}%</td>
                <td>{p.iouMean.toFixed(3)}</td>
                <td>{p.iouP05.toFixed(3)}</td>
                <td>{p.asIfUSDPer1000Frames === undefined ? '–' : formatUSD(p.asIfUSDPer1000Frames)}</td>
                <td>{front.has(i) ? 'yes' : ''}</td>
                <td>
                  <button
                    type="button"
                    data-testid={`apply-${i}`}
                    disabled={applied}
                    onClick={() => onApply(p.gate)}
                    aria-label={`Apply setting ${i} to the live gate`}
                  >
                    {applied ? 'Applied' : 'Apply'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
});
