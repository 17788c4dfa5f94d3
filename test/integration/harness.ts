// Runs the same integration spec on SQLite (a fresh file) and on PostgreSQL (a fresh database on the
// local server). PostgreSQL missing → a one-line skip, unless THIDUA_TEST_STRICT=1 where it fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import pg from 'pg';
import pino from 'pino';
import { describe, afterAll, beforeAll } from 'vitest';
import { loadConfig, type TConfig } from '../../src/server/config';
import { bootstrap } from '../../src/server/bootstrap';
import { createApp } from '../../src/server/app';
import { ensureInitialData } from '../../src/server/setup';
import type { TAppDeps } from '../../src/server/http';
import type { JobWorker } from '../../src/server/jobs/worker';

export const STRICT = process.env.THIDUA_TEST_STRICT === '1';
export const PG_ADMIN_URL = process.env.THIDUA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const ADMIN_PASSWORD = 'admin-pass-123';
export const DEMO_PASSWORD = 'demo-pass-123';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgProblem = await probePostgres();
if (pgProblem && !STRICT) console.warn(`skip: PostgreSQL is not reachable at ${PG_ADMIN_URL} (${pgProblem}); PostgreSQL specs skipped`);

export type TDbKind = 'sqlite' | 'postgres';

export type TResponse = { status: number; json: any; text: string; headers: Headers };
export type TClient = {
  csrf: string;
  request: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<TResponse>;
  get: (url: string) => Promise<TResponse>;
  post: (url: string, body?: unknown) => Promise<TResponse>;
  patch: (url: string, body?: unknown) => Promise<TResponse>;
  put: (url: string, body?: unknown) => Promise<TResponse>;
  upload: (url: string, form: FormData) => Promise<TResponse>;
};

export type TTestEnv = {
  kind: TDbKind;
  deps: TAppDeps;
  config: TConfig;
  worker: JobWorker;
  app: ReturnType<typeof createApp>;
  /** Logs in through the API and returns a client that carries the cookie and the CSRF token. */
  login: (username: string, password?: string) => Promise<TClient>;
  anonymous: () => TClient;
  unitId: (code: string) => Promise<string>;
};

async function createDatabaseUrl(kind: TDbKind, dataDir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') return { url: `sqlite:${path.join(dataDir, 'test.sqlite')}`, drop: async () => undefined };
  const name = `thidua_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function makeClient(app: TTestEnv['app'], cookie: string | null, csrf: string): TClient {
  const request = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { ...headers };
    if (cookie) h.cookie = cookie;
    if (csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) { payload = JSON.stringify(body); h['content-type'] = 'application/json'; }
    const res = await app.request(url, { method, headers: h, body: payload });
    const text = res.headers.get('content-type')?.includes('json') ? await res.text() : '';
    return { status: res.status, text, json: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    csrf,
    request,
    get: (u) => request('GET', u),
    post: (u, b) => request('POST', u, b ?? {}),
    patch: (u, b) => request('PATCH', u, b ?? {}),
    put: (u, b) => request('PUT', u, b ?? {}),
    upload: (u, f) => request('POST', u, f),
  };
}

export async function createTestEnv(kind: TDbKind, opts: { demo?: boolean } = {}): Promise<TTestEnv & { close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `thidua-${kind}-`));
  const db = await createDatabaseUrl(kind, dataDir);
  const config = loadConfig({
    DATABASE_URL: db.url, THIDUA_DATA_DIR: dataDir, THIDUA_ADMIN_PASSWORD: ADMIN_PASSWORD, THIDUA_DEMO_PASSWORD: DEMO_PASSWORD,
    THIDUA_DEMO: opts.demo === false ? '0' : '1', LOG_LEVEL: 'silent', THIDUA_MAX_UPLOAD_MB: '2',
  });
  const { deps, worker } = await bootstrap(config, { logDestination: pino.destination('/dev/null') });
  await ensureInitialData(deps.database, config);
  const app = createApp(deps);
  const env: TTestEnv = {
    kind, deps, config, worker, app,
    anonymous: () => makeClient(app, null, ''),
    login: async (username, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) => {
      const res = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      const me = await res.json();
      return makeClient(app, cookie, me.csrfToken);
    },
    unitId: async (code) => (await deps.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id,
  };
  return {
    ...env,
    close: async () => {
      await worker.stop();
      await deps.database.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Declares `body` once per database; `env()` gives the live environment inside tests. */
export function describeOnBothDatabases(title: string, body: (env: () => TTestEnv) => void, opts: { demo?: boolean } = {}) {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const skip = kind === 'postgres' && !!pgProblem && !STRICT;
    describe.skipIf(skip)(`${title} [${kind}]`, () => {
      let current: (TTestEnv & { close: () => Promise<void> }) | null = null;
      beforeAll(async () => { current = await createTestEnv(kind, opts); });
      afterAll(async () => { await current?.close(); });
      body(() => {
        if (!current) throw new Error('test environment not ready');
        return current;
      });
    });
  }
}

/** The text of a DOCX, one paragraph a line, with XML entities decoded. */
export async function documentText(bytes: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

/** Binary downloads: the test client reads JSON only, so log in here (demo password) and keep the cookie. */
export async function download(e: TTestEnv, username: string, url: string): Promise<Response> {
  const login = await e.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return e.app.request(url, { headers: { cookie } });
}
