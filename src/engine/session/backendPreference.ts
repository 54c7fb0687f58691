import type { BackendChoice } from '../segmenter/segmenterTypes';

/** Where the backend that won the last timing in this browser is remembered. */
const KEY = 'segmeter.backend.v1';

/** The backend that won last time in this browser; null when none was remembered (or storage is off). */
export function rememberedBackend(): Exclude<BackendChoice, 'auto'> | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'webgl' || value === 'wasm' || value === 'cpu' || value === 'webgpu' ? value : null;
  } catch {
    return null;
  }
}

export function rememberBackend(backend: string): void {
  try {
    localStorage.setItem(KEY, backend);
  } catch {
    // Storage off: the next visit guesses again.
  }
}

/**
 * The backend expected to be fastest here before anything is timed: WebGL on a real GPU, wasm when WebGL is
 * missing or rendered in software (SwiftShader, llvmpipe), where wasm SIMD runs the selfie model several times
 * faster. Measured, not assumed: the background timing corrects a wrong guess and remembers the winner.
 */
export function expectedFastestBackend(): 'webgl' | 'wasm' {
  expected ??= probeFastestBackend();
  return expected;
}

/** The probe's answer, once per page: it creates a WebGL context. */
let expected: 'webgl' | 'wasm' | undefined;

function probeFastestBackend(): 'webgl' | 'wasm' {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'wasm';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(renderer) ? 'wasm' : 'webgl';
  } catch {
    return 'wasm';
  }
}

const CHOICES: readonly BackendChoice[] = ['auto', 'webgl', 'wasm', 'cpu', 'webgpu'];

/** The page's `?backend=NAME` (shareable links, and tests that skip auto timing); null when absent or unknown. */
export function backendFromUrl(search: string): BackendChoice | null {
  const value = new URLSearchParams(search).get('backend');
  return CHOICES.find((c) => c === value) ?? null;
}

/** The backend a load starts on: the one chosen, or for 'auto' the one that won last time or is expected fastest. */
export function firstBackend(choice: BackendChoice): Exclude<BackendChoice, 'auto'> {
  return choice !== 'auto' ? choice : (rememberedBackend() ?? expectedFastestBackend());
}
