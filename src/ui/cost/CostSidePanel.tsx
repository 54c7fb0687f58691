import type { LiveSession, SessionSnapshot } from '../../engine/LiveSession';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

/** The cost side panel: what this session's inferences would have cost in the cloud. */
export function CostSidePanel({ snapshot }: Props) {
  return (
    <section className="panel" aria-label="Cost">
      <h2>Cost</h2>
      <p className="hint">{snapshot?.totals.inferences ?? 0} inferences so far.</p>
    </section>
  );
}
