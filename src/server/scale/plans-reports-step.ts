// Generator step: plans and periodic reports (migrations 0003, 0009).
//  - Plans: the Sở's annual emulation plan (thi-dua-nam-hoc) and its CCHC plan (cai-cach-hanh-chinh) for
//    the last three school years (closed) and this one (in progress), numbered in the Sở's register
//    (`n/KH-SGDĐT`), bodies built by the plan catalogue as the app does; every school's own plan for
//    this year implementing the Sở's (in progress, parent = the Sở's plan).
//  - Periodic reports: one quarterly CCHC report form per CCHC plan, answered by the Sở's schools (THPT,
//    GDTX) — four quarters per school year. Past quarters: ≈ 93 % sent, of them ≈ 80 % accepted, ≈ 7 %
//    returned with a reason, ≈ 10 % late; the rest never sent (no row) or a draft. The open quarter:
//    a third have a draft. Values are consistent (parts ≤ total; rates computed as the app computes them).
import type { TScaleStep, TUnitInfo } from './generate';
import { FEATURE_TABLES as T, FEATURE_TAGS as TAG, addDaysIso, at, featureState } from './feature-tables';
import { findCatalogueEntry, planTitle, type TCatalogueUnit } from '../plans/plan-catalogue';
import { periodsFor } from '../reports/periods';
import { DEMO_REPORT_SECTIONS } from '../reports/demo';
import { foldVietnamese } from '../../shared/vn';
import { TO_BY_KIND } from './plan';

const RETURN_REASONS = [
  'Số hồ sơ đúng hạn và quá hạn chưa khớp với phần mềm một cửa; đề nghị rà soát, gửi lại.',
  'Thiếu số liệu hồ sơ thanh toán trực tuyến; đề nghị bổ sung.',
  'Tỷ lệ hài lòng chưa có căn cứ khảo sát; đề nghị gửi kèm kết quả khảo sát.',
];
const HIGHLIGHTS = [
  'Triển khai học bạ số toàn trường; 100% hồ sơ tuyển sinh lớp 10 nhận trực tuyến.',
  'Niêm yết công khai thủ tục hành chính tại bảng tin và website của trường.',
  'Thu học phí không dùng tiền mặt đạt trên 95%.',
];

const round2 = (n: number) => Math.round(n * 100) / 100;

