import { useRef, useState } from 'react';
import type { CompositorSettings } from '../engine/Compositor';
import { CostSidePanel } from './cost/CostSidePanel';
import { EffectControls } from './EffectControls';
import { ErrorBoundary } from './ErrorBoundary';
import { GateControls } from './GateControls';
import { ModelControls } from './ModelControls';
import { Notices } from './Notices';
import { ObservabilitySection } from './observability/ObservabilitySection';
import { ReportView } from './report/ReportView';
import { SourcePicker } from './SourcePicker';
import { StatsStrip } from './StatsStrip';
import { SweepView } from './sweep/SweepView';
import { useLiveSession } from './useLiveSession';
import { useView, ViewTabs, viewPanelId } from './ViewTabs';

const INITIAL_SETTINGS: CompositorSettings = { effect: 'blur', blurPx: 14, featherPx: 3, background: null };

export function App() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [session, snapshot] = useLiveSession(canvas, INITIAL_SETTINGS);
  const [dragging, setDragging] = useState(false);
  const [view, setView] = useView();

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
            <canvas ref={canvas} className="stage-canvas" data-testid="stage" aria-label="Segmented video" />
            {snapshot?.loadingModel && <div className="stage-badge">Loading model…</div>}
            {dragging && <div className="stage-drop">Drop a video to play it</div>}
          </section>
          <ErrorBoundary name="The stats strip">
            <StatsStrip snapshot={snapshot} />
          </ErrorBoundary>
          <Notices notices={snapshot?.notices ?? []} onDismiss={(id) => session?.dismiss(id)} />
          <ErrorBoundary name="The controls">
            <div className="controls">
              <SourcePicker session={session} snapshot={snapshot} />
              <EffectControls session={session} snapshot={snapshot} />
              <ModelControls session={session} snapshot={snapshot} />
              <GateControls session={session} snapshot={snapshot} />
            </div>
          </ErrorBoundary>
          <ErrorBoundary name="The cost control and observability panels">
            <ObservabilitySection session={session} snapshot={snapshot} />
          </ErrorBoundary>
        </section>
        <aside className="side-panel" aria-label="Cost meter">
          <ErrorBoundary name="The cost panel">
            <CostSidePanel session={session} snapshot={snapshot} />
          </ErrorBoundary>
        </aside>
      </main>
      <ErrorBoundary name="The Sweep view">
        <SweepView session={session} snapshot={snapshot} hidden={view !== 'sweep'} />
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
