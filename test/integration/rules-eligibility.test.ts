import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeOnBothDatabases, type TClient } from './harness';

// Issue 8 part A: rule sets in the database (versions, audit), eligibility from demo facts with
// reasons, the what-if check over HTTP, award statistics, and the access rules around them.
const TT07 = 'luat2022-nd152-2025-tt07-2026';
const ND98 = 'luat2022-nd98-2023';
const examples = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../examples/rules', name), 'utf8'));

type TVerdict = { titleCode: string; status: string; eligible: boolean; reasons: { code: string; outcome: string; message: string; citation: string; unverified: boolean }[]; ruleSetCode: string; ruleSetVersion: number; unverified: boolean };
type TPerson = { personId: string; fullName: string; verdicts: TVerdict[]; suggestions: { titleCode: string; message: string }[] };

describeOnBothDatabases('quy tắc, xét điều kiện khen thưởng, thống kê', (env) => {
  let pdp = '';
  let lanId = '';

  async function pdpList(c: TClient, extra = '') {
    const res = await c.get(`/api/v1/eligibility?unitId=${pdp}&schoolYear=2025&reviewDate=2026-05-31&pageSize=200${extra}`);
    expect(res.status).toBe(200);
    return res.json as { total: number; items: TPerson[]; summary: { titleCode: string; eligible: number; needsReview: number; notEligible: number }[]; ruleSet: { code: string; version: number }; titles: { code: string }[] };
  }

  it('danh sách bộ quy tắc: 4 bộ kèm theo, bản nháp 2026 "chưa xác minh"; người dùng có commendation.read xem được, cá nhân thì không', async () => {
    pdp = await env().unitId('THPT-42-01');
    const c = await env().login('pdp.tdkt');
    const list = await c.get('/api/v1/rule-sets');
    expect(list.status).toBe(200);
    const codes = list.json.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(['luat2022-nd98-2023', 'luat2022-nd152-2025', TT07, 'luat2026-tt07-2026-du-thao']);
    const draft = list.json.items.find((i: { code: string }) => i.code === 'luat2026-tt07-2026-du-thao');
    expect(draft).toMatchObject({ version: 1, unverified: true, effectiveFrom: '2026-10-01', effectiveTo: null, source: 'shipped' });
    expect(list.json.items.find((i: { code: string }) => i.code === ND98)).toMatchObject({ unverified: false, effectiveTo: '2025-06-30' });
    const detail = await c.get(`/api/v1/rule-sets/${ND98}`);
    expect(detail.json.ruleSet.titles.CSTDCS.name).toBe('Chiến sĩ thi đua cơ sở');
    expect(detail.json.history).toHaveLength(1);
    expect((await c.get('/api/v1/rule-sets/khong-co')).status).toBe(404);
    const lan = await env().login('gv.lan');
    expect((await lan.get('/api/v1/rule-sets')).status).toBe(403);
  });

  it('xét điều kiện của trường: Nguyễn Thị Lan có kết luận từng danh hiệu với lý do, điều luật; đếm theo danh hiệu khớp với danh sách', async () => {
    const c = await env().login('pdp.tdkt');
    const all = await pdpList(c);
    expect(all.ruleSet).toMatchObject({ code: TT07, version: 1 });
    const staff = await env().deps.database.db.selectFrom('people').select('id').where('unit_id', '=', pdp).execute();
    expect(all.total).toBe(staff.length);
    const lan = all.items.find((p) => p.fullName === 'Nguyễn Thị Lan')!;
    expect(lan).toBeTruthy();
    lanId = lan.personId;
    expect(lan.verdicts.map((v) => v.titleCode)).toEqual(expect.arrayContaining(['LDTT', 'CSTDCS', 'CSTD_TINH', 'GIAY_KHEN']));
    const rating = (await env().deps.database.db.selectFrom('performance_ratings').select('rating').where('person_id', '=', lanId).where('school_year', '=', 2025).executeTakeFirstOrThrow()).rating;
    const ldtt = lan.verdicts.find((v) => v.titleCode === 'LDTT')!;
    const ratingReason = ldtt.reasons.find((r) => r.code === 'httnv_tro_len')!;
    expect(ratingReason.citation).toMatch(/Điều 24/);
    expect(ratingReason.message).toMatch(/^Năm học 2025-2026: /);
    expect(ratingReason.outcome).toBe(rating === 'htnv' || rating === 'khtnv' ? 'fail' : 'pass');
    // CSTĐ cấp tỉnh needs three consecutive CSTĐCS. The demo history gives Lan CSTĐCS in 2023-2024 and 2024-2025 and
    // an initiative recognised at province level: with this year's CSTĐCS she has three, so it is proposed.
    const lanStreak = lan.verdicts.find((v) => v.titleCode === 'CSTD_TINH')!.reasons.find((r) => r.code === 'ba_lan_cstdcs')!;
    expect(lanStreak.outcome).toBe('pass');
    expect(lanStreak.message).toMatch(/2023-2024/);
    expect(lan.suggestions.map((x) => x.titleCode)).toContain('CSTD_TINH');
    // A colleague without the streak: the verdict says which years are missing.
    const streakOf = (p: TPerson) => p.verdicts.find((v) => v.titleCode === 'CSTD_TINH')!;
    const without = all.items.find((p) => streakOf(p).reasons.some((r) => r.code === 'ba_lan_cstdcs' && r.outcome === 'fail'))!;
    expect(streakOf(without).eligible).toBe(false);
    expect(streakOf(without).reasons.find((r) => r.code === 'ba_lan_cstdcs')!.message).toMatch(/Thiếu CSTĐCS năm học \d{4}-\d{4}/);
    // Counts over the whole list agree with the verdicts.
    const ldttEligible = all.items.filter((p) => p.verdicts.find((v) => v.titleCode === 'LDTT')!.eligible).length;
    expect(all.summary.find((s) => s.titleCode === 'LDTT')!.eligible).toBe(ldttEligible);
    expect(ldttEligible).toBeGreaterThan(0);
    // Filters: one title, only eligible, paging.
    const only = await pdpList(c, '&title=LDTT&onlyEligible=true');
    expect(only.total).toBe(ldttEligible);
    expect(only.items.every((p) => p.verdicts.length === 1 && p.verdicts[0].eligible)).toBe(true);
    const page2 = (await c.get(`/api/v1/eligibility?unitId=${pdp}&schoolYear=2025&reviewDate=2026-05-31&page=2&pageSize=10`)).json;
    expect(page2.items).toHaveLength(10);
    expect(page2.items[0].personId).toBe(all.items[10].personId);
    const bad = await c.get(`/api/v1/eligibility?unitId=${pdp}&schoolYear=2025&title=KHONG_CO`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/không có danh hiệu, hình thức mã KHONG_CO/);
  });

  it('lịch sử khen thưởng của bản demo làm thay đổi kết luận: hai năm CSTĐCS liên tục + năm nay → đề xuất CSTĐ cấp tỉnh; thiếu sáng kiến cấp tỉnh thì không; khen chuyên đề không được tính', async () => {
    const c = await env().login('pdp.tdkt');
    const db = env().deps.database.db;
    const cstd = await db.selectFrom('awards').select(['school_year', 'thematic']).where('person_id', '=', lanId).where('code', '=', 'CSTDCS').where('voided_at', 'is', null).orderBy('school_year').execute();
    expect(cstd.map((a) => Number(a.school_year))).toEqual([2023, 2024]);
    const ratings = await db.selectFrom('performance_ratings').select(['school_year', 'rating']).where('person_id', '=', lanId).where('school_year', '>=', 2022).orderBy('school_year').execute();
    expect(ratings.map((r) => r.rating)).toEqual(['htxsnv', 'htxsnv', 'htxsnv', 'htxsnv']);
    const person = async () => (await c.get(`/api/v1/eligibility/person/${lanId}?schoolYear=2025&reviewDate=2026-05-31`)).json.person as TPerson;
    const one = await person();
    const v = (p: TPerson, code: string) => p.verdicts.find((x) => x.titleCode === code)!;
    const streak = v(one, 'CSTD_TINH').reasons.find((r) => r.code === 'ba_lan_cstdcs')!;
    expect(streak.outcome).toBe('pass');
    expect(streak.message).toMatch(/2023-2024/);
    expect(v(one, 'CSTD_TINH').reasons.find((r) => r.code === 'sang_kien_cap_tinh')!.outcome).toBe('pass');
    expect(one.suggestions.find((x) => x.titleCode === 'CSTD_TINH')!.message).toMatch(/Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh/);
    expect(v(one, 'CSTDCS').status).not.toBe('not_eligible');
    // Were her initiative only recognised at school level, the verdict names what is missing and nothing is proposed.
    const initiative = (await db.selectFrom('initiatives').select('id').where('person_id', '=', lanId).where('level', '=', 'tinh').executeTakeFirstOrThrow()).id;
    await db.updateTable('initiatives').set({ level: 'co_so' }).where('id', '=', initiative).execute();
    const noInitiative = await person();
    expect(v(noInitiative, 'CSTD_TINH').reasons.find((r) => r.outcome === 'fail')!.message).toMatch(/sáng kiến/i);
    expect(noInitiative.suggestions.map((x) => x.titleCode)).not.toContain('CSTD_TINH');
    await db.updateTable('initiatives').set({ level: 'tinh' }).where('id', '=', initiative).execute();
    // A thematic CSTĐCS in 2024 would not count: mark the 2024 row thematic and the streak breaks.
    await db.updateTable('awards').set({ thematic: 1 }).where('person_id', '=', lanId).where('code', '=', 'CSTDCS').where('school_year', '=', 2024).execute();
    const again = await person();
    const broken = v(again, 'CSTD_TINH').reasons.find((r) => r.code === 'ba_lan_cstdcs')!;
    expect(broken.outcome).toBe('fail');
    expect(broken.message).toMatch(/chuyên đề/);
    expect(again.suggestions.map((x) => x.titleCode)).not.toContain('CSTD_TINH');
    await db.updateTable('awards').set({ thematic: 0 }).where('person_id', '=', lanId).where('code', '=', 'CSTDCS').where('school_year', '=', 2024).execute();
  });

  it('cá nhân xem được điều kiện của chính mình, không xem được người khác (404); ngoài phạm vi 404; không quyền 403', async () => {
    const lan = await env().login('gv.lan');
    const own = await lan.get(`/api/v1/eligibility/person/${lanId}?schoolYear=2025`);
    expect(own.status).toBe(200);
    expect(own.json.person.fullName).toBe('Nguyễn Thị Lan');
    const other = await env().deps.database.db.selectFrom('people').select('id').where('unit_id', '=', pdp).where('id', '!=', lanId).executeTakeFirstOrThrow();
    expect((await lan.get(`/api/v1/eligibility/person/${other.id}?schoolYear=2025`)).status).toBe(404);
    expect((await lan.get(`/api/v1/eligibility?unitId=${pdp}`)).status).toBe(403);
    const xa = await env().login('xa.vhxh');
    expect((await xa.get(`/api/v1/eligibility?unitId=${pdp}`)).status).toBe(404);
    expect((await xa.get(`/api/v1/eligibility/person/${lanId}`)).status).toBe(404);
    expect((await xa.get(`/api/v1/eligibility/unit/${pdp}`)).status).toBe(404);
    expect((await xa.get(`/api/v1/award-stats?unitId=${pdp}`)).status).toBe(404);
  });

  it('tài liệu OpenAPI có các đường dẫn của quy tắc, xét điều kiện, thống kê', async () => {
    const res = await env().anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.json.paths);
    for (const p of ['/rule-sets', '/rule-sets/{code}', '/rule-sets/{code}/versions', '/rules/check', '/eligibility', '/eligibility/person/{id}', '/eligibility/unit/{id}', '/award-stats']) {
      expect(paths.some((x) => x === p || x === `/api/v1${p}`), p).toBe(true);
    }
  });

  it('bảng quyền: ai gọi được API nào (200), không quyền (403), ngoài phạm vi (404)', async () => {
    const so = await env().unitId('SGDDT-42');
    const commune = await env().unitId('UBND-X18073');
    const rows: [string, string, number][] = [
      ['pdp.tdkt', `/api/v1/eligibility?unitId=${pdp}&pageSize=1`, 200],
      ['pdp.hieutruong', `/api/v1/eligibility?unitId=${pdp}&pageSize=1`, 200],
      ['pdp.hoidong', `/api/v1/eligibility/unit/${pdp}`, 200],
      ['so.tdkt', `/api/v1/eligibility?unitId=${pdp}&pageSize=1`, 200],
      ['so.giamdoc', `/api/v1/award-stats?unitId=${so}`, 200],
      ['pdp.tdkt', `/api/v1/eligibility?unitId=${so}&pageSize=1`, 404],
      ['pdp.tdkt', `/api/v1/award-stats?unitId=${commune}`, 404],
      ['xa.vhxh', `/api/v1/eligibility?unitId=${commune}&pageSize=1`, 200],
      ['xa.vhxh', `/api/v1/eligibility/person/${lanId}`, 404],
      ['gv.lan', `/api/v1/eligibility/person/${lanId}`, 200],
      ['gv.lan', `/api/v1/award-stats?unitId=${pdp}`, 403],
      ['gv.lan', '/api/v1/rule-sets', 403],
      ['pdp.hoidong', '/api/v1/rule-sets', 200],
      ['admin', `/api/v1/eligibility?unitId=${so}&pageSize=1`, 200],
    ];
    for (const [user, url, status] of rows) {
      const c = await env().login(user);
      expect((await c.get(url)).status, `${user} GET ${url}`).toBe(status);
    }
  });

  it('danh hiệu tập thể của trường: TTLĐTT tính từ tỷ lệ LĐTT của thành viên, có lý do', async () => {
    const c = await env().login('pdp.tdkt');
    const res = await c.get(`/api/v1/eligibility/unit/${pdp}?schoolYear=2025&reviewDate=2026-05-31`);
    expect(res.status).toBe(200);
    const school = res.json.units[0];
    expect(school.unitId).toBe(pdp);
    expect(school.memberCount).toBeGreaterThan(50);
    const ttldtt = school.verdicts.find((v: TVerdict) => v.titleCode === 'TTLDTT');
    const share = ttldtt.reasons.find((r: { code: string }) => r.code === 'ty_le_ldtt');
    expect(share.message).toMatch(/thành viên đạt LĐTT \(\d+\/\d+\)/);
    expect(share.citation).toMatch(/Điều 28/);
  });

  it('sửa bộ quy tắc: tạo phiên bản mới, ghi nhật ký, kết luận sau đó đổi, phiên bản cũ (ảnh chụp) giữ nguyên; không phải quản trị thì 403; JSON sai bị từ chối', async () => {
    const officer = await env().login('pdp.tdkt');
    const before = await pdpList(officer, '&title=LDTT');
    const httnvPerson = before.items.find((p) => p.verdicts[0].eligible && p.verdicts[0].reasons.some((r) => r.code === 'httnv_tro_len' && /Hoàn thành tốt nhiệm vụ$/.test(r.message)))!;
    expect(httnvPerson).toBeTruthy();
    expect(httnvPerson.verdicts[0]).toMatchObject({ ruleSetCode: TT07, ruleSetVersion: 1 });

    const admin = await env().login('admin');
    const current = (await admin.get(`/api/v1/rule-sets/${TT07}`)).json;
    const edited = structuredClone(current.ruleSet);
    const crit = edited.titles.LDTT.criteria.individual.find((x: { code: string }) => x.code === 'httnv_tro_len');
    crit.rating = 'HTXSNV';
    crit.label = 'Hoàn thành xuất sắc nhiệm vụ (quy chế thử)';
    edited.citation = `${edited.citation}; Quy chế thử nghiệm`;

    // Not an administrator: 403, nothing saved.
    const denied = await officer.post(`/api/v1/rule-sets/${TT07}/versions`, { baseVersion: 1, reason: 'Thử quy chế mới', ruleSet: edited });
    expect(denied.status).toBe(403);
    // Invalid JSON rule set: refused with a Vietnamese message naming the field.
    const broken = structuredClone(edited);
    broken.effectiveTo = '2020-01-01';
    const refused = await admin.post(`/api/v1/rule-sets/${TT07}/versions`, { baseVersion: 1, reason: 'Thử quy chế mới', ruleSet: broken });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/Ngày hết hiệu lực phải sau ngày có hiệu lực/);
    const badType = await admin.post(`/api/v1/rule-sets/${TT07}/versions`, { baseVersion: 1, reason: 'Thử quy chế mới', ruleSet: { ...edited, titles: { LDTT: { ...edited.titles.LDTT, code: 'KHAC' } } } });
    expect(badType.status).toBe(400);
    expect(badType.json.error.message).toMatch(/^Bộ quy tắc không hợp lệ: ruleSet\.titles\.LDTT/);
    expect((await admin.post(`/api/v1/rule-sets/${TT07}/versions`, { baseVersion: 1, reason: '', ruleSet: edited })).json.error.message).toMatch(/lý do/);
    expect((await admin.get(`/api/v1/rule-sets/${TT07}`)).json.history).toHaveLength(1);

    const saved = await admin.post(`/api/v1/rule-sets/${TT07}/versions`, { baseVersion: 1, reason: 'Thử quy chế mới', ruleSet: edited });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ code: TT07, version: 2, source: 'admin', reason: 'Thử quy chế mới' });
    expect(saved.json.changed).toEqual(expect.arrayContaining(['citation', 'titles.LDTT.criteria.individual.2.rating']));
    // A stale edit of version 1 is refused.
    expect((await admin.post(`/api/v1/rule-sets/${TT07}/versions`, { baseVersion: 1, reason: 'Sửa cùng lúc', ruleSet: edited })).status).toBe(409);

    const audit = (await admin.get(`/api/v1/audit?entityType=rule_set&entityId=${TT07}`)).json.items;
    expect(audit.filter((a: { action: string }) => a.action === 'rule_set.update')).toHaveLength(1);

    // Later verdicts use version 2: the HTTNV teacher is no longer eligible for LĐTT, and the reason says why.
    const after = await pdpList(officer, '&title=LDTT');
    const same = after.items.find((p) => p.personId === httnvPerson.personId)!;
    expect(same.verdicts[0]).toMatchObject({ eligible: false, ruleSetCode: TT07, ruleSetVersion: 2 });
    expect(same.verdicts[0].reasons.find((r) => r.code === 'httnv_tro_len')!.message).toMatch(/chưa đạt Hoàn thành xuất sắc nhiệm vụ/);
    // The version a stored verdict points at is unchanged.
    const v1 = (await admin.get(`/api/v1/rule-sets/${TT07}?version=1`)).json;
    expect(v1.ruleSet.titles.LDTT.criteria.individual.find((x: { code: string }) => x.code === 'httnv_tro_len').rating).toBe('HTTNV');
    expect(v1.supersededAt).not.toBeNull();
    const detail = (await admin.get(`/api/v1/rule-sets/${TT07}`)).json;
    expect(detail.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
  });

  it('đánh dấu bộ quy tắc "chưa xác minh": mọi kết luận dựa trên nó mang cờ chưa xác minh', async () => {
    const officer = await env().login('pdp.tdkt');
    const year2024 = (await officer.get(`/api/v1/eligibility?unitId=${pdp}&schoolYear=2024&reviewDate=2025-05-31&title=LDTT&pageSize=5`)).json;
    expect(year2024.ruleSet.code).toBe(ND98);
    const admin = await env().login('admin');
    const current = (await admin.get(`/api/v1/rule-sets/${ND98}`)).json;
    const ldttUnverified = (p: TPerson) => p.verdicts[0].unverified;
    const beforeFlags = year2024.items.map(ldttUnverified);
    const saved = await admin.post(`/api/v1/rule-sets/${ND98}/versions`, { baseVersion: current.version, reason: 'Chưa đối chiếu bản gốc NĐ 98', ruleSet: { ...current.ruleSet, verified: false } });
    expect(saved.status).toBe(200);
    expect(saved.json.unverified).toBe(true);
    const after = (await officer.get(`/api/v1/eligibility?unitId=${pdp}&schoolYear=2024&reviewDate=2025-05-31&title=LDTT&pageSize=5`)).json;
    expect(after.items.every(ldttUnverified)).toBe(true);
    expect(after.items[0].verdicts[0].unverifiedNotes.length).toBeGreaterThan(0);
    expect(beforeFlags.length).toBe(5);
  });

  it('kiểm tra tình huống qua API (ví dụ trong docs/rules.md): đủ điều kiện, từng điều kiện kèm điều luật, tiền thưởng; dữ liệu sai → thông báo tiếng Việt', async () => {
    const c = await env().login('gv.lan');
    const cases: [string, boolean, number | null, RegExp][] = [
      ['cstdcs-ca-nhan.json', true, 2_340_000, /Hoàn thành xuất sắc nhiệm vụ/],
      ['cstd-tinh-thieu-cstdcs.json', false, 7_020_000, /Thiếu CSTĐCS năm học 2023-2024/],
      ['ttldtt-tap-the.json', true, 1_872_000, /75% thành viên đạt LĐTT \(9\/12\)/],
      ['ldtt-ky-luat.json', false, 760_000, /Đang trong thời gian kỷ luật/],
    ];
    for (const [file, eligible, amount, message] of cases) {
      const res = await c.post('/api/v1/rules/check', examples(file));
      expect(res.status, file).toBe(200);
      expect(res.json.eligible, file).toBe(eligible);
      expect(res.json.bonus?.amount ?? null, file).toBe(amount);
      expect(res.json.checks.some((k: { message: string }) => message.test(k.message)), file).toBe(true);
      for (const k of res.json.checks) expect(k.citation, file).not.toBe('');
    }
    const bad = await c.post('/api/v1/rules/check', { ...examples('cstdcs-ca-nhan.json'), reviewDate: '20/05/2025' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/reviewDate — Ngày phải có dạng YYYY-MM-DD/);
    const early = await c.post('/api/v1/rules/check', { ...examples('cstdcs-ca-nhan.json'), reviewDate: '2019-01-01' });
    expect(early.status).toBe(400);
    expect(early.json.error.message).toMatch(/Không có bộ quy tắc nào có hiệu lực ngày 01\/01\/2019/);
    expect((await env().anonymous().post('/api/v1/rules/check', examples('cstdcs-ca-nhan.json'))).status).toBe(401);
  });

  it('thống kê khen thưởng còn hiệu lực theo danh hiệu, năm, loại đơn vị, giới tính', async () => {
    const c = await env().login('pdp.tdkt');
    const so = await env().login('so.tdkt');
    const db = env().deps.database.db;
    const school = await env().unitId('THPT-42-01');
    const soId = await env().unitId('SGDDT-42');
    const stats = async (client: TClient, unitId: string, q: string) => (await client.get(`/api/v1/award-stats?unitId=${unitId}&${q}`)).json as { items: { key: string; label: string; individual: number; collective: number; total: number }[] };
    const item = (r: Awaited<ReturnType<typeof stats>>, key: string) => r.items.find((i) => i.key === key) ?? { key, individual: 0, collective: 0, total: 0 };
    // The demo's ten years: the numbers are those of the records (valid awards of the school and its parts).
    const counted = await db.selectFrom('awards').select(['code', 'recipient_kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('unit_id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', school)).where('voided_at', 'is', null)
      .groupBy(['code', 'recipient_kind']).execute();
    const byTitle0 = await stats(c, school, 'groupBy=title');
    for (const r of counted) expect(item(byTitle0, r.code)[r.recipient_kind], `${r.code} ${r.recipient_kind}`).toBe(Number(r.n));
    expect(item(byTitle0, 'CSTDCS')).toMatchObject({ label: 'Chiến sĩ thi đua cơ sở', collective: 0 });
    expect(item(byTitle0, 'CSTDCS').individual).toBeGreaterThanOrEqual(2);
    const year0 = item(await stats(c, school, 'groupBy=year&fromYear=2024&toYear=2024'), '2024');
    const gender0 = await stats(c, school, 'groupBy=gender');
    const thpt0 = item(await stats(so, soId, 'groupBy=unitKind'), 'thpt');

    // One collective award recorded by hand counts; a voided one does not.
    const unit = await c.post('/api/v1/awards', { unitId: school, code: 'TTLDTT', schoolYear: 2024, decisionNumber: '77/QĐ-SGDĐT' });
    expect(unit.status).toBe(200);
    const voided = await c.post('/api/v1/awards', { personId: lanId, code: 'LDTT', schoolYear: 2022, decisionNumber: '9/QĐ-THPTPĐP' });
    expect(voided.status).toBe(200);
    await c.post(`/api/v1/awards/${voided.json.id}/void`, { reason: 'Nhập nhầm năm' });
    const byTitle = await stats(c, school, 'groupBy=title');
    expect(item(byTitle, 'TTLDTT').collective).toBe(item(byTitle0, 'TTLDTT').collective + 1);
    expect(item(byTitle, 'LDTT').individual).toBe(item(byTitle0, 'LDTT').individual);
    expect(item(byTitle, 'CSTDCS')).toMatchObject({ individual: item(byTitle0, 'CSTDCS').individual, total: item(byTitle0, 'CSTDCS').total });
    const byYear = await stats(c, school, 'groupBy=year&fromYear=2024&toYear=2024');
    expect(byYear.items.map((i) => i.key)).toEqual(['2024']);
    expect(byYear.items[0]).toMatchObject({ label: '2024-2025', individual: year0.individual, collective: year0.collective + 1, total: year0.total + 1 });
    const byGender = await stats(c, school, 'groupBy=gender');
    expect(item(byGender, 'nu')).toMatchObject({ label: 'Nữ', total: item(gender0, 'nu').total });
    expect(item(byGender, 'tap_the')).toMatchObject({ label: 'Tập thể', total: item(gender0, 'tap_the').total + 1 });
    expect(item(await stats(so, soId, 'groupBy=unitKind'), 'thpt').total).toBe(thpt0.total + 1);
    expect((await c.get(`/api/v1/award-stats?unitId=${school}&fromYear=2025&toYear=2020`)).status).toBe(400);
  });
});
