// Downloads through the real Node server (as in production and in the browser tests), read as raw
// bytes off the socket: one Content-Length (two made Playwright's request client and Node's own
// parser reject the answer), equal to the body, and a Vietnamese file name in Content-Disposition.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeOnBothDatabases } from './harness';

type TRaw = { status: number; headers: [string, string][]; body: Buffer };

/** GET over a plain socket with Connection: close, so the body is everything after the head. */
function rawGet(port: number, path: string, cookie: string): Promise<TRaw> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const headers = lines.map((l) => { const i = l.indexOf(':'); return [l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim()] as [string, string]; });
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: all.subarray(end + 4) });
    });
  });
}

const valuesOf = (r: TRaw, name: string) => r.headers.filter(([k]) => k === name).map(([, v]) => v);

describeOnBothDatabases('tải tệp qua máy chủ thật: một Content-Length, tên tệp tiếng Việt', (env) => {
  let server: ReturnType<typeof serve>;
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => { server = serve({ fetch: env().app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve()); });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => { await new Promise<void>((r) => server.close(() => r())); });

  async function session(username: string): Promise<{ cookie: string; csrf: string }> {
    const res = await env().app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: (await res.json()).csrfToken };
  }

  it('tệp minh chứng PDF: đúng một Content-Length bằng số byte, mở trong trình duyệt, tên có dấu', async () => {
    const { cookie, csrf } = await session('pdp.tdkt');
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const form = new FormData();
    form.set('file', new File([pdf as BlobPart], 'Minh chứng (bản chụp).pdf'));
    form.set('unitId', await env().unitId('THPT-42-01'));
    form.set('entityType', 'evidence');
    const up = await env().app.request('/api/v1/files', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
    expect(up.status, await up.clone().text()).toBe(200);
    const id = (await up.json()).id;

    const res = await rawGet(port, `/api/v1/files/${id}`, cookie);
    expect(res.status).toBe(200);
    expect(valuesOf(res, 'content-length')).toEqual([String(pdf.length)]);
    expect(new Uint8Array(res.body)).toEqual(pdf);
    expect(valuesOf(res, 'content-type')).toEqual(['application/pdf']);
    expect(valuesOf(res, 'content-disposition')).toEqual([`inline; filename*=UTF-8''Minh%20ch%E1%BB%A9ng%20%28b%E1%BA%A3n%20ch%E1%BB%A5p%29.pdf; filename="Minh-chung-ban-chup-.pdf"`]);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(valuesOf(res, 'content-disposition')[0])![1])).toBe('Minh chứng (bản chụp).pdf');
    expect(valuesOf(res, 'x-content-type-options')).toEqual(['nosniff']);
  });

  it('tệp mẫu Excel và tờ trình Word của hồ sơ: đúng một Content-Length, tải về (attachment)', async () => {
    const { cookie, csrf } = await session('pdp.tdkt');
    const xlsx = await rawGet(port, '/api/v1/imports/templates/units', cookie);
    expect(xlsx.status).toBe(200);
    expect(valuesOf(xlsx, 'content-length')).toEqual([String(xlsx.body.length)]);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(valuesOf(xlsx, 'content-disposition')).toEqual([`attachment; filename*=UTF-8''mau-nhap-don-vi.xlsx; filename="mau-nhap-don-vi.xlsx"`]);

    const db = env().deps.database.db;
    const lan = (await db.selectFrom('users').select('person_id').where('username', '=', 'gv.lan').executeTakeFirstOrThrow()).person_id!;
    const created = await env().app.request('/api/v1/dossiers', {
      method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ senderUnitId: await env().unitId('THPT-42-01'), schoolYear: 2025, items: [{ personId: lan, titleCode: 'LDTT' }] }),
    });
    expect(created.status, await created.clone().text()).toBe(200);
    const docx = await rawGet(port, `/api/v1/dossiers/${(await created.json()).id}/proposal.docx`, cookie);
    expect(docx.status).toBe(200);
    expect(valuesOf(docx, 'content-length')).toEqual([String(docx.body.length)]);
    expect(docx.body.length).toBeGreaterThan(1000);
    expect(docx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(valuesOf(docx, 'content-type')).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(valuesOf(docx, 'content-disposition')[0]).toMatch(/^attachment; filename\*=UTF-8''to-trinh-de-nghi-khen-thuong\.docx;/);
  });

  it('tệp ngoài phạm vi: 404 tiếng Việt, không lộ nội dung', async () => {
    const { cookie } = await session('xa.vhxh');
    const db = env().deps.database.db;
    const att = await db.selectFrom('attachments').select('id').where('file_name', '=', 'Minh chứng (bản chụp).pdf').executeTakeFirstOrThrow();
    const res = await rawGet(port, `/api/v1/files/${att.id}`, cookie);
    expect(res.status).toBe(404);
    expect(valuesOf(res, 'content-length')).toHaveLength(1);
    expect(JSON.parse(res.body.toString('utf8')).error.code).toBe('NOT_FOUND');
  });
});
