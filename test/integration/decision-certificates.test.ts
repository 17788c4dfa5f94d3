// Certificates printed from a decision name what was awarded and the deciding authority: a CSTĐCS
// decision prints "TẶNG DANH HIỆU / CHIẾN SĨ THI ĐUA CƠ SỞ", a Giấy khen decision "TẶNG / GIẤY KHEN",
// both under "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH"; a deputy signs "KT. GIÁM ĐỐC".
import { expect, it } from 'vitest';
import { readDocxLines } from '../../src/documents';
import { DEMO_PASSWORD, describeOnBothDatabases, type TClient } from './harness';

const DECISION_DATE = '2026-11-20';

describeOnBothDatabases('giấy khen, giấy chứng nhận in từ quyết định ghi đúng danh hiệu, hình thức và cấp khen', (env) => {
  let pdpOfficer: TClient;
  let soOfficer: TClient;
  let director: TClient;

  async function decide(items: { personId: string; titleCode: string }[], extra: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
    const created = await pdpOfficer.post('/api/v1/dossiers', { senderUnitId: await env().unitId('THPT-42-01'), schoolYear: 2025, title: 'Đề nghị khen thưởng năm học 2025-2026', items });
    expect(created.status).toBe(200);
    const id = created.json.id as string;
    expect((await pdpOfficer.post(`/api/v1/dossiers/${id}/submit`, {})).json.status).toBe('submitted');
    expect((await soOfficer.post(`/api/v1/dossiers/${id}/accept`, {})).json.status).toBe('accepted');
    const soUser = (await env().deps.database.db.selectFrom('users').select('id').where('username', '=', 'so.tdkt').executeTakeFirstOrThrow()).id;
    expect((await soOfficer.post(`/api/v1/dossiers/${id}/assign`, { userId: soUser })).status).toBe(200);
    expect((await soOfficer.post(`/api/v1/dossiers/${id}/check`, { note: 'Đủ thành phần' })).status).toBe(200);
    const d = await director.post('/api/v1/decisions', { dossierId: id, date: DECISION_DATE, ...extra });
    expect(d.status).toBe(200);
    return { id: d.json.id, number: d.json.number };
  }

  async function certificateLines(decisionId: string): Promise<string[]> {
    const batch = await director.post(`/api/v1/decisions/${decisionId}/certificates`, { pdf: false });
    expect(batch.status).toBe(200);
    await env().worker.runOne();
    const done = await director.get(`/api/v1/documents/certificates/${batch.json.id}`);
    expect(done.json.status).toBe('done');
    const login = await env().app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'so.giamdoc', password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const res = await env().app.request(`/api/v1/documents/certificates/${batch.json.id}/docx`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return (await readDocxLines(Buffer.from(await res.arrayBuffer()))).map((l) => l.trim()).filter(Boolean);
  }

  it('quyết định tặng danh hiệu Chiến sĩ thi đua cơ sở: giấy chứng nhận ghi danh hiệu, không ghi "Giấy khen"', async () => {
    pdpOfficer = await env().login('pdp.tdkt');
    soOfficer = await env().login('so.tdkt');
    director = await env().login('so.giamdoc');
    const db = env().deps.database.db;
    const lan = (await db.selectFrom('users').select('person_id').where('username', '=', 'gv.lan').executeTakeFirstOrThrow()).person_id!;
    const lanName = (await db.selectFrom('people').select('full_name').where('id', '=', lan).executeTakeFirstOrThrow()).full_name;
    const { id, number } = await decide([{ personId: lan, titleCode: 'CSTDCS' }]);
    const lines = await certificateLines(id);
    const text = lines.join('\n');
    expect(lines).toContain('GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH');
    const award = lines.indexOf('TẶNG DANH HIỆU');
    expect(award).toBeGreaterThan(0);
    expect(lines[award + 1]).toBe('CHIẾN SĨ THI ĐUA CƠ SỞ');
    expect(lines).toContain(`Ông (Bà) ${lanName}`);
    expect(text).toContain('Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026');
    expect(text).toContain(`Quyết định số ${number} ngày 20/11/2026`);
    expect(text).not.toMatch(/GIẤY KHEN/i);
    expect(lines).toContain('GIÁM ĐỐC');
  });

  it('quyết định tặng Giấy khen: in "GIẤY KHEN"; Phó Giám đốc ký thay "KT. GIÁM ĐỐC"', async () => {
    const db = env().deps.database.db;
    const pdp = await env().unitId('THPT-42-01');
    const lan = (await db.selectFrom('users').select('person_id').where('username', '=', 'gv.lan').executeTakeFirstOrThrow()).person_id!;
    const hoa = await db.selectFrom('people').select(['id', 'full_name']).where('unit_id', '=', pdp).where('id', '!=', lan).orderBy('full_name').limit(1).executeTakeFirstOrThrow();
    const { id } = await decide([{ personId: hoa.id, titleCode: 'GIAY_KHEN' }], { signerName: 'Nguyễn Văn Phó', signerTitle: 'Phó Giám đốc' });
    const lines = await certificateLines(id);
    expect(lines).toContain('GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH');
    const award = lines.indexOf('TẶNG');
    expect(award).toBeGreaterThan(0);
    expect(lines[award + 1]).toBe('GIẤY KHEN');
    expect(lines).toContain(`Ông (Bà) ${hoa.full_name}`);
    expect(lines).toContain('Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026');
    expect(lines).not.toContain('TẶNG DANH HIỆU');
    expect(lines).toContain('KT. GIÁM ĐỐC');
    expect(lines).toContain('PHÓ GIÁM ĐỐC');
    expect(lines).toContain('Nguyễn Văn Phó');
  });
});
