import { describe, expect, it } from 'vitest';
import { ExportQueue } from './ExportQueue';

/** A sender whose answers the test decides, one send at a time. */
function scriptedSender() {
  const sent: number[] = [];
  let settle: ((ok: boolean) => void) | null = null;
  const send = (batch: number) =>
    new Promise<void>((resolve, reject) => {
      sent.push(batch);
      settle = (ok) => (ok ? resolve() : reject(new Error('HTTP 503')));
    });
  const answer = async (ok: boolean) => {
    const s = settle;
    settle = null;
    s?.(ok);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { sent, send, answer, pending: () => settle !== null };
}

describe('ExportQueue', () => {
  it('keeps one send in flight and sends queued batches in order once it succeeds', async () => {
    const s = scriptedSender();
    const q = new ExportQueue(s.send);
    q.push(1);
    q.push(2);
    q.push(3);
    expect(s.sent).toEqual([1]);
    await s.answer(true);
    expect(s.sent).toEqual([1, 2]);
    await s.answer(true);
    await s.answer(true);
    expect(s.sent).toEqual([1, 2, 3]);
    expect(q.status).toMatchObject({ state: 'ok', sent: 3, queued: 0, consecutiveFailures: 0 });
  });

  it('backs off exponentially after failures and tries nothing before the back-off has passed', async () => {
    let now = 0;
    const s = scriptedSender();
    const q = new ExportQueue(s.send, { now: () => now, baseBackoffMs: 1000, maxBackoffMs: 4000 });
    q.push(1);
    await s.answer(false);
    expect(q.status).toMatchObject({ state: 'failing', lastError: 'HTTP 503', retryAt: 1000 });
    // Batches arriving during the back-off are queued, not sent.
    now = 999;
    q.push(2);
    expect(s.sent).toEqual([1]);
    expect(s.pending()).toBe(false);
    now = 1000;
    q.push(3);
    expect(s.sent).toEqual([1, 1]);
    await s.answer(false);
    expect(q.status.retryAt).toBe(1000 + 2000);
    now = 3000;
    void q.flush();
    await s.answer(false);
    expect(q.status.retryAt).toBe(3000 + 4000);
    now = 7000;
    q.push(4);
    await s.answer(false);
    // Capped at maxBackoffMs.
    expect(q.status.retryAt).toBe(7000 + 4000);
    expect(s.sent).toEqual([1, 1, 1, 1]);
  });

  it('asks for a notice after repeated failures and clears it on the next success', async () => {
    let now = 0;
    const s = scriptedSender();
    const q = new ExportQueue(s.send, { now: () => now, baseBackoffMs: 10, noticeAfter: 3 });
    q.push(1);
    await s.answer(false);
    now += 1000;
    q.push(2);
    await s.answer(false);
    expect(q.status.notice).toBe(false);
    now += 1000;
    q.push(3);
    await s.answer(false);
    expect(q.status).toMatchObject({ notice: true, consecutiveFailures: 3 });
    now += 1000;
    q.push(4);
    await s.answer(true);
    expect(q.status).toMatchObject({ notice: false, state: 'ok', consecutiveFailures: 0, lastExportAt: now });
  });

  it('drops the oldest batch past its bound, never the one in flight', async () => {
    const s = scriptedSender();
    const q = new ExportQueue(s.send, { maxBatches: 3 });
    for (let i = 1; i <= 6; i++) q.push(i);
    expect(q.status).toMatchObject({ queued: 3, dropped: 3 });
    await s.answer(true);
    await s.answer(true);
    await s.answer(true);
    // 1 was in flight; 2, 3 and 4 were dropped; 5 and 6 went after it.
    expect(s.sent).toEqual([1, 5, 6]);
  });

  it('flush sends everything queued while the collector answers', async () => {
    const sent: number[] = [];
    const q = new ExportQueue(async (b: number) => {
      sent.push(b);
    });
    q.push(1);
    q.push(2);
    await q.flush();
    expect(sent).toEqual([1, 2]);
    expect(q.status.queued).toBe(0);
  });
});
