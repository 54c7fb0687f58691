import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, securityHeaders } from './securityHeaders';

describe('security headers', () => {
  it('forbids framing and sniffing, sends no referrer, and allows only this origin', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Content-Security-Policy']).toContain("connect-src 'self' data: blob:");
    expect(headers['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });

  it('leaves frame-ancestors out of the meta tag, where browsers ignore it', () => {
    expect(contentSecurityPolicy(false, false)).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy(true, false)).toContain("'unsafe-inline'");
  });

  it('writes the _headers file for every path with the same values', () => {
    const file = headersFile();
    expect(file.split('\n')[1]).toBe('/*');
    for (const [name, value] of Object.entries(securityHeaders()))
      expect(file).toContain(`\n  ${name}: ${value}\n`);
  });
});
