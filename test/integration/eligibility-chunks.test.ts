import { expect, it } from 'vitest';
import { evaluateIndividual, suggestProposals } from '../../src/rules';
import type { TContext } from '../../src/server/auth/access';
import { newId } from '../../src/server/ids';
import { chooseRuleSet, listEligibility, loadPeopleFacts, presentVerdict, suggestionsFrom, type TEligibilityListQuery, type TPersonEligibility } from '../../src/server/rules/eligibility-service';
import { foldVietnamese } from '../../src/shared/vn';
import { describeOnBothDatabases } from './harness';

// Issue 8/9: the eligibility list is evaluated chunk by chunk, reading only the school years the rule set
// looks back on, and keeps only counters and the page. Its answer must be exactly the one-shot evaluation
// (every person, every year of history, every verdict built, then paged) — checked here with small chunks,
// on award history that lies inside, before and after the window.
const YEAR = 2025;
const REVIEW = '2026-05-31';

describeOnBothDatabases('xét điều kiện theo từng phần = xét một lần', (env) => {
  let ctx: TContext;
  let pdp = '';
  let so = '';
  let staff: { id: string; full_name: string; unit_id: string; province_code: string; sector_start_date: string | null }[] = [];

  /** The former listEligibility: load every person's whole history at once, evaluate all, then page. */
  async function oneShot(q: TEligibilityListQuery) {
    const db = env().deps.database.db;
    const { set, used } = await chooseRuleSet(db, q.reviewDate!);
    const all = Object.values(set.titles).filter((t) => t.criteria.individual).map((t) => t.code);
    const titles = q.title ? [q.title] : all;
    let people = db
      .selectFrom('people')
      .select('people.id')
      .where('people.unit_id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.unitId))
      .orderBy('people.name_search')
      .orderBy('people.id');
    if (q.q) people = people.where('people.name_search', 'like', `%${foldVietnamese(q.q)}%`);
    const ids = (await people.execute()).map((r) => r.id);
    const loaded = await loadPeopleFacts(db, env().kind, ids, { schoolYear: q.schoolYear!, reviewDate: q.reviewDate!, ruleSet: set, chunkSize: 100_000 });
    let rows: TPersonEligibility[] = loaded.map((l) => {
      const raw = titles.map((code) => evaluateIndividual(l.facts, code, set, q.schoolYear!, { on: q.reviewDate }));
      const suggestions =
        titles.length === all.length
          ? suggestionsFrom(raw, set)
          : suggestProposals(l.facts, set, q.schoolYear!, { on: q.reviewDate }).map((s) => ({ titleCode: s.titleCode, titleName: s.titleName, status: s.status, message: s.message }));
      return { personId: l.person.id, fullName: l.person.full_name, unitId: l.person.unit_id, unitName: l.person.unit_name, position: l.person.position, verdicts: raw.map((v) => presentVerdict(v, set)), suggestions };
    });
    const summary = titles.map((code) => {
      const of = rows.map((r) => r.verdicts.find((v) => v.titleCode === code)!.status);
      return {
        titleCode: code,
        titleName: set.titles[code].name,
        shortName: set.titles[code].shortName,
        eligible: of.filter((s) => s === 'eligible').length,
        needsReview: of.filter((s) => s === 'needs_review').length,
        notEligible: of.filter((s) => s === 'not_eligible').length,
      };
    });
    if (q.onlyEligible) rows = rows.filter((r) => r.verdicts.some((v) => v.eligible));
    return {
      schoolYear: q.schoolYear,
      reviewDate: q.reviewDate,
      ruleSet: used,
      titles: titles.map((code) => ({ code, name: set.titles[code].name, shortName: set.titles[code].shortName })),
      summary,
      items: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: rows.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  it('lịch sử khen thưởng nhiều năm (trong, trước và sau khoảng năm quy tắc cần) cho một trường', async () => {
    const db = env().deps.database.db;
    pdp = await env().unitId('THPT-42-01');
    so = await env().unitId('SGDDT-42');
    ctx = { db, kind: env().kind, actor: { userId: 'kiem-thu', username: 'kiem-thu', fullName: 'Kiểm thử', personId: null, roles: [{ role: 'admin', unitId: so }] } };
    staff = await db.selectFrom('people').select(['id', 'full_name', 'unit_id', 'province_code', 'sector_start_date']).where('unit_id', '=', pdp).orderBy('name_search').orderBy('id').execute();
    expect(staff.length).toBeGreaterThan(40);
    // The school's award history is replaced by the one below (the other schools keep the demo's).
    await db.deleteFrom('awards').where('person_id', 'in', staff.map((p) => p.id)).execute();
    const now = new Date().toISOString();
    const awards: Record<string, unknown>[] = [];
    const award = (p: (typeof staff)[number], code: string, year: number, extra: Record<string, unknown> = {}) =>
      awards.push({ id: newId(), province_code: p.province_code, person_id: p.id, unit_id: p.unit_id, recipient_kind: 'individual', code, name: code, school_year: year, decision_number: `${year}/QĐ-${code}`, decision_date: `${year + 1}-06-15`, thematic: 0, source: 'manual', dedupe_key: null, created_at: now, ...extra });
    const initiatives: Record<string, unknown>[] = [];
    const initiative = (p: (typeof staff)[number], year: number, level: string, status = 'recognised') =>
      initiatives.push({ id: newId(), province_code: p.province_code, unit_id: p.unit_id, person_id: p.id, title: `Sáng kiến ${level} ${year}`, summary: 'Tóm tắt', school_year: year, level, status, score_count: 0, created_at: now, updated_at: now });
    const ratings: Record<string, unknown>[] = [];
    // Earlier years of ratings where the demo has none: good for most, excellent for every other.
    const rated = new Set((await db.selectFrom('performance_ratings').select(['person_id', 'school_year']).where('person_id', 'in', staff.map((p) => p.id)).execute()).map((r) => `${r.person_id}|${r.school_year}`));
    staff.forEach((p, i) => {
      for (let y = 2016; y <= 2020; y += 1) if (!rated.has(`${p.id}|${y}`)) ratings.push({ id: newId(), person_id: p.id, school_year: y, rating: i % 2 === 0 ? 'htxsnv' : 'httnv', unit_id: p.unit_id, province_code: p.province_code });
    });
    // Two people with chosen facts; the others follow a pattern by their place in the list.
    const a = staff.find((p) => (p.sector_start_date ?? '9') < '2010')!;
    const b = staff.find((p) => p !== a)!;
    const others = staff.filter((p) => p !== a && p !== b);
    others.forEach((p, i) => {
      if (i % 3 === 0) {
        award(p, 'CSTDCS', 2023);
        award(p, 'CSTDCS', 2024, i % 9 === 3 ? { thematic: 1 } : {});
        award(p, 'LDTT', 2023);
        initiative(p, 2024, 'tinh');
      }
      if (i % 4 === 0) award(p, 'BK_TINH', 2012); // long before the window: Bằng khen Thủ tướng reads it
      if (i % 6 === 0) for (const y of [2019, 2021, 2022]) award(p, 'CSTDCS', y);
      if (i % 7 === 0) {
        award(p, 'CSTDCS', 2010); // outside the window and irrelevant
        award(p, 'BK_BO', 2027); // after the year considered: "chưa đủ 5 năm"
      }
      if (i % 8 === 0) award(p, 'KNC_GD', 2008); // once in a lifetime
      if (i % 10 === 0) {
        award(p, 'CSTD_TINH', i % 20 === 0 ? 2019 : 2022);
        initiative(p, 2020, 'toan_quoc');
        initiative(p, 2015, 'tinh');
      }
      if (i % 11 === 0) initiative(p, 2025, 'co_so', 'rejected');
    });
    // A: in the sector since before 2010, excellent every year, CSTĐCS 2021–2024, CSTĐ cấp tỉnh 2019 and
    // 2022, initiatives of provincial (2024) and national (2020) effect, a Bằng khen of the province in 2012,
    // the Kỷ niệm chương in 2008.
    for (const y of [2021, 2022, 2023, 2024]) {
      award(a, 'LDTT', y);
      award(a, 'CSTDCS', y);
    }
    for (const y of [2019, 2022]) award(a, 'CSTD_TINH', y);
    award(a, 'BK_TINH', 2012);
    award(a, 'KNC_GD', 2008);
    initiative(a, 2024, 'tinh');
    initiative(a, 2020, 'toan_quoc');
    // B: LĐTT 2025 already decided (a duplicate), and a voided CSTĐCS that must not count.
    award(b, 'LDTT', 2025);
    award(b, 'CSTDCS', 2025, { voided_at: now, void_reason: 'Nhập nhầm' });
    await db.insertInto('performance_ratings').values(ratings as never).execute();
    await db.updateTable('performance_ratings').set({ rating: 'htxsnv' }).where('person_id', '=', a.id).execute();
    await db.deleteFrom('disciplines').where('person_id', '=', a.id).execute();
    await db.insertInto('awards').values(awards as never).execute();
    await db.insertInto('initiatives').values(initiatives as never).execute();

    const res = await listEligibility(ctx, { unitId: pdp, schoolYear: YEAR, reviewDate: REVIEW, page: 1, pageSize: 200 }, { chunkSize: 7 });
    const v = (personId: string, code: string) => res.items.find((p) => p.personId === personId)!.verdicts.find((x) => x.titleCode === code)!;
    expect(v(a.id, 'CSTD_TINH').status).toBe('eligible');
    expect(v(a.id, 'CSTD_TQ').reasons.find((r) => r.code === 'hai_lan_cstd_tinh')!.message).toMatch(/^Có 2 lần CSTĐ cấp tỉnh trong năm học 2020-2021 – 2025-2026: 2022-2023, 2025-2026 \(đủ điều kiện, đề nghị cùng đợt\)$/);
    expect(v(a.id, 'BK_TTG').reasons.find((r) => r.code === 'da_co_bk_bo_tinh')).toMatchObject({ outcome: 'pass', message: 'Đã được tặng Bằng khen UBND tỉnh năm học 2012-2013' });
    expect(v(a.id, 'KNC_GD').reasons.find((r) => r.code === 'chua_duoc_tang_knc')).toMatchObject({ outcome: 'fail', message: 'Đã được tặng Kỷ niệm chương năm học 2008-2009 (chỉ tặng một lần)' });
    expect(v(b.id, 'LDTT').reasons.find((r) => r.code === 'trung_khen_thuong')!.message).toMatch(/^Đã được tặng LĐTT năm học 2025-2026 \(Quyết định số 2025\/QĐ-LDTT ngày 15\/06\/2026\): trùng khen thưởng$/);
    const bkbo = v(others[7].id, 'BK_TTG').reasons.find((r) => r.code === 'da_co_bk_bo_tinh')!;
    expect(bkbo.message).toBe('Bằng khen Bộ trưởng năm học 2027-2028: chưa đủ 5 năm tiếp theo tính đến năm học 2025-2026');
    expect(res.summary.find((s) => s.titleCode === 'CSTD_TINH')!.eligible).toBeGreaterThan(0);
    expect(res.total).toBe(staff.length);
  });

  it('một trường, phần 1, 7 và 2.000 người: đếm theo danh hiệu, tổng, từng trang, "chỉ người đủ điều kiện", lọc danh hiệu và tên đều bằng kết quả tính một lần', async () => {
    const base = { unitId: pdp, schoolYear: YEAR, reviewDate: REVIEW };
    const queries: TEligibilityListQuery[] = [
      { ...base, page: 1, pageSize: 25 },
      { ...base, page: 2, pageSize: 10 },
      { ...base, page: 5, pageSize: 13 },
      { ...base, page: 1, pageSize: 10, onlyEligible: true },
      { ...base, page: 3, pageSize: 4, onlyEligible: true },
      { ...base, page: 1, pageSize: 50, title: 'CSTD_TINH' },
      { ...base, page: 1, pageSize: 50, title: 'CSTDCS', onlyEligible: true },
      { ...base, page: 1, pageSize: 20, q: 'nguyen' },
      { ...base, page: 99, pageSize: 10 },
    ];
    for (const q of queries) {
      const expected = await oneShot(q);
      for (const chunkSize of [1, 7, 2000]) {
        expect(await listEligibility(ctx, q, { chunkSize }), `${JSON.stringify(q)} chunk ${chunkSize}`).toEqual(expected);
      }
    }
    const only = await oneShot(queries[3]);
    expect(only.total).toBeGreaterThan(10);
    expect(only.total).toBeLessThan(staff.length);
  });

  it('cả Sở (nhiều phần 97 người): đếm, tổng, trang đầu, trang cuối và "chỉ người đủ điều kiện" bằng kết quả tính một lần; API trả đúng như vậy', async () => {
    const base = { unitId: so, schoolYear: YEAR, reviewDate: REVIEW };
    const first = await oneShot({ ...base, page: 1, pageSize: 25 });
    expect(first.total).toBeGreaterThan(300);
    const lastPage = Math.ceil(first.total / 25);
    for (const q of [
      { ...base, page: 1, pageSize: 25 },
      { ...base, page: lastPage, pageSize: 25 },
      { ...base, page: 2, pageSize: 30, onlyEligible: true },
      { ...base, page: 1, pageSize: 10, title: 'CSTD_TQ', onlyEligible: true },
    ]) {
      expect(await listEligibility(ctx, q, { chunkSize: 97 }), JSON.stringify(q)).toEqual(await oneShot(q));
    }
    const c = await env().login('so.tdkt');
    const api = await c.get(`/api/v1/eligibility?unitId=${so}&schoolYear=${YEAR}&reviewDate=${REVIEW}&page=${lastPage}&pageSize=25`);
    expect(api.status).toBe(200);
    const expected = await oneShot({ ...base, page: lastPage, pageSize: 25 });
    expect(api.json.summary).toEqual(expected.summary);
    expect(api.json.total).toBe(expected.total);
    expect(api.json.items.map((p: { personId: string }) => p.personId)).toEqual(expected.items.map((p) => p.personId));
  });
});
