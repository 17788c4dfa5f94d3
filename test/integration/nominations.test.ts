// Nominations for the web screen /de-nghi: several people at once (all or nothing), the list's filters
// (unit subtree, source, name without diacritics, own only, status codes checked), withdrawal with a
// reason; reach: another school's officer gets 404.
import { expect, it } from 'vitest';
import { describeOnBothDatabases, type TClient, type TTestEnv } from './harness';

const YEAR = 2024;

async function personOf(e: TTestEnv, username: string): Promise<string> {
  return (await e.deps.database.db.selectFrom('users').select('person_id').where('username', '=', username).executeTakeFirstOrThrow()).person_id!;
}

function unaccented(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

describeOnBothDatabases('đề nghị khen thưởng: đề nghị nhiều người, lọc danh sách, rút đề nghị', (env) => {
  let officer: TClient;
  let pdp: string;
  let staff: { id: string; full_name: string }[];

  it('cán bộ TĐKT đề nghị hai người cùng một danh hiệu; có người ngoài trường hoặc trùng thì không ghi gì', async () => {
    const db = env().deps.database.db;
    officer = await env().login('pdp.tdkt');
    pdp = await env().unitId('THPT-42-01');
    const lan = await personOf(env(), 'gv.lan');
    staff = await db.selectFrom('people').select(['id', 'full_name']).where('unit_id', '=', pdp).where('id', '!=', lan).where('position', 'like', 'Giáo viên%').orderBy('name_search').limit(3).execute();
    const stranger = await db.selectFrom('people').select('id').where('unit_id', '=', await env().unitId('THPT-42-02')).limit(1).executeTakeFirstOrThrow();
    const count = async () => Number((await db.selectFrom('nominations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();

    const outside = await officer.post('/api/v1/nominations/batch', { unitId: pdp, schoolYear: YEAR, titleCode: 'GIAY_KHEN', personIds: [staff[0].id, stranger.id] });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toContain('không thuộc Trường THPT Phan Đình Phùng');
    expect(outside.json.error.message).toContain('(dòng 2)');
    expect(await count()).toBe(before);

    const empty = await officer.post('/api/v1/nominations/batch', { unitId: pdp, schoolYear: YEAR, titleCode: 'GIAY_KHEN', personIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toContain('Chọn ít nhất một cá nhân hoặc tập thể');

    const wrongKind = await officer.post('/api/v1/nominations/batch', { unitId: pdp, schoolYear: YEAR, titleCode: 'TTLDTT', personIds: [staff[0].id] });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.error.message).toContain('Tập thể lao động tiên tiến không xét cho cá nhân');

    const ok = await officer.post('/api/v1/nominations/batch', { unitId: pdp, schoolYear: YEAR, titleCode: 'GIAY_KHEN', personIds: [staff[0].id, staff[1].id], note: 'Thành tích bồi dưỡng học sinh giỏi' });
    expect(ok.status).toBe(200);
    expect(ok.json.created).toBe(2);
    expect(ok.json.items.map((n: { candidateName: string }) => n.candidateName).sort()).toEqual([staff[0].full_name, staff[1].full_name].sort());
    expect(ok.json.items[0]).toMatchObject({ titleName: 'Giấy khen', source: 'officer', sourceLabel: 'Cán bộ TĐKT đề nghị', status: 'open', statusLabel: 'Chờ bình xét', schoolYearLabel: '2024-2025', unitName: 'Trường THPT Phan Đình Phùng', note: 'Thành tích bồi dưỡng học sinh giỏi' });
    expect(await count()).toBe(before + 2);

    const dup = await officer.post('/api/v1/nominations/batch', { unitId: pdp, schoolYear: YEAR, titleCode: 'GIAY_KHEN', personIds: [staff[2].id, staff[1].id] });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain(`${staff[1].full_name} đã được đề nghị "Giấy khen" năm học 2024-2025`);
    expect(await count()).toBe(before + 2);

    const audit = await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'nomination.create').where('entity_id', 'in', ok.json.items.map((n: { id: string }) => n.id)).execute();
    expect(audit.length).toBe(2);
  });

  it('lọc: tên không dấu, nguồn, danh hiệu, cây đơn vị, của chính mình; mã trạng thái sai báo lỗi tiếng Việt', async () => {
    const lan = await env().login('gv.lan');
    const lanPerson = await personOf(env(), 'gv.lan');
    const self = await lan.post('/api/v1/nominations', { schoolYear: YEAR, candidateKind: 'ca_nhan', personId: lanPerson, titleCode: 'LDTT', note: 'Tự đề nghị' });
    expect(self.status).toBe(200);
    expect(self.json.source).toBe('self');

    const byName = await officer.get(`/api/v1/nominations?schoolYear=${YEAR}&q=${encodeURIComponent(unaccented(staff[0].full_name).toUpperCase())}`);
    expect(byName.status).toBe(200);
    expect(byName.json.total).toBeGreaterThanOrEqual(1);
    expect(byName.json.items.every((n: { personId: string }) => n.personId === staff[0].id)).toBe(true);

    const selfOnly = await officer.get(`/api/v1/nominations?schoolYear=${YEAR}&source=self`);
    expect(selfOnly.json.items.map((n: { id: string }) => n.id)).toContain(self.json.id);
    expect(selfOnly.json.items.every((n: { source: string }) => n.source === 'self')).toBe(true);
    const officerMade = await officer.get(`/api/v1/nominations?schoolYear=${YEAR}&source=officer,registration&titleCode=GIAY_KHEN`);
    expect(officerMade.json.total).toBe(2);
    expect(officerMade.json.items.every((n: { titleCode: string; source: string }) => n.titleCode === 'GIAY_KHEN' && n.source === 'officer')).toBe(true);

    const so = await env().login('so.tdkt');
    const soUnit = await env().unitId('SGDDT-42');
    const subtree = await so.get(`/api/v1/nominations?withinId=${soUnit}&schoolYear=${YEAR}&titleCode=GIAY_KHEN&pageSize=1`);
    expect(subtree.status).toBe(200);
    expect(subtree.json.total).toBe(2);
    expect(subtree.json.items.length).toBe(1);
    const otherSchool = await env().unitId('THPT-42-02');
    expect((await so.get(`/api/v1/nominations?withinId=${otherSchool}&schoolYear=${YEAR}&titleCode=GIAY_KHEN`)).json.total).toBe(0);
    const ts = await env().login('ts.tdkt');
    const out = await ts.get(`/api/v1/nominations?withinId=${pdp}`);
    expect(out.status).toBe(404);

    const mine = await lan.get('/api/v1/nominations');
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((n: { id: string }) => n.id)).toContain(self.json.id);
    expect(mine.json.items.every((n: { personId: string }) => n.personId === lanPerson)).toBe(true);
    const officerMine = await officer.get('/api/v1/nominations?mine=true');
    expect(officerMine.status).toBe(400);
    expect(officerMine.json.error.message).toContain('chưa gắn với hồ sơ cán bộ');

    const bad = await officer.get('/api/v1/nominations?status=dang_cho');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('Trạng thái "dang_cho" không hợp lệ (dùng: open, in_review, withdrawn, done)');
  });

  it('rút đề nghị phải có lý do; lý do vào nhật ký; đề nghị đã rút không rút lại được và đề nghị lại được', async () => {
    const list = await officer.get(`/api/v1/nominations?schoolYear=${YEAR}&titleCode=GIAY_KHEN&personId=${staff[0].id}`);
    const id = list.json.items[0].id as string;
    const noReason = await officer.post(`/api/v1/nominations/${id}/withdraw`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toContain('Nhập lý do');
    const done = await officer.post(`/api/v1/nominations/${id}/withdraw`, { reason: 'Chưa đủ minh chứng' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'withdrawn', statusLabel: 'Đã rút' });
    const audit = await env().deps.database.db.selectFrom('audit_log').select('reason').where('action', '=', 'nomination.withdraw').where('entity_id', '=', id).executeTakeFirstOrThrow();
    expect(audit.reason).toBe('Chưa đủ minh chứng');
    expect((await officer.post(`/api/v1/nominations/${id}/withdraw`, { reason: 'Lần nữa' })).status).toBe(409);
    const withdrawn = await officer.get(`/api/v1/nominations?schoolYear=${YEAR}&status=withdrawn&titleCode=GIAY_KHEN`);
    expect(withdrawn.json.items.map((n: { id: string }) => n.id)).toEqual([id]);
    const again = await officer.post('/api/v1/nominations/batch', { unitId: pdp, schoolYear: YEAR, titleCode: 'GIAY_KHEN', personIds: [staff[0].id] });
    expect(again.status).toBe(200);
  });

  it('tài liệu OpenAPI có đường dẫn đề nghị nhiều người và các bộ lọc', async () => {
    const doc = (await env().anonymous().get('/api/openapi.json')).json;
    expect(Object.keys(doc.paths)).toContain('/nominations/batch');
    const params = doc.paths['/nominations'].get.parameters.map((p: { name: string }) => p.name);
    for (const p of ['withinId', 'source', 'q', 'mine', 'candidateKind']) expect(params).toContain(p);
  });
});