export const plansReportsStep: TScaleStep = {
  name: 'plans-reports',
  async perProvince(ctx, m) {
    const rnd = m.random('plans-reports');
    const P = m.code;
    const fs = featureState(m);
    const Y = ctx.currentYear;
    const director = m.people.find((p) => p.unitId === m.so.id);
    const place = m.plan.name;
    const unitOf = (u: TUnitInfo, parentName: string | null): TCatalogueUnit => ({ name: u.name, kind: u.kind, parentName, place, groups: TO_BY_KIND[u.kind] ?? [] });
    let docNo = rnd.int(20, 60);
    const writePlan = async (u: TUnitInfo, parentName: string | null, code: string, year: number, parentPlanId: string | null, symbolAbbr: string | null, signer: string | null, signerTitle: string) => {
      const entry = findCatalogueEntry(code)!;
      const period = entry.period(year);
      const body = entry.build(unitOf(u, parentName), year);
      const id = ctx.id(TAG.plans, P);
      const state = year < Y ? 'closed' : 'in_progress';
      const issued = addDaysIso(period.from, -rnd.int(1, 4));
      const n = symbolAbbr ? docNo++ : null;
      const symbol = symbolAbbr ? `KH-${symbolAbbr}` : null;
      const title = planTitle(entry.kind, entry.movementName, year);
      const created = at(addDaysIso(issued, -7), rnd.int(0, 539));
      await ctx.write(T.plans, [
        id, u.id, P, entry.kind, title, foldVietnamese(title), entry.movementName, year, period.from, period.to, state, entry.code, parentPlanId,
        null, null, id, 1, null, n, symbol, n !== null ? `${u.id}|${issued.slice(0, 4)}|${n}/${symbol}` : null, issued, signer, signerTitle, null,
        null, JSON.stringify(body), null, created, created, at(year < Y ? period.to : issued, 600),
      ]);
      return id;
    };
    for (let y = Y - 3; y <= Y; y++) {
      fs.soPlans.set(y, await writePlan(m.so, m.ubndTinh.name, 'thi-dua-nam-hoc', y, null, 'SGDĐT', director?.fullName ?? null, 'GIÁM ĐỐC'));
      fs.cchcPlans.set(y, await writePlan(m.so, m.ubndTinh.name, 'cai-cach-hanh-chinh', y, null, 'SGDĐT', director?.fullName ?? null, 'GIÁM ĐỐC'));
    }
    // Each school's plan for this year, implementing the Sở's (not numbered in a register here).
    const headOf = new Map<string, string>();
    for (const p of m.people) if (!headOf.has(p.unitId)) headOf.set(p.unitId, p.fullName);
    const current = fs.soPlans.get(Y)!;
    for (const s of m.schools) {
      await writePlan(s, m.so.name, 'thi-dua-nam-hoc', Y, current, null, headOf.get(s.id) ?? null, s.kind === 'gdtx' ? 'GIÁM ĐỐC' : 'HIỆU TRƯỞNG');
      ctx.tick(m.plan.name);
    }

    // Quarterly CCHC report of the Sở's schools, for each CCHC plan.
    const sections = JSON.stringify(DEMO_REPORT_SECTIONS);
    const respondents = m.soSchools;
    if (!respondents.length) return;
    for (let y = Y - 3; y <= Y; y++) {
      const planId = fs.cchcPlans.get(y)!;
      const entry = findCatalogueEntry('cai-cach-hanh-chinh')!;
      const period = entry.period(y);
      const formId = ctx.id(TAG.report_forms, P);
      const created = at(addDaysIso(period.from, 3), rnd.int(0, 539));
      await ctx.write(T.report_forms, [formId, planId, m.so.id, P, 'Báo cáo kết quả công tác cải cách hành chính hằng quý', 'quarterly', 10, sections, null, created, created]);
      for (const s of respondents) await ctx.write(T.report_form_units, [formId, s.id, P]);
      for (const p of periodsFor('quarterly', period.from, period.to, 10)) {
        const periodId = ctx.id(TAG.report_periods, P);
        await ctx.write(T.report_periods, [periodId, formId, P, p.kind, p.label, p.from, p.to, p.opensOn, p.dueDate, created]);
        if (p.opensOn > ctx.today) continue;
        const past = p.dueDate < ctx.today;
        for (const s of respondents) {
          const draw = rnd.next();
          let state: string;
          if (past) state = draw < 0.03 ? 'none' : draw < 0.07 ? 'draft' : draw < 0.14 ? 'returned' : draw < 0.27 ? 'submitted' : 'accepted';
          else state = draw < 0.35 ? 'draft' : draw < 0.5 && p.dueDate >= ctx.today ? 'submitted' : 'none';
          if (state === 'none') continue;
          const late = past && state !== 'draft' && rnd.next() < 0.1;
          const sentOn = state === 'draft' ? null : addDaysIso(p.dueDate, late ? rnd.int(1, 12) : -rnd.int(0, 9));
          const sentAt = sentOn ? at(sentOn < ctx.today ? sentOn : ctx.today, rnd.int(0, 539)) : null;
          const decided = state === 'accepted' || state === 'returned' ? at(addDaysIso(sentOn!, rnd.int(1, 6)), rnd.int(0, 539)) : null;
          const createdAt = at(p.dueDate > ctx.today ? ctx.today : addDaysIso(p.dueDate, -rnd.int(10, 20)), rnd.int(0, 539));
          const subId = ctx.id(TAG.report_submissions, P);
          await ctx.write(T.report_submissions, [subId, formId, periodId, s.id, P, state, late ? 1 : 0, sentAt, null, decided, null,
            state === 'returned' ? rnd.pick(RETURN_REASONS) : null, 1, null, createdAt, decided ?? sentAt ?? createdAt]);
          // Figures of the quarter: parts never exceed the total.
          const size = s.kind === 'thpt' ? 1 : 0.5;
          const received = Math.max(5, Math.round(rnd.int(40, 160) * size));
          const late_ = rnd.next() < 0.6 ? 0 : rnd.int(1, Math.max(1, Math.round(received * 0.08)));
          const onTime = received - late_;
          const full = Math.round(received * (0.45 + rnd.next() * 0.45));
          const partial = Math.min(received - full, Math.round(received * rnd.next() * 0.2));
          const paid = Math.round(received * (0.2 + rnd.next() * 0.6));
          const num: Record<string, number> = {
            tthc_received: received, tthc_on_time: onTime, tthc_late: late_, tthc_online_full: full, tthc_online_partial: partial, tthc_paid_online: paid,
            tthc_on_time_rate: round2((onTime / received) * 100), tthc_online_rate: round2(((full + partial) / received) * 100), tthc_online_full_rate: round2((full / received) * 100),
            satisfaction_rate: round2(82 + rnd.next() * 17), cds_hoc_ba_so: rnd.next() < 0.8 ? 1 : 0, cds_ho_so_dien_tu_rate: round2(50 + rnd.next() * 50),
          };
          const stamp = decided ?? sentAt ?? createdAt;
          for (const [code, v] of Object.entries(num)) await ctx.write(T.report_values, [ctx.id(TAG.report_values, P), subId, formId, periodId, s.id, P, code, v, null, stamp]);
          if (rnd.next() < 0.3) await ctx.write(T.report_values, [ctx.id(TAG.report_values, P), subId, formId, periodId, s.id, P, 'ket_qua_noi_bat', null, rnd.pick(HIGHLIGHTS), stamp]);
        }
      }
      ctx.tick(m.plan.name);
    }
  },
};
