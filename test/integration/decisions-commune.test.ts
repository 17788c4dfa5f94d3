import { expect, it } from 'vitest';
import { BASE_SALARY_TABLE } from '../../src/rules/data/base-salary';
import { describeOnBothDatabases, DEMO_PASSWORD, type TClient } from './harness';

// A commune school (Trường Tiểu học under UBND phường) sends its dossier up to the commune; the commune's
// officer (xa.vhxh) accepts and checks it; the Chủ tịch UBND (xa.chutich, demo) issues the Quyết định: a
// title above the commune's authority is refused in Vietnamese without using a number; the number comes
// from the commune's register; the money follows computePayout; the awards join the teacher's ten-year
// demo history.
const DECISION_DATE = '2026-11-25';
const YEAR = 2025;

type TAward = { code: string; schoolYear: number; decisionNumber: string | null; source: string; amount: number | null; authority: string | null; decisionDate: string | null };

describeOnBothDatabases('quyết định khen thưởng cấp xã: trường MN/TH/THCS → UBND xã → Chủ tịch UBND xã', (env) => {
  let ubnd = '';
  let school = '';
  let teacherA = { id: '', name: '' };
  let teacherB = { id: '', name: '' };
  let teacherC = { id: '', name: '' };
  let schoolOfficer: TClient;
  let xaOfficer: TClient;
  let chairman: TClient;
  let dossierId = '';
  let cstdTinhItem = '';
  let historyBefore: TAward[] = [];

  it('tài khoản Chủ tịch UBND xã của bản demo: vai trò thủ trưởng tại UBND phường, nơi Phòng VH-XH (xa.vhxh) làm việc', async () => {
    const db = env().deps.database.db;
    const roleOf = (username: string) => db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select(['user_roles.role', 'user_roles.unit_id']).where('users.username', '=', username).executeTakeFirstOrThrow();
    const head = await roleOf('xa.chutich');
    const officer = await roleOf('xa.vhxh');
    expect(head.role).toBe('head');
    expect(head.unit_id).toBe(officer.unit_id);
    ubnd = head.unit_id;
    const unit = await db.selectFrom('units').select(['kind', 'name']).where('id', '=', ubnd).executeTakeFirstOrThrow();
    expect(unit.kind).toBe('ubnd_xa');
    const th = await db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', ubnd).where('kind', '=', 'th').orderBy('code').executeTakeFirstOrThrow();
    school = th.id;
    // Teachers of the school with a demo history: the last rated year has no award yet.
    const staff = await db.selectFrom('people').select(['id', 'full_name']).where('unit_id', '=', school).where('position', 'like', 'Giáo viên%').orderBy('name_search').orderBy('id').execute();
    const withHistory: { id: string; name: string }[] = [];
    for (const p of staff) {
      const n = await db.selectFrom('awards').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', p.id).where('code', '=', 'LDTT').executeTakeFirstOrThrow();
      if (Number(n.n) >= 3) withHistory.push({ id: p.id, name: p.full_name });
    }
    expect(withHistory.length).toBeGreaterThanOrEqual(3);
    [teacherA, teacherB, teacherC] = withHistory;

    const admin = await env().login('admin');
    const created = await admin.post('/api/v1/users', { username: 'thxa.tdkt', fullName: 'Cán bộ TĐKT trường tiểu học', password: DEMO_PASSWORD, roles: [{ role: 'officer', unitId: school }] });
    expect(created.status).toBe(200);
    schoolOfficer = await env().login('thxa.tdkt');
    xaOfficer = await env().login('xa.vhxh');
    chairman = await env().login('xa.chutich');
  });

  it('trường lập hồ sơ và gửi lên: nơi nhận là UBND phường (cấp quản lý nhà nước), không phải Sở', async () => {
    historyBefore = (await xaOfficer.get(`/api/v1/awards?personId=${teacherA.id}`)).json.items;
    expect(historyBefore.some((a) => a.schoolYear === YEAR)).toBe(false);
    expect(new Set(historyBefore.map((a) => a.schoolYear)).size).toBeGreaterThanOrEqual(3);
    const res = await schoolOfficer.post('/api/v1/dossiers', {
      senderUnitId: school, schoolYear: YEAR, title: `Đề nghị khen thưởng năm học ${YEAR}-${YEAR + 1}`,
      items: [
        { personId: teacherA.id, titleCode: 'CSTDCS', achievements: 'Hoàn thành xuất sắc nhiệm vụ; sáng kiến cấp cơ sở' },
        { personId: teacherA.id, titleCode: 'LDTT' },
        { personId: teacherB.id, titleCode: 'LDTT' },
        { personId: teacherB.id, titleCode: 'GIAY_KHEN' },
        { personId: teacherC.id, titleCode: 'CSTD_TINH' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'draft', senderUnitId: school, receiverUnitId: ubnd, itemCount: 5 });
    dossierId = res.json.id;
    cstdTinhItem = res.json.items[4].id;
    const sent = await schoolOfficer.post(`/api/v1/dossiers/${dossierId}/submit`, {});
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ status: 'submitted', receiverUnitId: ubnd });
    expect((await xaOfficer.get('/api/v1/dossiers?box=received&status=submitted')).json.items.map((d: { id: string }) => d.id)).toContain(dossierId);
  });

  it('UBND phường tiếp nhận và làm đủ các bước; chỉ Chủ tịch có nút ban hành', async () => {
    const accepted = await xaOfficer.post(`/api/v1/dossiers/${dossierId}/accept`, {});
    expect(accepted.json.status).toBe('accepted');
    const xaUser = (await env().deps.database.db.selectFrom('users').select('id').where('username', '=', 'xa.vhxh').executeTakeFirstOrThrow()).id;
    let detail = accepted.json;
    for (const step of detail.workflow.filter((s: { done: boolean }) => !s.done)) {
      const r = step.code === 'assign'
        ? await xaOfficer.post(`/api/v1/dossiers/${dossierId}/assign`, { userId: xaUser })
        : await xaOfficer.post(`/api/v1/dossiers/${dossierId}/${step.code}`, { note: 'Đủ thành phần hồ sơ' });
      expect(r.status, step.code).toBe(200);
      detail = r.json;
    }
    expect(detail.workflow.every((s: { done: boolean }) => s.done)).toBe(true);
    expect(detail.actions.decide).toBe(false);
    expect((await chairman.get(`/api/v1/dossiers/${dossierId}`)).json.actions.decide).toBe(true);
  });

  it('Chủ tịch UBND phường ban hành: CSTĐ cấp tỉnh bị từ chối bằng tiếng Việt, không tốn số; số từ sổ của UBND phường; tiền theo lương cơ sở ngày quyết định; vào lịch sử của giáo viên', async () => {
    const registerUrl = `/api/v1/documents/register?unitId=${ubnd}&year=2026&pageSize=200`;
    const before = (await chairman.get(registerUrl)).json;
    expect(before.total).toBeGreaterThanOrEqual(0);

    const refused = await chairman.post('/api/v1/decisions', { dossierId, date: DECISION_DATE });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('Chủ tịch UBND xã, phường, đặc khu không có thẩm quyền tặng Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh');
    expect(refused.json.error.message).toContain(teacherC.name);
    expect((await chairman.get(registerUrl)).json.total).toBe(before.total);
    // The officer prepares, the chairman decides; the Sở does not decide for the commune.
    expect((await xaOfficer.post('/api/v1/decisions', { dossierId, date: DECISION_DATE, excludeItemIds: [cstdTinhItem] })).status).toBe(403);
    const director = await env().login('so.giamdoc');
    expect((await director.post('/api/v1/decisions', { dossierId, date: DECISION_DATE, excludeItemIds: [cstdTinhItem] })).status).toBe(404);

    const res = await chairman.post('/api/v1/decisions', { dossierId, date: DECISION_DATE, excludeItemIds: [cstdTinhItem] });
    expect(res.status).toBe(200);
    const d = res.json;
    expect(d).toMatchObject({ unitId: ubnd, authorityKind: 'commune_chairman', date: DECISION_DATE, schoolYear: YEAR, signerTitle: 'CHỦ TỊCH' });
    expect(d.number).toMatch(/^0*\d+\/QĐ-UBND$/);
    const register = (await chairman.get(registerUrl)).json;
    expect(register.total).toBe(before.total + 1);
    const mine = register.items.find((n: { id: string }) => n.id === d.numberId);
    expect(mine).toMatchObject({ status: 'issued', issuedDate: DECISION_DATE, symbol: d.number });
    const numbers = register.items.map((n: { number: number }) => n.number).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));

    const salary = BASE_SALARY_TABLE.find((e) => e.effectiveFrom <= DECISION_DATE && (!e.effectiveTo || DECISION_DATE <= e.effectiveTo))!.amount;
    expect(salary).toBe(2_530_000);
    const line = (personId: string, code: string) => d.lines.find((l: { personId: string; titleCode: string }) => l.personId === personId && l.titleCode === code);
    expect(line(teacherA.id, 'CSTDCS')).toMatchObject({ coefficient: 1, baseSalary: 2_530_000, amount: 2_530_000, paid: true });
    expect(line(teacherA.id, 'LDTT')).toMatchObject({ amount: 0, paid: false });
    expect(line(teacherA.id, 'LDTT').note).toContain('chỉ nhận tiền thưởng danh hiệu cao nhất');
    // A danh hiệu and a hình thức khen thưởng are both paid: 0,3 × 2.530.000 = 759.000 → 760.000 each.
    expect(line(teacherB.id, 'LDTT')).toMatchObject({ coefficient: 0.3, amount: 760_000, paid: true });
    expect(line(teacherB.id, 'GIAY_KHEN')).toMatchObject({ coefficient: 0.3, amount: 760_000, paid: true });
    expect(d.lines.some((l: { personId: string }) => l.personId === teacherC.id)).toBe(false);
    expect(d.totalAmount).toBe(2_530_000 + 760_000 + 760_000);
    expect((await schoolOfficer.get(`/api/v1/dossiers/${dossierId}`)).json).toMatchObject({ status: 'decided', decisionId: d.id });

    const after: TAward[] = (await xaOfficer.get(`/api/v1/awards?personId=${teacherA.id}`)).json.items;
    expect(after.length).toBe(historyBefore.length + 2);
    const cstd = after.find((a) => a.code === 'CSTDCS' && a.decisionNumber === d.number)!;
    expect(cstd).toMatchObject({ schoolYear: YEAR, source: 'decision', decisionDate: DECISION_DATE, amount: 2_530_000 });
    expect(cstd.authority).toMatch(/^Chủ tịch UBND/);
    expect(after.find((a) => a.code === 'LDTT' && a.decisionNumber === d.number)).toMatchObject({ schoolYear: YEAR, amount: 0 });
    // Teacher B: the LĐTT and the Giấy khen of this decision, beside her earlier years.
    expect((await xaOfficer.get(`/api/v1/awards?personId=${teacherB.id}`)).json.items.filter((a: TAward) => a.decisionNumber === d.number).map((a: TAward) => a.code).sort()).toEqual(['GIAY_KHEN', 'LDTT']);
  });
});
