import { useRef, useState } from 'react';
import type { MeasuredFigures } from '../core/report/measuredFigures';
import type { CompositorSettings } from '../engine/compositor/Compositor';
import { CostSidePanel } from './cost/CostSidePanel';
import { SavingHeadline } from './cost/SavingHeadline';
import { useCostModel } from './cost/useCostModel';
import { EffectControls } from './EffectControls';
import { ErrorBoundary } from './ErrorBoundary';
import { GateControls } from './GateControls';
import { Disclosure } from './layout/Disclosure';
import { Frozen } from './layout/Frozen';
import { ModelControls } from './ModelControls';
import { ModelFailing } from './ModelFailing';
import { Notices } from './Notices';
import { ObservabilitySection } from './observability/ObservabilitySection';
import { openReportOn } from './report/openReportOn';
import { ReportView } from './report/ReportView';
import { SourcePicker } from './SourcePicker';
import { StatsStrip } from './StatsStrip';
import { SweepView } from './sweep/SweepView';
import { useLiveSession } from './useLiveSession';
import { useView, ViewTabs, viewPanelId } from './ViewTabs';

const INITIAL_SETTINGS: CompositorSettings = { effect: 'blur', blurPx: 14, featherPx: 3, background: null };

export function App() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [session, snapshot, canvasKey] = useLiveSession(canvas, INITIAL_SETTINGS);
  const [dragging, setDragging] = useState(false);
  const [view, setView] = useView();
  const costModel = useCostModel(session, snapshot);
  const showInReport = (measured: MeasuredFigures) => {
    openReportOn(measured);
    setView('report');
  };

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && session) void session.playFile(file);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>SegMeter</h1>
        <p>Person segmentation on this device, priced as if every frame went to the cloud.</p>
      </header>
      <ViewTabs view={view} onChange={setView} />
      {/* Live stays mounted under the other tabs: the session draws on its canvas and the Sweep view uses it. */}
      <main className="layout" id={viewPanelId('live')} hidden={view !== 'live'}>
        <section className="stage-column" aria-label="Live view">
          <div className="stage-row">
            <section
              aria-label="Stage: drop a video file here to play it"
              className={`stage${dragging ? ' dragging' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <canvas
                key={canvasKey}
                ref={canvas}
                className="stage-canvas"
                data-testid="stage"
                aria-label="Segmented video"
              />
              {snapshot?.loadingModel && <div className="stage-badge">Loading model…</div>}
              {dragging && <div className="stage-drop">Drop a video to play it</div>}
            </section>
            <ErrorBoundary name="The saving headline">
              <SavingHeadline snapshot={snapshot} model={costModel} onShowInReport={showInReport} />
            </ErrorBoundary>
          </div>
          <ErrorBoundary name="The stats strip">
            <StatsStrip snapshot={snapshot} />
          </ErrorBoundary>
          <Notices notices={snapshot?.notices ?? []} onDismiss={(id) => session?.dismiss(id)} />
          <ModelFailing runner={snapshot?.runner} onRetry={() => session?.retryModel()} />
          <ErrorBoundary name="The controls">
            <div className="controls">
              <SourcePicker session={session} snapshot={snapshot} />
              <EffectControls session={session} snapshot={snapshot} />
            </div>
          </ErrorBoundary>
          <div className="sections">
            <Disclosure id="gate" title="Skip gate" summary={snapshot?.gate.policy}>
              <ErrorBoundary name="The skip gate">
                <GateControls session={session} snapshot={snapshot} />
              </ErrorBoundary>
            </Disclosure>
            <Disclosure id="model" title="Model and backend" summary={snapshot?.segmenter?.backend}>
              <ErrorBoundary name="The model panel">
                <ModelControls session={session} snapshot={snapshot} />
              </ErrorBoundary>
            </Disclosure>
            <ErrorBoundary name="The cost control and observability panels">
              <ObservabilitySection session={session} snapshot={snapshot} />
            </ErrorBoundary>
          </div>
        </section>
        <aside className="side-panel" aria-label="Cost meter">
          <ErrorBoundary name="The cost panel">
            <CostSidePanel session={session} snapshot={snapshot} model={costModel} />
          </ErrorBoundary>
        </aside>
      </main>
      <ErrorBoundary name="The Sweep view">
        <Frozen live={view === 'sweep'}>
          <SweepView session={session} snapshot={snapshot} hidden={view !== 'sweep'} />
        </Frozen>
      </ErrorBoundary>
      {view === 'report' && (
        <ErrorBoundary name="The Report view">
          <ReportView snapshot={snapshot} />
        </ErrorBoundary>
      )}
      <footer className="credits">
        Sample clip: Sample videos by Intel Corporation (intel-iot-devkit/sample-videos), CC BY 4.0. Model:
        MediaPipe Selfie Segmentation, Apache-2.0. Everything runs and is served from this origin.
      </footer>
    </div>
  );
}
