import type { LiveSession, SessionSnapshot } from '../engine/session/LiveSession';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

/** Camera, the bundled sample, or a video file of the user's (also by drag-and-drop onto the stage). */
export function SourcePicker({ session, snapshot }: Props) {
  const kind = snapshot?.source?.kind;
  return (
    <fieldset className="panel">
      <legend>Source</legend>
      <div className="button-row">
        <button
          type="button"
          aria-pressed={kind === 'camera'}
          disabled={!session}
          onClick={() => session?.startCamera()}
        >
          Camera
        </button>
        <button
          type="button"
          aria-pressed={kind === 'sample'}
          disabled={!session}
          onClick={() => session?.playSample()}
        >
          Sample clip
        </button>
        <label className="button">
          Video file…
          <input
            type="file"
            accept="video/*"
            data-testid="file-input"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file && session) void session.playFile(file);
            }}
          />
        </label>
      </div>
      <p className="hint" data-testid="source-label">
        {snapshot?.source ? `Playing: ${snapshot.source.label}` : 'Opening the sample clip…'}
      </p>
    </fieldset>
  );
}
