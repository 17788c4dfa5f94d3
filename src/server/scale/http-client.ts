// A small API client for the benchmark, the load test and the crash test: logs in, keeps the session
// cookie and the CSRF token, and refuses any address that is not this machine (loopback only).
import fs from 'node:fs';

export function assertLoopback(url: string): URL {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`Chỉ đo trên máy này (127.0.0.1), không phải ${u.hostname}`);
  return u;
}

export type TApiResponse = { status: number; json: any; bytes: number; ms: number };

export class ApiClient {
  cookie = '';
  csrf = '';
  me: any = null;

  constructor(readonly baseUrl: string) {
    assertLoopback(baseUrl);
  }

  async request(method: string, path: string, body?: unknown): Promise<TApiResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) { payload = JSON.stringify(body); headers['content-type'] = 'application/json'; }
    const t0 = performance.now();
    const res = await fetch(new URL(path, this.baseUrl), { method, headers, body: payload, redirect: 'manual' });
    const buf = new Uint8Array(await res.arrayBuffer());
    const ms = performance.now() - t0;
    const type = res.headers.get('content-type') ?? '';
    let json: any = null;
    if (type.includes('json') && buf.length) json = JSON.parse(new TextDecoder().decode(buf));
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return { status: res.status, json, bytes: buf.length, ms };
  }

  get(path: string) { return this.request('GET', path); }
  post(path: string, body?: unknown) { return this.request('POST', path, body ?? {}); }
  patch(path: string, body?: unknown) { return this.request('PATCH', path, body ?? {}); }
  put(path: string, body?: unknown) { return this.request('PUT', path, body ?? {}); }

  /** Logs in; throws with the server's message when refused. */
  async login(username: string, password: string): Promise<TApiResponse> {
    this.cookie = '';
    this.csrf = '';
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`Đăng nhập ${username} không được (${res.status}): ${res.json?.message ?? res.json?.error?.message ?? ''}`);
    this.csrf = res.json.csrfToken;
    this.me = res.json;
    return res;
  }
}

/** Percentiles (nearest rank) of durations in milliseconds. */
export function summarizeMs(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN);
  return { n: s.length, p50: at(50), p95: at(95), max: s.length ? s[s.length - 1] : NaN, mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN };
}

/** Resident memory (MB) of a process, from /proc (Linux); null when unavailable. */
export function rssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
