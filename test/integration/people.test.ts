import { expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

describeOnBothDatabases('hồ sơ cán bộ', (env) => {
  it('tìm không dấu: "nguyen thi lan" ra "Nguyễn Thị Lan", phân trang trên máy chủ', async () => {
    const c = await env().login('so.tdkt');
    const res = (await c.get('/api/v1/people?q=nguyen thi lan&pageSize=5')).json;
    expect(res.items.length).toBeGreaterThan(0);
    for (const p of res.items) expect(p.fullName).toMatch(/^Nguyễn Thị Lan/);
    const page2 = (await c.get('/api/v1/people?page=2&pageSize=25')).json;
    expect(page2.items).toHaveLength(25);
    expect(page2.total).toBeGreaterThan(1000);
  });

  it('tìm theo tên chỉ đếm đến 1.000 kết quả ("hơn 1.000"), vẫn lật được trang; tìm hẹp thì đếm đúng', async () => {
    const c = await env().login('so.tdkt');
    const broad = (await c.get('/api/v1/people?q=n&pageSize=20')).json;
    expect(broad.totalCapped).toBe(true);
    expect(broad.total).toBe(1000);
    const last = (await c.get('/api/v1/people?q=n&pageSize=20&page=50')).json;
    expect(last.items).toHaveLength(20);
    for (const p of last.items) expect(p.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase()).toContain('n');
    const narrow = (await c.get('/api/v1/people?q=nguyen thi lan&pageSize=100')).json;
    expect(narrow.totalCapped).toBe(false);
    expect(narrow.total).toBe(narrow.items.length);
    const all = (await c.get('/api/v1/people?pageSize=20')).json;
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBeGreaterThan(1000);
  });

  it('hồ sơ có quá trình công tác, trình độ, xếp loại theo năm học', async () => {
    const c = await env().login('pdp.tdkt');
    const lan = (await c.get('/api/v1/people?q=nguyen thi lan')).json.items.find((p: { unitName: string }) => p.unitName === 'Trường THPT Phan Đình Phùng');
    const d = (await c.get(`/api/v1/people/${lan.id}`)).json;
    expect(d.employments.length).toBeGreaterThan(0);
    expect(d.qualifications.length).toBeGreaterThan(0);
    expect(d.ratings[0].schoolYearLabel).toMatch(/^\d{4}-\d{4}$/);
    expect(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']).toContain(d.ratings[0].ratingLabel);
  });

  it('thêm cán bộ; trùng CCCD hoặc trùng họ tên + ngày sinh bị chặn với thông báo rõ', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const ok = await c.post('/api/v1/people', { fullName: 'Đặng Thị Bích Ngọc', birthDate: '1991-04-12', gender: 'nu', cccd: '042191000777', unitId, position: 'Giáo viên Hóa học' });
    expect(ok.status).toBe(200);
    const byCccd = await c.post('/api/v1/people', { fullName: 'Người Khác', birthDate: '1980-01-01', gender: 'nam', cccd: '042191000777', unitId });
    expect(byCccd.status).toBe(409);
    expect(byCccd.json.error.message).toBe('Số CCCD 042191000777 đã có trong hồ sơ của Đặng Thị Bích Ngọc');
    const byName = await c.post('/api/v1/people', { fullName: 'Dang Thi Bich Ngoc', birthDate: '1991-04-12', gender: 'nu', unitId });
    expect(byName.status).toBe(409);
    expect(byName.json.error.message).toMatch(/cùng họ tên và ngày sinh/);
    const badCccd = await c.post('/api/v1/people', { fullName: 'Lê Văn Tám', cccd: '12345', unitId });
    expect(badCccd.json.error.fields[0]).toEqual({ field: 'cccd', message: 'Số CCCD gồm đúng 12 chữ số' });
  });

  it('xếp loại năm học, kỷ luật có thời hạn, quá trình công tác mới; tất cả vào nhật ký', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const p = (await c.get('/api/v1/people?q=dang thi bich ngoc')).json.items[0];
    expect((await c.put(`/api/v1/people/${p.id}/ratings`, { schoolYear: 2025, rating: 'htxsnv' })).status).toBe(200);
    expect((await c.put(`/api/v1/people/${p.id}/ratings`, { schoolYear: 2025, rating: 'httnv' })).status).toBe(200);
    const bad = await c.post(`/api/v1/people/${p.id}/disciplines`, { form: 'khien_trach', fromDate: '2026-05-01', toDate: '2026-01-01' });
    expect(bad.json.error.message).toBe('Ngày hết hiệu lực kỷ luật phải sau ngày bắt đầu');
    expect((await c.post(`/api/v1/people/${p.id}/disciplines`, { form: 'khien_trach', decisionNumber: '12/QĐ-THPTPĐP', fromDate: '2026-05-01', toDate: '2027-04-30', reason: 'Vi phạm quy chế chuyên môn' })).status).toBe(200);
    const d = (await c.get(`/api/v1/people/${p.id}`)).json;
    expect(d.ratings).toEqual([expect.objectContaining({ schoolYear: 2025, schoolYearLabel: '2025-2026', ratingLabel: 'Hoàn thành tốt nhiệm vụ' })]);
    expect(d.disciplines[0]).toMatchObject({ formLabel: 'Khiển trách', active: true });
    const audit = (await c.get(`/api/v1/audit?entityType=person&entityId=${p.id}`)).json.items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['person.create', 'person.rating.set', 'person.discipline.add']));
    const ratingRows = audit.filter((a: { action: string }) => a.action === 'person.rating.set');
    expect(ratingRows.find((a: { before: unknown }) => a.before)).toMatchObject({ before: { rating: 'htxsnv' }, after: { rating: 'httnv' } });
  });
});
