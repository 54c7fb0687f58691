import type { Report } from '../../core/report/buildReport';
import type { MeasuredFigures } from '../../core/report/measuredFigures';

const SOURCE_NAMES: Record<MeasuredFigures['source'], string> = {
  live: 'this live session',
  bench: 'an imported bench',
  sweep: 'an imported sweep',
  bundled: 'the bundled sample clip, measured with npm run bench and shipped with the app',
};

const fixed = (v: number | null, d = 3) => (v === null ? '–' : v.toFixed(d));

/** Where the report's inference ratio comes from (the clip, the gate), and the mask quality the saving costs. */
export function ReportMeasured({ measured, report }: { measured: MeasuredFigures | null; report: Report }) {
  return (
    <>
      <p data-testid="report-measured" data-source={measured?.source ?? 'entered'}>
        {measured
          ? `Measured figures from ${SOURCE_NAMES[measured.source]} (${measured.source}): ${measured.label}; ${measured.frames ?? '?'} frames, ${(measured.skipRatio * 100).toFixed(1)}% skipped, model ${measured.modelMsP50 === null ? 'time not measured' : `${measured.modelMsP50.toFixed(1)} ms per inference`}.`
          : `No measured figures: inference ratio ${report.scenario.inferenceRatio} as entered.`}
      </p>
      {measured?.gate && (
        <p className="small" data-testid="report-gate">
          Gate settings: {measured.gate}.
        </p>
      )}
      <section aria-labelledby="report-quality-heading">
        <h3 id="report-quality-heading">The quality the saving costs</h3>
        <p data-testid="report-quality">
          {measured && measured.iouMean !== null
            ? `Skipping ${(measured.skipRatio * 100).toFixed(1)}% of the inferences keeps the shown mask at mean IoU ${fixed(measured.iouMean)} (5th percentile ${fixed(measured.iouP05)}) against the model's every-frame mask: ${((1 - measured.iouMean) * 100).toFixed(1)}% of the mask area is off on an average frame.`
            : measured?.source === 'live'
              ? 'Not measured live: the live view does not run the every-frame reference. The bundled sample bench or an imported bench shows what skipping costs in mask quality.'
              : 'Not measured: import a bench or sweep output to show what skipping costs in mask quality.'}
        </p>
      </section>
    </>
  );
}
