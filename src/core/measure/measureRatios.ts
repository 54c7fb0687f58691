/** The ratios `npm run measure` prints per row; each null when a figure it needs is missing or zero. */
export interface MeasureRatios {
  /** Displayed frames per second over the source's frame rate (1 = no frame dropped). */
  displayOverSource: number | null;
  /** End-to-end inference time over the model's own time (1 = nothing but the model). */
  endToEndOverModel: number | null;
  /** Model time in the app over the bare predict loop on the same backend (1 = no overhead). */
  modelOverBare: number | null;
  /** The app's display fps over the demo-style loop's on the same clip. */
  displayOverDemo: number | null;
}

export interface RatioInputs {
  displayFps: number;
  sourceFps: number | null;
  modelMsP50: number | null;
  endToEndMsP50: number | null;
  bareModelMsP50: number | null;
}

function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

export function measureRatios(row: RatioInputs, demoDisplayFps: number | null): MeasureRatios {
  return {
    displayOverSource: ratio(row.displayFps, row.sourceFps),
    endToEndOverModel: ratio(row.endToEndMsP50, row.modelMsP50),
    modelOverBare: ratio(row.modelMsP50, row.bareModelMsP50),
    displayOverDemo: ratio(row.displayFps, demoDisplayFps),
  };
}
