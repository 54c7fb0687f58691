import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChannelLike, SessionBroadcast } from './SessionBroadcast';

/** An in-memory stand-in for BroadcastChannel: delivers to every other member, never to the sender. */
function bus() {
  const members: ChannelLike[] = [];
  return () => {
    const member: ChannelLike = {
      onmessage: null,
      postMessage(message: unknown) {
        for (const m of members) if (m !== member) m.onmessage?.({ data: message } as MessageEvent);
      },
      close() {
        members.splice(members.indexOf(member), 1);
      },
    };
    members.push(member);
    return member;
  };
}

describe('SessionBroadcast', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sums every live tab, drops silent ones and those that said goodbye', () => {
    const join = bus();
    const tab = (id: string, n: number) =>
      new SessionBroadcast({
        sessionId: id,
        channel: join(),
        read: () => ({
          frames: 30 * n,
          inferences: n,
          costUSD: { x: n / 1000 },
          inferencesPerMinute: 60 * n,
        }),
      });
    const a = tab('a', 1);
    const b = tab('b', 2);
    const c = tab('c', 4);
    for (const t of [a, b, c]) t.start();
    vi.advanceTimersByTime(1000);
    const view = a.view();
    expect(view.sessions.map((s) => s.sessionId)).toEqual(['a', 'b', 'c']);
    expect(view.totals.inferences).toBe(7);
    expect(view.totals.costUSD.x).toBeCloseTo(0.007, 12);
    expect(b.view().totals).toEqual(view.totals);
    c.stop();
    expect(a.view().totals.inferences).toBe(3);
    // A tab that reported once and then froze, never saying goodbye.
    join().postMessage({
      sessionId: 'ghost',
      frames: 1,
      inferences: 100,
      costUSD: {},
      inferencesPerMinute: 1,
      updatedAt: Date.now(),
    });
    expect(a.view().totals.inferences).toBe(103);
    vi.advanceTimersByTime(5001);
    expect(a.view().sessions.map((s) => s.sessionId)).toEqual(['a', 'b']);
  });

  it('works without a channel: only its own session', () => {
    const solo = new SessionBroadcast({
      sessionId: 'solo',
      channel: null,
      read: () => ({ frames: 1, inferences: 1, costUSD: {}, inferencesPerMinute: 1 }),
    });
    solo.publish();
    expect(solo.view().totals.sessions).toBe(1);
  });
});
