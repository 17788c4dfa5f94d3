import { expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

describeOnBothDatabases('cây đơn vị: thành lập, đổi tên, sáp nhập, chia tách, lịch sử', (env) => {
  it('cây: quản trị thấy UBND tỉnh ở gốc; Sở thấy trường mầm non của xã qua đường chỉ đạo chuyên môn', async () => {
    const admin = await env().login('admin');
    const roots = (await admin.get('/api/v1/units/tree')).json.items;
    expect(roots.map((u: { name: string }) => u.name)).toEqual(['Ủy ban nhân dân tỉnh Hà Tĩnh']);
    const so = await env().login('so.tdkt');
    const soId = await env().unitId('SGDDT-42');
    const children = (await so.get(`/api/v1/units/tree?parentId=${soId}`)).json.items;
    const kinds = new Set(children.map((u: { kindLabel: string }) => u.kindLabel));
    expect(kinds).toContain('Trường THPT');
    expect(kinds).toContain('Trường Mầm non');
    expect(children.find((u: { code: string }) => u.code === 'THPT-42-01').peopleCount).toBeGreaterThan(50);
  });

  it('tìm đơn vị không dấu', async () => {
    const so = await env().login('so.tdkt');
    const res = (await so.get('/api/v1/units?q=phan dinh phung')).json;
    expect(res.items.map((u: { name: string }) => u.name)).toContain('Trường THPT Phan Đình Phùng');
  });

  it('thành lập tổ chuyên môn, đổi tên có ngày hiệu lực và ghi lịch sử', async () => {
    const admin = await env().login('admin');
    const parentId = await env().unitId('THPT-42-01');
    const created = await admin.post('/api/v1/units', { code: 'THPT-42-01-T9', name: 'Tổ Giáo dục địa phương', kind: 'to_chuyen_mon', parentId, validFrom: '2026-09-05' });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ code: 'THPT-42-01-T9', kindLabel: 'Tổ chuyên môn', statusLabel: 'Đang hoạt động' });
    const dup = await admin.post('/api/v1/units', { code: 'thpt-42-01-t9', name: 'Trùng', kind: 'to_chuyen_mon', parentId, validFrom: '2026-09-05' });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toBe('Mã đơn vị THPT-42-01-T9 đã tồn tại');
    const renamed = await admin.patch(`/api/v1/units/${created.json.id}`, { name: 'Tổ Giáo dục địa phương – Hướng nghiệp', effectiveDate: '2026-11-01', reason: 'Quyết định 15/QĐ-THPTPĐP' });
    expect(renamed.json.name).toBe('Tổ Giáo dục địa phương – Hướng nghiệp');
    const history = (await admin.get(`/api/v1/units/${created.json.id}/history`)).json.items;
    expect(history[0]).toMatchObject({ eventLabel: 'Đổi tên', effectiveDate: '2026-11-01', details: { from: 'Tổ Giáo dục địa phương', to: 'Tổ Giáo dục địa phương – Hướng nghiệp' } });
    expect(history[1].eventLabel).toBe('Thành lập');
    const detail = (await admin.get(`/api/v1/units/${created.json.id}`)).json;
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toContain('Trường THPT Phan Đình Phùng');
  });

  it('không cho đặt đơn vị cấp dưới làm cấp trên (vòng lặp)', async () => {
    const admin = await env().login('admin');
    const soId = await env().unitId('SGDDT-42');
    const school = await env().unitId('THPT-42-02');
    const res = await admin.patch(`/api/v1/units/${soId}`, { parentId: school, effectiveDate: '2026-11-01' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('Không thể đặt đơn vị cấp dưới làm đơn vị cấp trên');
  });

  it('sáp nhập hai trường: cán bộ, tổ chuyên môn chuyển sang trường tiếp nhận; trường cũ ngừng hoạt động; quyền theo cây cập nhật', async () => {
    const e = env();
    const admin = await e.login('admin');
    const target = await e.unitId('TH-18073-3');
    const source = await e.unitId('TH-18073-4');
    const db = e.deps.database.db;
    const before = await db.selectFrom('people').select('id').where('unit_id', '=', source).execute();
    const sourceTo = await db.selectFrom('units').select('id').where('parent_id', '=', source).execute();
    const res = await admin.post(`/api/v1/units/${target}/merge`, { sourceIds: [source], effectiveDate: '2026-11-15', reason: 'Nghị quyết sáp nhập trường của HĐND xã' });
    expect(res.status).toBe(200);
    expect(res.json.movedPeople).toBe(before.length);
    const src = (await admin.get(`/api/v1/units/${source}`)).json;
    expect(src).toMatchObject({ status: 'merged', statusLabel: 'Đã sáp nhập', validTo: '2026-11-15' });
    const moved = await db.selectFrom('people').select('unit_id').where('id', 'in', before.map((b) => b.id)).execute();
    expect(new Set(moved.map((m) => m.unit_id))).toEqual(new Set([target]));
    // Closure follows: the moved tổ is now under the target.
    for (const t of sourceTo) {
      const link = await db.selectFrom('unit_closure').select('depth').where('ancestor_id', '=', target).where('descendant_id', '=', t.id).executeTakeFirst();
      expect(link?.depth).toBe(1);
    }
    const hist = (await admin.get(`/api/v1/units/${target}/history`)).json.items;
    expect(hist[0]).toMatchObject({ eventLabel: 'Tiếp nhận sáp nhập từ', relatedUnitName: src.name });
    const emp = await db.selectFrom('employments').select(['unit_id', 'from_date', 'to_date']).where('person_id', '=', before[0].id).orderBy('from_date').execute();
    expect(emp.at(-1)).toMatchObject({ unit_id: target, from_date: '2026-11-15', to_date: null });
    expect(emp.some((x) => x.unit_id === source && x.to_date === '2026-11-15')).toBe(true);
  });

  it('chia tách một trường thành hai, cán bộ theo phân công', async () => {
    const e = env();
    const admin = await e.login('admin');
    const id = await e.unitId('LC-18229-1');
    const people = await e.deps.database.db.selectFrom('people').select('id').where('unit_id', '=', id).orderBy('id').execute();
    const assignments = Object.fromEntries(people.slice(0, 10).map((p) => [p.id, 1]));
    const res = await admin.post(`/api/v1/units/${id}/split`, {
      effectiveDate: '2026-12-01', reason: 'Quyết định chia tách trường liên cấp',
      parts: [{ code: 'TH-18229-9', name: 'Trường Tiểu học Đức Thọ 3', kind: 'th' }, { code: 'THCS-18229-9', name: 'Trường THCS Đức Thọ 3', kind: 'thcs' }],
      personAssignments: assignments,
    });
    expect(res.status).toBe(200);
    const [a, b] = res.json.items;
    const count = async (u: string) => Number((await e.deps.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', u).executeTakeFirstOrThrow()).n);
    expect(await count(b.id)).toBe(10);
    expect(await count(a.id)).toBe(people.length - 10);
    const tos = await e.deps.database.db.selectFrom('units').select('id').where('parent_id', '=', a.id).execute();
    expect(tos.length).toBeGreaterThan(0);
    for (const t of tos) {
      const link = await e.deps.database.db.selectFrom('unit_closure').select('depth').where('ancestor_id', '=', a.id).where('descendant_id', '=', t.id).executeTakeFirst();
      expect(link?.depth).toBe(1);
    }
    expect((await admin.get(`/api/v1/units/${id}`)).json.statusLabel).toBe('Đã chia tách');
    // The Sở still reaches both new schools (professional parent is kept).
    const so = await e.login('so.tdkt');
    expect((await so.get(`/api/v1/units/${b.id}`)).status).toBe(200);
  });

  it('lỗi nhập liệu có thông báo tiếng Việt nêu trường', async () => {
    const admin = await env().login('admin');
    const res = await admin.post('/api/v1/units', { code: 'x y', name: 'A', kind: 'abc', parentId: 'p', validFrom: '01/02/2026' });
    expect(res.status).toBe(400);
    const fields = res.json.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'validFrom']));
    expect(res.json.error.fields.find((f: { field: string }) => f.field === 'validFrom').message).toBe('Ngày phải theo dạng YYYY-MM-DD');
  });

  it('cụm thi đua: tạo theo năm học, một trưởng cụm, vai trò thành viên', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const owner = await e.unitId('SGDDT-42');
    const m = [await e.unitId('THPT-42-01'), await e.unitId('THPT-42-02'), await e.unitId('THPT-42-03')];
    const bad = await so.post('/api/v1/clusters', { name: 'Cụm thử', kind: 'cum', schoolYear: 2026, ownerUnitId: owner, members: [{ unitId: m[0], role: 'truong' }, { unitId: m[1], role: 'truong' }] });
    expect(bad.json.error.message).toBe('Mỗi cụm/khối chỉ có một trưởng cụm/khối');
    const ok = await so.post('/api/v1/clusters', { name: 'Cụm thi đua số 3', kind: 'cum', schoolYear: 2026, ownerUnitId: owner, members: [{ unitId: m[2], role: 'thanh_vien' }, { unitId: m[0], role: 'truong' }, { unitId: m[1], role: 'pho' }] });
    expect(ok.status).toBe(200);
    expect(ok.json.schoolYearLabel).toBe('2026-2027');
    expect(ok.json.members.map((x: { roleLabel: string }) => x.roleLabel)).toEqual(['Trưởng cụm/khối', 'Phó cụm/khối', 'Thành viên']);
    const school = await e.login('pdp.tdkt');
    const seen = (await school.get('/api/v1/clusters?schoolYear=2026')).json.items.map((c: { name: string }) => c.name);
    expect(seen).toContain('Cụm thi đua số 3');
  });
});
