// Demo data of the assessment feature: the Sở's CCHC index assessment of "Cụm thi đua số 1 – các
// trường THPT" (a small table modelled on PAR INDEX), last year's published round for the charts,
// this year's round open with some self-assessments; reviewers, a council member and officers of
// two more schools as demo accounts.
import type { Database, Tx } from '../db/database';
import type { RoleCode } from '../db/schema';
import { writeAudit } from '../audit/audit';
import { newId, nowIso } from '../ids';
import { DEFAULT_BANDS, leavesOf, levelOfCode, parentCode } from './assessment-model';
import { findAssessment, loadCriteria } from './assessments.repository';
import { computeResults } from './compute-results';

export type TAssessmentDemoAccount = { username: string; role: RoleCode; unitName: string; description: string; fullName: string; unitId: string };

/** The small CCHC table (100 points, 4 groups) used by the demo, the tests and the browser test. */
export const DEMO_CCHC_CRITERIA = [
  { code: '1', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: 20 },
  { code: '1.1', name: 'Ban hành kế hoạch CCHC năm đúng hạn, đủ nội dung', maxPoints: 6, guidance: 'Đúng hạn, đủ nội dung: 6; chậm hạn: 3; không ban hành: 0', evidenceRequired: true, evidenceTypes: ['pdf', 'docx'] },
  { code: '1.2', name: 'Báo cáo CCHC định kỳ đầy đủ, đúng hạn', maxPoints: 6, guidance: 'Mỗi báo cáo chậm hạn trừ 1,5 điểm' },
  { code: '1.3', name: 'Tuyên truyền về cải cách hành chính', maxPoints: 8 },
  { code: '2', name: 'Thủ tục hành chính và chuyển đổi số', maxPoints: 40 },
  { code: '2.1', name: 'Tỷ lệ hồ sơ TTHC trình Sở giải quyết theo hình thức trực tuyến', maxPoints: 20, guidance: 'Trên 90%: 20 điểm; mỗi 10% thấp hơn trừ 4 điểm', indicatorCode: 'tthc_online_rate' },
  { code: '2.2', name: 'Hồ sơ TTHC giải quyết đúng hạn', maxPoints: 10 },
  { code: '2.3', name: 'Học bạ số, hồ sơ điện tử', maxPoints: 10, bonusPoints: 2, guidance: 'Thưởng tối đa 2 điểm khi triển khai trước thời hạn của Sở' },
  { code: '3', name: 'Tổ chức bộ máy và công vụ', maxPoints: 20 },
  { code: '3.1', name: 'Kỷ luật, kỷ cương hành chính', maxPoints: 10, penaltyPoints: 5, guidance: 'Có cán bộ bị kỷ luật: trừ đến 5 điểm' },
  { code: '3.2', name: 'Bồi dưỡng cán bộ, giáo viên, nhân viên', maxPoints: 10 },
  { code: '4', name: 'Tài chính công và sự hài lòng', maxPoints: 20 },
  { code: '4.1', name: 'Tự chủ tài chính, công khai ngân sách', maxPoints: 10 },
  { code: '4.2', name: 'Mức độ hài lòng của phụ huynh, người học', maxPoints: 10, indicatorCode: 'satisfaction_rate' },
];

async function insertCriteria(trx: Tx, assessmentId: string) {
  const ids = new Map(DEMO_CCHC_CRITERIA.map((c) => [c.code, newId()]));
  await trx.insertInto('assessment_criteria').values(DEMO_CCHC_CRITERIA.map((c, i) => ({
    id: ids.get(c.code)!, assessment_id: assessmentId, parent_id: parentCode(c.code) ? ids.get(parentCode(c.code)!)! : null, level: levelOfCode(c.code), code: c.code, name: c.name,
    max_points: c.maxPoints, bonus_points: c.bonusPoints ?? 0, penalty_points: c.penaltyPoints ?? 0, guidance: c.guidance ?? null, evidence_required: c.evidenceRequired ? 1 : 0,
    evidence_types: c.evidenceTypes ? JSON.stringify(c.evidenceTypes) : null, deadline: null, indicator_code: c.indicatorCode ?? null, sort_order: i + 1,
  }))).execute();
  return ids;
}

