import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeOnBothDatabases, type TClient, type TTestEnv } from './harness';

const PEOPLE_HEADER = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Số CCCD', 'Mã đơn vị', 'Chức vụ'];

async function xlsx(header: string[], rows: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function runImport(env: TTestEnv, client: TClient, kind: 'people' | 'units', bytes: Uint8Array, dryRun: boolean) {
  const form = new FormData();
  form.set('file', new File([bytes as BlobPart], 'danh-sach.xlsx'));
  form.set('dryRun', dryRun ? '1' : '0');
  const res = await client.upload(`/api/v1/imports/${kind}`, form);
  expect(res.status, res.text).toBe(200);
  while (await env.worker.runOne()) { /* run queued jobs now */ }
  const job = (await client.get(`/api/v1/jobs/${res.json.jobId}`)).json;
  return job;
}

const countPeople = async (env: TTestEnv) => Number((await env.deps.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeOnBothDatabases('nhập, xuất Excel', (env) => {
  it('tệp mẫu có đủ cột, cột bắt buộc đánh dấu (*), có trang hướng dẫn', async () => {
    const c = await env().login('pdp.tdkt');
    const res = await env().app.request('/api/v1/imports/templates/people', { headers: { cookie: await cookieOf(env(), 'pdp.tdkt') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const header = (wb.worksheets[0].getRow(1).values as string[]).filter(Boolean);
    expect(header.slice(0, 3)).toEqual(['Họ và tên (*)', 'Ngày sinh (*)', 'Giới tính (*)']);
    expect(header).toContain('Số CCCD');
    expect(wb.getWorksheet('Hướng dẫn')).toBeTruthy();
    void c;
  });

  it('chạy thử báo từng dòng lỗi (dòng, cột, lý do) và không thay đổi dữ liệu; nhập thật khi còn lỗi cũng không nhập dòng nào', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const before = await countPeople(e);
    const file = await xlsx(PEOPLE_HEADER, [
      ['Trần Văn An', '05/03/1990', 'Nam', 'Kinh', '042090111001', 'THPT-42-01', 'Giáo viên Toán'],
      ['Lê Thị Bình', '31/02/1990', 'Nữ', 'Kinh', '042190111002', 'THPT-42-01', 'Giáo viên Văn'],
      ['Phạm Thị Cúc', new Date(Date.UTC(1988, 6, 14)), 'Nữ', 'Kinh', '042188111003', 'THPT-99-99', 'Giáo viên'],
      ['Hoàng Văn Dũng', '12/12/1985', 'Nam', 'Tày', '042090111001', 'THPT-42-01', 'Giáo viên'],
      ['Vũ Thị Em', '01/01/1992', 'Không rõ', 'Kinh', '', 'THPT-42-02', 'Giáo viên'],
    ]);
    const dry = await runImport(e, c, 'people', file, true);
    expect(dry.status).toBe('done');
    const errs = dry.result.errors;
    expect(errs).toEqual(expect.arrayContaining([
      { row: 3, column: 'Ngày sinh', message: '"31/02/1990" không phải ngày hợp lệ (dd/mm/yyyy)' },
      { row: 4, column: 'Mã đơn vị', message: 'Không có đơn vị mã "THPT-99-99"' },
      { row: 5, column: 'Số CCCD', message: 'Trùng số CCCD với dòng 2' },
      { row: 6, column: 'Giới tính', message: '"Không rõ" không có trong danh sách giới tính' },
    ]));
    expect(errs.find((x: { row: number; column: string }) => x.row === 6 && x.column === 'Mã đơn vị')?.message).toBe('Bạn không có quyền nhập cán bộ cho đơn vị "Trường THPT Thành Sen"');
    expect(dry.result.message).toMatch(/^Có \d+ lỗi ở 4 dòng\. Đây là chạy thử/);
    expect(await countPeople(e)).toBe(before);
    const real = await runImport(e, c, 'people', file, false);
    expect(real.result.applied).toBe(false);
    expect(await countPeople(e)).toBe(before);
  });

  it('tệp sạch: chạy thử → nhập thật → nhập lại lần nữa không tạo gì mới', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const before = await countPeople(e);
    const rows = [
      ['Trần Văn An', '05/03/1990', 'Nam', 'Kinh', '042090111001', 'THPT-42-01', 'Giáo viên Toán'],
      ['Lê Thị Bình', '28/02/1990', 'Nữ', 'Kinh', '042190111002', 'THPT-42-01', 'Giáo viên Ngữ văn'],
      ['Phạm Thị Cúc', new Date(Date.UTC(1988, 6, 14)), 'Nữ', 'Kinh', '', 'thpt-42-01', 'Giáo viên Hóa học'],
    ];
    const file = await xlsx(PEOPLE_HEADER, rows);
    const dry = await runImport(e, c, 'people', file, true);
    expect(dry.result).toMatchObject({ errors: [], created: 3, updated: 0, unchanged: 0, applied: false });
    expect(await countPeople(e)).toBe(before);
    const real = await runImport(e, c, 'people', file, false);
    expect(real.result).toMatchObject({ applied: true, created: 3, message: 'Đã nhập 3 dòng: 3 thêm mới, 0 cập nhật, 0 không đổi.' });
    expect(await countPeople(e)).toBe(before + 3);
    const again = await runImport(e, c, 'people', file, false);
    expect(again.result).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3 });
    expect(await countPeople(e)).toBe(before + 3);
    const cuc = (await c.get('/api/v1/people?q=pham thi cuc')).json.items.find((p: { birthDate: string }) => p.birthDate === '1988-07-14');
    expect(cuc).toMatchObject({ fullName: 'Phạm Thị Cúc', unitName: 'Trường THPT Phan Đình Phùng', gender: 'nu' });
    // A changed position updates the record instead of creating a new one.
    rows[1][6] = 'Tổ trưởng tổ Ngữ văn';
    const changed = await runImport(e, c, 'people', await xlsx(PEOPLE_HEADER, rows), false);
    expect(changed.result).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const notes = (await c.get('/api/v1/notifications')).json;
    expect(notes.items[0].title).toBe('Đã nhập danh-sach.xlsx');
  });

  it('tệp không phải Excel (đổi đuôi .xlsx) bị từ chối với thông báo rõ', async () => {
    const c = await env().login('pdp.tdkt');
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('Họ và tên,Ngày sinh\nA,1/1/1990\n')], 'danh-sach.xlsx'));
    const res = await c.upload('/api/v1/imports/people', form);
    expect(res.status).toBe(415);
    expect(res.json.error.message).toBe('Tệp "danh-sach.xlsx" không phải bảng tính Excel (.xlsx). Hãy tải tệp mẫu, điền dữ liệu và lưu dưới dạng .xlsx.');
  });

  it('thiếu cột bắt buộc và ô gộp: báo cột, báo ô', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const missing = await runImport(e, c, 'people', await xlsx(['Họ và tên', 'Giới tính'], [['A', 'Nam']]), true);
    expect(missing.status).toBe('failed');
    expect(missing.error).toBe('Thiếu cột bắt buộc: "Ngày sinh", "Mã đơn vị" ở dòng tiêu đề (dòng 1). Hãy dùng tệp mẫu.');
    const merged = await runImport(e, c, 'people', await xlsx(PEOPLE_HEADER, [
      ['Ngô Văn Giáp', '01/02/1987', 'Nam', 'Kinh', '', 'THPT-42-01', 'Giáo viên'],
      ['Ngô Văn Hải', '01/03/1987', 'Nam', 'Kinh', '', '', 'Giáo viên'],
    ], (ws) => ws.mergeCells('F2:F3')), true);
    expect(merged.result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, column: 'Mã đơn vị', message: expect.stringMatching(/Ô F2 bị gộp \(merge\)/) })]));
  });

  it('xuất Excel rồi nhập lại chính tệp đó: không đổi gì', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const schoolId = await e.unitId('THPT-42-01');
    const res = await e.app.request(`/api/v1/imports/export/people?withinId=${schoolId}`, { headers: { cookie: '' } });
    expect(res.status).toBe(401);
    const exported = await c.request('GET', `/api/v1/imports/export/people?withinId=${schoolId}`);
    expect(exported.status).toBe(200);
    const raw = await (await e.app.request(`/api/v1/imports/export/people?withinId=${schoolId}`, { headers: { cookie: await cookieOf(e, 'pdp.tdkt') } })).arrayBuffer();
    const back = await runImport(e, c, 'people', new Uint8Array(raw), true);
    const total = Number((await e.deps.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', schoolId).executeTakeFirstOrThrow()).n);
    expect(back.result).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: total });
  });

  it('nhập đơn vị: trường mới và tổ của nó trong cùng một tệp; chạy lại không tạo mới', async () => {
    const e = env();
    const admin = await e.login('admin');
    const header = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Mã đơn vị chỉ đạo chuyên môn', 'Ngày thành lập'];
    const rows = [
      ['MN-18100-9-T1', 'Tổ Mẫu giáo', 'Tổ chuyên môn', 'MN-18100-9', '', '05/09/2026'],
      ['MN-18100-9', 'Trường Mầm non Hoa Mai', 'Trường Mầm non', 'UBND-X18100', 'SGDDT-42', '01/09/2026'],
      ['X-1', 'Đơn vị lỗi', 'Trường gì đó', 'KHONG-CO', '', '1/1/2026'],
    ];
    const dry = await runImport(e, admin, 'units', await xlsx(header, rows), true);
    expect(dry.result.errors).toEqual([{ row: 4, column: 'Loại đơn vị', message: '"Trường gì đó" không có trong danh sách loại đơn vị' }]);
    rows.pop();
    const ok = await runImport(e, admin, 'units', await xlsx(header, rows), false);
    expect(ok.result).toMatchObject({ applied: true, created: 2 });
    const school = await e.unitId('MN-18100-9');
    const so = await e.login('so.tdkt');
    expect((await so.get(`/api/v1/units/${school}`)).json.name).toBe('Trường Mầm non Hoa Mai');
    const tree = (await admin.get(`/api/v1/units/tree?parentId=${school}`)).json.items;
    expect(tree.map((u: { name: string }) => u.name)).toEqual(['Tổ Mẫu giáo']);
    const again = await runImport(e, admin, 'units', await xlsx(header, rows), false);
    expect(again.result).toMatchObject({ created: 0, unchanged: 2 });
  });
});

async function cookieOf(env: TTestEnv, username: string): Promise<string> {
  const res = await env.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-pass-123' }) });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
