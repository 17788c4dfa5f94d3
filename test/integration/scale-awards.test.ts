// The generator's award history (ten school years) agrees with the generated ratings and with the law's
// order of titles, so eligibility and award statistics read plausible facts; on both databases.
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateData } from '../../src/server/scale/generate';
import { historyAmounts } from '../../src/server/scale/award-history';
import { ADMIN_PASSWORD, DEMO_PASSWORD, describeOnBothDatabases } from './harness';

const TODAY = '2026-11-23';

describeOnBothDatabases('sinh dữ liệu: lịch sử khen thưởng mười năm', (env) => {
  it('khen thưởng khớp xếp loại, CSTĐCS kèm LĐTT, CSTĐ tỉnh sau ba năm CSTĐCS liên tục; tiền thưởng theo lương cơ sở', async () => {
    const e = env();
    const res = await generateData({ database: e.deps.database, databaseUrl: e.config.DATABASE_URL, scale: 'school', seed: 5, force: true, password: DEMO_PASSWORD, adminPassword: ADMIN_PASSWORD, today: TODAY });
    const { db } = e.deps.database;
    const people = Number((await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(res.counts.awards).toBeGreaterThan(people * 5); // most staff: LĐTT most years
    const byCode = Object.fromEntries((await db.selectFrom('awards').select(['code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('code').execute()).map((r) => [r.code, Number(r.n)]));
    expect(byCode.LDTT).toBeGreaterThan(byCode.CSTDCS * 3);
    expect(byCode.TTLDTT).toBeGreaterThan(0);
    const years = await db.selectFrom('awards').select(['school_year']).distinct().orderBy('school_year').execute();
    expect(years.map((y) => y.school_year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);

    // Every individual title sits on a rating of HTTNV or better the same year.
    const badRating = await sql<{ n: number }>`select count(*) as n from awards a left join performance_ratings r on r.person_id = a.person_id and r.school_year = a.school_year
      where a.code in ('LDTT', 'CSTDCS') and (r.rating is null or r.rating not in ('httnv', 'htxsnv'))`.execute(db);
    expect(Number(badRating.rows[0].n)).toBe(0);
    const cstdWithoutXs = await sql<{ n: number }>`select count(*) as n from awards a join performance_ratings r on r.person_id = a.person_id and r.school_year = a.school_year where a.code = 'CSTDCS' and r.rating <> 'htxsnv'`.execute(db);
    expect(Number(cstdWithoutXs.rows[0].n)).toBe(0);
    const cstdWithoutLdtt = await sql<{ n: number }>`select count(*) as n from awards a where a.code = 'CSTDCS' and not exists (select 1 from awards b where b.person_id = a.person_id and b.school_year = a.school_year and b.code = 'LDTT')`.execute(db);
    expect(Number(cstdWithoutLdtt.rows[0].n)).toBe(0);
    const tinhWithoutStreak = await sql<{ n: number }>`select count(*) as n from awards a where a.code = 'CSTD_TINH' and (select count(*) from awards b where b.person_id = a.person_id and b.code = 'CSTDCS' and b.school_year between a.school_year - 2 and a.school_year) < 3`.execute(db);
    expect(Number(tinhWithoutStreak.rows[0].n)).toBe(0);

    // Paid at the lương cơ sở of the decision date; LĐTT not paid in a year with a CSTĐCS (only the highest title is paid).
    const sample = await db.selectFrom('awards').select(['code', 'amount', 'decision_date', 'decision_number', 'authority', 'recipient_kind', 'dedupe_key']).where('code', '=', 'LDTT').where('school_year', '=', 2024).where('amount', 'is not', null).executeTakeFirstOrThrow();
    expect(sample.decision_date).toBe('2025-06-05');
    // computePayout with the rule set of that date (NĐ 98/2023: amounts printed unrounded): 0,3 × 2.340.000.
    expect(Number(sample.amount)).toBe(702_000);
    // NĐ 152/2025 rounds up to 10.000 đ; only the highest danh hiệu of one date is paid; older decisions use the lương cơ sở of their date.
    expect(historyAmounts('individual', 2025, [{ code: 'LDTT', decisionDate: '2026-07-01' }, { code: 'CSTDCS', decisionDate: '2026-07-01' }])).toEqual([null, 2_530_000]);
    expect(historyAmounts('individual', 2025, [{ code: 'LDTT', decisionDate: '2026-07-01' }])).toEqual([760_000]);
    const old = await db.selectFrom('awards').select(['amount']).where('code', '=', 'LDTT').where('school_year', '=', 2016).where('amount', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(old.amount)).toBe(363_000); // 0,3 × 1.210.000 (NĐ 47/2016) on 05/06/2017
    expect(sample.decision_number).toMatch(/^\d+\/QĐ-/);
    expect(sample.authority).toMatch(/^(Hiệu trưởng|Giám đốc|Chủ tịch|Chủ nhóm) /);
    const paidTwice = await sql<{ n: number }>`select count(*) as n from awards a join awards b on b.person_id = a.person_id and b.school_year = a.school_year and b.code = 'CSTDCS' where a.code = 'LDTT' and a.amount is not null`.execute(db);
    expect(Number(paidTwice.rows[0].n)).toBe(0);
    const keys = await sql<{ n: number; d: number }>`select count(*) as n, count(distinct dedupe_key) as d from awards`.execute(db);
    expect(Number(keys.rows[0].d)).toBe(Number(keys.rows[0].n));

    // The award statistics API reads them (Sở admin, whole province).
    const so = await e.login('so42.admin', DEMO_PASSWORD);
    const soId = await e.unitId('SGDDT-42');
    const stats = await so.get(`/api/v1/award-stats?unitId=${soId}&groupBy=title`);
    expect(stats.status).toBe(200);
    expect(JSON.stringify(stats.json)).toContain('LDTT');
  });
});