export async function seedAssessmentsDemo(database: Database, opts: { demoHash: string; currentYear: number; provinceCode: string }): Promise<TAssessmentDemoAccount[]> {
  const db = database.db;
  const P = opts.provinceCode;
  const unit = async (code: string) => (await db.selectFrom('units').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow());
  const so = await unit(`SGDDT-${P}`);
  const ts = await unit(`THPT-${P}-02`);
  const hht = await unit(`THPT-${P}-03`);
  const cluster = await db.selectFrom('clusters').select('id').where('owner_unit_id', '=', so.id).where('name', '=', 'Cụm thi đua số 1 – các trường THPT').executeTakeFirstOrThrow();
  const members = await db.selectFrom('cluster_members').innerJoin('units', 'units.id', 'cluster_members.unit_id').select(['units.id', 'units.code', 'units.province_code']).where('cluster_id', '=', cluster.id).orderBy('units.code').execute();
  const now = nowIso();
  const accounts: TAssessmentDemoAccount[] = [
    { username: 'so.thamdinh1', role: 'officer', unitId: so.id, unitName: so.name, fullName: 'Nguyễn Văn Bình', description: 'Chuyên viên Sở: thẩm định chỉ số CCHC' },
    { username: 'so.thamdinh2', role: 'officer', unitId: so.id, unitName: so.name, fullName: 'Lê Thị Mai', description: 'Chuyên viên Sở: thẩm định chỉ số CCHC' },
    { username: 'so.hoidong', role: 'council', unitId: so.id, unitName: so.name, fullName: 'Hoàng Văn Sơn', description: 'Thành viên Hội đồng TĐKT Sở: phê duyệt, công bố kết quả đánh giá' },
    { username: 'ts.tdkt', role: 'officer', unitId: ts.id, unitName: ts.name, fullName: 'Đặng Thị Thu', description: 'Cán bộ TĐKT trường: tự đánh giá chỉ số CCHC' },
    { username: 'hht.tdkt', role: 'officer', unitId: hht.id, unitName: hht.name, fullName: 'Bùi Văn Hùng', description: 'Cán bộ TĐKT trường: tự đánh giá chỉ số CCHC' },
  ];
  const tiers = [{ label: 'Chuyên viên tổng hợp', role: 'officer' }, { label: 'Giám đốc Sở', role: 'head' }];
  // A fixed pattern of scores per school (deterministic): last year all published, this year two units have started.
  const pattern = [[6, 6, 7, 18, 9, 9, 10, 8, 9, 8], [6, 4.5, 6, 20, 10, 8, 9, 9, 8, 9], [5, 6, 8, 16, 9, 10, 10, 9, 9, 8], [6, 6, 6, 14, 8, 7, 8, 8, 7, 7], [3, 4.5, 5, 12, 8, 6, 9, 7, 8, 6]];
  await db.transaction().execute(async (trx) => {
    for (const a of accounts) {
      const uid = newId();
      await trx.insertInto('users').values({ id: uid, username: a.username, full_name: a.fullName, email: null, password_hash: opts.demoHash, person_id: null, is_active: 1, must_change_password: 0, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now }).execute();
      await trx.insertInto('user_roles').values({ id: newId(), user_id: uid, role: a.role, unit_id: a.unitId, created_at: now }).execute();
    }
    for (const [year, state] of [[opts.currentYear - 1, 'published'], [opts.currentYear, 'self_assessment']] as const) {
      const id = newId();
      await trx.insertInto('assessments').values({
        id, province_code: P, owner_unit_id: so.id, series: 'cchc', name: `Đánh giá Chỉ số CCHC các trường THPT năm ${year}`, year, period_label: `Năm ${year}`, self_deadline: `${year + 1}-01-15`,
        state: 'draft', current_tier: 0, tiers_json: JSON.stringify(tiers), bands_json: JSON.stringify(DEFAULT_BANDS), tie_rules_json: JSON.stringify([{ criterionCode: '2' }]),
        nomination_rules_json: JSON.stringify([{ titleCode: 'GIAY_KHEN', top: 2 }, { titleCode: 'CO_THI_DUA', top: 1 }]), report_period_id: null, created_by: null, created_at: now, updated_at: now, published_at: null, published_by: null, nominated_at: null,
      }).execute();
      const ids = await insertCriteria(trx, id);
      await trx.insertInto('assessment_units').values(members.map((m) => ({ assessment_id: id, unit_id: m.id, cluster_id: cluster.id, province_code: m.province_code, self_state: 'draft' as const, submitted_at: null, submitted_by: null, self_total: null, final_total: null, band_code: null, rank: null }))).execute();
      const leaves = leavesOf(await loadCriteria(trx, id));
      const scoring = state === 'published' ? members : members.slice(0, 2);
      for (const [i, m] of scoring.entries()) {
        const row = pattern[i % pattern.length];
        await trx.insertInto('assessment_self_scores').values(leaves.map((c, k) => ({ id: newId(), assessment_id: id, unit_id: m.id, criterion_id: c.id, score: Math.min(row[k], c.maxPoints), explanation: 'Theo báo cáo CCHC năm của đơn vị', indicator_value: null, updated_by: null, updated_at: now }))).execute();
        const submitted = state === 'published' || i === 0;
        if (submitted) await trx.updateTable('assessment_units').set({ self_state: 'submitted', submitted_at: now, self_total: leaves.reduce((s, c, k) => s + Math.min(row[k], c.maxPoints), 0) }).where('assessment_id', '=', id).where('unit_id', '=', m.id).execute();
      }
      if (state === 'published') {
        const a = { ...(await findAssessment(trx, id)), state: 'approval' as const };
        const { results } = await computeResults(trx, a);
        for (const r of results) {
          await trx.insertInto('assessment_results').values(r.cells.map((c) => ({ assessment_id: id, unit_id: r.unitId, criterion_id: c.criterionId, self_score: c.self, final_score: c.final, reviewer_count: 0, reasons_json: '[]' }))).execute();
          await trx.updateTable('assessment_units').set({ final_total: r.total, band_code: r.bandCode, rank: r.rank }).where('assessment_id', '=', id).where('unit_id', '=', r.unitId).execute();
        }
        await trx.updateTable('assessments').set({ state: 'published', current_tier: tiers.length - 1, published_at: now }).where('id', '=', id).execute();
      } else {
        await trx.updateTable('assessments').set({ state: 'self_assessment' }).where('id', '=', id).execute();
        // Reviewers per group: both reviewers on groups 1–2, one each on 3 and 4.
        const r1 = (await trx.selectFrom('users').select('id').where('username', '=', 'so.thamdinh1').executeTakeFirstOrThrow()).id;
        const r2 = (await trx.selectFrom('users').select('id').where('username', '=', 'so.thamdinh2').executeTakeFirstOrThrow()).id;
        const assign = [['1', [r1, r2]], ['2', [r1, r2]], ['3', [r1]], ['4', [r2]]] as const;
        for (const [code, users] of assign) for (const u of users) await trx.insertInto('assessment_reviewers').values({ id: newId(), assessment_id: id, group_id: ids.get(code)!, user_id: u, created_at: now }).execute();
      }
      await writeAudit(trx, database.kind, { actorUserId: null, action: 'demo.seed', entityType: 'assessment', entityId: id, unitId: so.id, after: { year, state } });
    }
  });
  return accounts;
}
