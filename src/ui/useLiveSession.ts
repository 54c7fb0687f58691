import { type RefObject, startTransition, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CompositorSettings } from '../engine/compositor/Compositor';
import { LiveSession, type SessionSnapshot } from '../engine/session/LiveSession';
import { type SegmeterFacade, testFacade } from '../engine/session/testFacade';

declare global {
  interface Window {
    /** The test and console facade of the live session (see testFacade.ts). */
    segmeter?: SegmeterFacade;
  }
}

const SNAPSHOT_MS = 250;

/**
 * Starts one LiveSession on the canvas and re-renders from its snapshot four times a second, never per frame. The
 * third value is the stage canvas's key: the session may ask for a fresh canvas (its compositor worker, which held
 * the old one, died), and gets it at once.
 */
export function useLiveSession(
  canvas: RefObject<HTMLCanvasElement | null>,
  initial: CompositorSettings,
): [LiveSession | null, SessionSnapshot | null, number] {
  const [session, setSession] = useState<LiveSession | null>(null);
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  const [canvasKey, setCanvasKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per mounted canvas; settings then change through the session
  useEffect(() => {
    if (!canvas.current) return;
    const replace = () => {
      flushSync(() => setCanvasKey((k) => k + 1));
      if (!canvas.current) throw new Error('the stage canvas is gone');
      return canvas.current;
    };
    const live = new LiveSession({ element: canvas.current, replace }, initial);
    const facade = testFacade(live);
    window.segmeter = facade;
    setSession(live);
    void live.start();
    // A transition: React renders the panels in slices it can interrupt, so a tick that redraws the charts does not
    // hold the main thread for one long task (it did for 50 to 100 ms, once a second).
    const timer = setInterval(() => {
      const next = live.snapshot();
      startTransition(() => setSnapshot(next));
    }, SNAPSHOT_MS);
    return () => {
      clearInterval(timer);
      live.dispose();
      if (window.segmeter === facade) window.segmeter = undefined;
    };
  }, [canvas]);

  return [session, snapshot, canvasKey];
}
