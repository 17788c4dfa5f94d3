import { expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

describeOnBothDatabases('healthz và OpenAPI', (env) => {
  it('GET /healthz báo loại cơ sở dữ liệu', async () => {
    const res = await env().anonymous().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', db: env().kind });
  });
  it('OpenAPI ở /api/openapi.json liệt kê các nhóm API', async () => {
    const doc = (await env().anonymous().get('/api/openapi.json')).json;
    expect(doc.openapi).toBe('3.0.3');
    for (const p of ['/auth/login', '/units', '/units/{id}/merge', '/people', '/people/{id}', '/users', '/imports/{kind}', '/jobs/{id}', '/files']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
