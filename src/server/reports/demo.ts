// Demo data of the periodic reports: the Sở's CCHC plan (from the plan catalogue, in progress) with a
// quarterly CCHC report for its THPT schools; in the last finished quarter four schools sent (one
// late, one accepted), one was returned, the others (THPT 02, 03, 08–10) have not reported. Section III
// is fed by each school's outreach log (website posts, meetings, participants): the schools that sent
// logged their activities of that quarter first, so the roll-up sums them.
import type { TActor, TContext } from '../auth/access';
import type { Database } from '../db/database';
import { createPlanFromCatalogue } from '../plans/manage-plans';
import { createForm } from './forms';
import { openSubmission, returnReport, saveValues, submitReport, acceptReport } from './submissions';
import { addDays } from './periods';
import { createOutreach } from '../participation/outreach';

export const DEMO_REPORT_SECTIONS = [
  { title: 'I. Thủ tục hành chính, dịch vụ công trực tuyến', items: [
    { code: 'tthc_received' }, { code: 'tthc_on_time' }, { code: 'tthc_late' }, { code: 'tthc_online_full' }, { code: 'tthc_online_partial' },
    { code: 'tthc_paid_online' }, { code: 'tthc_on_time_rate', target: 100 }, { code: 'tthc_online_rate', target: 90 }, { code: 'tthc_online_full_rate' },
  ] },
  { title: 'II. Sự hài lòng, chuyển đổi số', items: [{ code: 'satisfaction_rate', target: 90 }, { code: 'cds_hoc_ba_so' }, { code: 'cds_ho_so_dien_tu_rate', target: 80 }] },
  { title: 'III. Thông tin, tuyên truyền (theo sổ tuyên truyền)', items: [{ code: 'tt_website_posts' }, { code: 'tt_meetings' }, { code: 'tt_meeting_participants' }] },
  { title: 'IV. Kết quả khác', items: [{ code: 'ket_qua_noi_bat', required: false }] },
];

export async function seedReportsDemo(database: Database, opts: { provinceCode: string; today: string }) {
  const db = database.db;
  const P = opts.provinceCode;
  const so = await db.selectFrom('units').select(['id']).where('code', '=', `SGDDT-${P}`).executeTakeFirst();
  const user = await db.selectFrom('users').select(['id', 'username', 'full_name']).where('username', '=', 'so.tdkt').executeTakeFirst();
  if (!so || !user) return;
  const actor: TActor = { userId: user.id, username: user.username, fullName: user.full_name, personId: null, roles: [{ role: 'officer', unitId: so.id }] };
  const ctx: TContext = { db, actor, kind: database.kind };
  const month = Number(opts.today.slice(5, 7));
  const schoolYear = Number(opts.today.slice(0, 4)) - (month >= 8 ? 0 : 1);
  const plan = await createPlanFromCatalogue(ctx, { unitId: so.id, code: 'cai-cach-hanh-chinh', schoolYear });
  await db.updateTable('plans').set({ state: 'in_progress', issued_date: plan.period_from, state_changed_at: plan.created_at }).where('id', '=', plan.id).execute();
  const form = await createForm(ctx, { planId: plan.id, title: 'Báo cáo kết quả công tác cải cách hành chính hằng quý', schedule: 'quarterly', dueDays: 10, sections: DEMO_REPORT_SECTIONS, unitKinds: ['thpt'] });
  const last = [...form.periods].reverse().find((p) => p.dueDate < opts.today);
  if (!last) return;
  // Schools 02 (ts.tdkt) and 03 (hht.tdkt) are left without a report, so a reminder and a late report can be shown.
  const schools = ['01', '04', '05', '06', '07'].map((n) => form.units.find((u) => u.code === `THPT-${P}-${n}`)).filter((u): u is NonNullable<typeof u> => !!u);
  const figures = [
    { r: 120, t: 118, l: 2, f: 96, p: 14, pay: 80, s: 97.5, hb: 1, hs: 92 },
    { r: 95, t: 95, l: 0, f: 80, p: 10, pay: 70, s: 95, hb: 1, hs: 88 },
    { r: 140, t: 130, l: 10, f: 90, p: 20, pay: 60, s: 91, hb: 1, hs: 75 },
    { r: 60, t: 60, l: 0, f: 40, p: 8, pay: 30, s: 93, hb: 0, hs: 70 },
    { r: 80, t: 75, l: 5, f: 50, p: 10, pay: 20, s: 88, hb: 1, hs: 65 },
  ];
  // Outreach of the quarter at the schools that report (their website posts and one meeting each).
  const outreach = [{ posts: 3, people: 86 }, { posts: 2, people: 60 }, { posts: 1, people: 45 }, { posts: 2, people: 70 }, { posts: 1, people: 52 }];
  for (let i = 0; i < Math.min(5, schools.length); i++) {
    const o = outreach[i];
    for (let k = 0; k < o.posts; k++) {
      await createOutreach(ctx, { unitId: schools[i].id, channel: 'website', activityDate: addDays(last.from, 12 + k * 25), title: ['Đăng tin kết quả tiếp nhận hồ sơ tuyển sinh trực tuyến', 'Giới thiệu dịch vụ công trực tuyến của trường trên website', 'Công khai thủ tục hành chính và quy trình giải quyết'][k], reach: 400 + 150 * k });
    }
    await createOutreach(ctx, { unitId: schools[i].id, channel: 'hoi_nghi', activityDate: addDays(last.from, 40), title: 'Hội nghị quán triệt kế hoạch cải cách hành chính, chuyển đổi số của trường', participants: o.people });
  }
  for (let i = 0; i < Math.min(5, schools.length); i++) {
    const f = figures[i];
    const sub = await openSubmission(ctx, { formId: form.id, periodId: last.id, unitId: schools[i].id }, last.opensOn);
    await saveValues(ctx, sub.id, { tthc_received: f.r, tthc_on_time: f.t, tthc_late: f.l, tthc_online_full: f.f, tthc_online_partial: f.p, tthc_paid_online: f.pay, satisfaction_rate: f.s, cds_hoc_ba_so: f.hb, cds_ho_so_dien_tu_rate: f.hs, ket_qua_noi_bat: i === 0 ? 'Triển khai học bạ số toàn trường; 100% hồ sơ tuyển sinh lớp 10 nhận trực tuyến.' : null });
    // The third school sent five days after the due date (late); the others on time.
    await submitReport(ctx, sub.id, i === 2 ? addDays(last.dueDate, 5) : addDays(last.dueDate, -2));
    if (i === 0) await acceptReport(ctx, sub.id);
    if (i === 4) await returnReport(ctx, sub.id, 'Số hồ sơ đúng hạn và quá hạn chưa khớp với phần mềm một cửa; đề nghị rà soát, gửi lại.');
  }
}
