// Generator step: plans and periodic reports (migrations 0003, 0009).
//  - Plans: the Sở's annual emulation plan (thi-dua-nam-hoc) and its CCHC plan (cai-cach-hanh-chinh) for
//    the last three school years (closed) and this one (in progress), numbered in the Sở's register
//    (`n/KH-SGDĐT`), bodies built by the plan catalogue as the app does; every school's own plan for
//    this year implementing the Sở's (parent = the Sở's plan).
//  - The cascade of the Sở's plan of this year, as the app's cascadePlan writes it (mode 'kinds'): first to
//    the Sở's own schools (THPT, GDTX), due three weeks after issue, then to the schools it guides in the
//    communes, due a little after today; one task per school, each school's plan linked to its task. From a
//    separate random stream ('cascade'): past due ≈ 55 % issued on time, 20 % issued late, 12 % a draft only,
//    13 % nothing; not yet due ≈ 35 % issued, 35 % a draft, 30 % nothing; most late units reminded 1–3 times.
//    Bodies come from the plan catalogue, complete enough to render the Kế hoạch DOCX.
//  - Periodic reports: one quarterly CCHC report form per CCHC plan, answered by the Sở's schools (THPT,
//    GDTX) — four quarters per school year. Past quarters: ≈ 93 % sent, of them ≈ 80 % accepted, ≈ 7 %
//    returned with a reason, ≈ 10 % late; the rest never sent (no row) or a draft. The open quarter:
//    a third have a draft. Values are consistent (parts ≤ total; rates computed as the app computes them).
import type { TGenContext, TProvinceModel, TScaleStep, TUnitInfo } from './generate';
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
const minIso = (a: string, b: string) => (a < b ? a : b);
const maxIso = (a: string, b: string) => (a > b ? a : b);

/** The school's plan for its cascade task: issued (in progress) on a day, a draft, or none yet. */
type TChildPlan = { taskId: string; state: 'in_progress' | 'draft' | 'none'; issued: string | null; created: string };

/**
 * The cascade of the Sở's plan of this year as applyCascade writes it: two calls in mode 'kinds' (the Sở's
 * own schools, then the schools it guides in the communes), one task per active unit of those kinds, the
 * selection JSON as the app writes it; late units reminded (plan_reminders + the task's count). Returns what
 * each school's plan becomes. Draws only from the 'cascade' stream.
 */
async function writeCascade(ctx: TGenContext, m: TProvinceModel, rootPlanId: string, periodTo: string, issued: string): Promise<Map<string, TChildPlan>> {
  const rnd = m.random('cascade');
  const P = m.code;
  const out = new Map<string, TChildPlan>();
  const own = m.soSchools;
  const guided = m.schools.filter((s) => !own.includes(s));
  const firstDue = minIso(periodTo, addDaysIso(issued, 21));
  const laterOn = minIso(ctx.today, addDaysIso(issued, 30));
  const calls = [
    { units: own, on: addDaysIso(issued, 2), due: firstDue },
    { units: guided, on: maxIso(laterOn, addDaysIso(issued, 2)), due: minIso(periodTo, maxIso(addDaysIso(issued, 45), addDaysIso(ctx.today, 14))) },
  ];
  for (const call of calls) {
    if (!call.units.length) continue;
    const kinds = [...new Set(call.units.map((u) => u.kind))];
    const selection = JSON.stringify({ mode: 'kinds', unitKinds: kinds, withinUnitId: null, clusterId: null });
    const createdAt = at(call.on, rnd.int(0, 539));
    const past = call.due < ctx.today;
    // Outcomes dealt from a deck: one of each kind first (so that even a small province shows the whole mix),
    // the rest drawn by the proportions, shuffled.
    const kindsOf = past ? (['draft', 'on_time', 'none', 'late'] as const) : (['issued', 'draft', 'none'] as const);
    const weights = past ? [0.12, 0.55, 0.13, 0.2] : [0.35, 0.35, 0.3];
    const deck: string[] = kindsOf.slice(0, call.units.length);
    while (deck.length < call.units.length) {
      let d = rnd.next();
      let k = 0;
      while (k < weights.length - 1 && d >= weights[k]) { d -= weights[k]; k++; }
      deck.push(kindsOf[k]);
    }
    for (let i = deck.length - 1; i > 0; i--) { const j = rnd.int(0, i); [deck[i], deck[j]] = [deck[j], deck[i]]; }
    for (const [index, u] of call.units.entries()) {
      const taskId = ctx.id(TAG.plan_cascade_tasks, P);
      const outcome = deck[index];
      // Days between the task and the due date / today, for the school's own dates.
      const span = Math.max(1, Math.round((Date.parse(call.due) - Date.parse(call.on)) / 86_400_000));
      const sinceDue = Math.max(1, Math.round((Date.parse(ctx.today) - Date.parse(call.due)) / 86_400_000));
      const sinceTask = Math.max(0, Math.round((Date.parse(ctx.today) - Date.parse(call.on)) / 86_400_000));
      let child: TChildPlan;
      if (outcome === 'on_time') child = { taskId, state: 'in_progress', issued: addDaysIso(call.due, -rnd.int(0, Math.min(span, 10))), created: '' };
      else if (outcome === 'late') child = { taskId, state: 'in_progress', issued: minIso(ctx.today, addDaysIso(call.due, rnd.int(1, Math.min(sinceDue, 30)))), created: '' };
      else if (outcome === 'issued' && sinceTask >= 2) child = { taskId, state: 'in_progress', issued: addDaysIso(call.on, rnd.int(2, sinceTask)), created: '' };
      else if (outcome === 'none') child = { taskId, state: 'none', issued: null, created: '' };
      else child = { taskId, state: 'draft', issued: null, created: '' };
      // The school drafts its plan a few days after being assigned (and before issuing it).
      const draftedOn = child.issued ? minIso(addDaysIso(child.issued, -1), addDaysIso(call.on, rnd.int(0, 5))) : minIso(ctx.today, addDaysIso(call.on, rnd.int(1, 10)));
      child.created = at(draftedOn, rnd.int(0, 539));
      out.set(u.id, child);
      // Reminders: a unit that missed the due date (issued late or not yet) is usually reminded, once a week or so.
      const lateUntil = past && child.state !== 'none' && child.issued && child.issued <= call.due ? null : past ? (child.issued ?? ctx.today) : null;
      const reminders: { at: string; source: string; recipients: number }[] = [];
      if (lateUntil && rnd.next() < 0.75) {
        const n = rnd.int(1, 3);
        for (let k = 0; k < n; k++) {
          const day = addDaysIso(call.due, 1 + k * 7);
          if (day > lateUntil || day > ctx.today) break;
          reminders.push({ at: at(day, 0), source: k === 0 && rnd.next() < 0.3 ? 'manual' : 'job', recipients: rnd.int(1, 2) });
        }
      }
      // The task before its reminders (foreign key; the writer flushes tables in the order they were first used).
      await ctx.write(T.plan_cascade_tasks, [taskId, rootPlanId, u.id, P, call.due, selection, reminders.length, reminders.at(-1)?.at ?? null, null, createdAt]);
      for (const r of reminders) await ctx.write(T.plan_reminders, [ctx.id(TAG.plan_reminders, P), rootPlanId, taskId, u.id, P, r.source, r.recipients, null, null, r.at]);
    }
  }
  return out;
}

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
    const issuedOf = new Map<string, string>();
    const writePlan = async (u: TUnitInfo, parentName: string | null, code: string, year: number, parentPlanId: string | null, symbolAbbr: string | null, signer: string | null, signerTitle: string, child?: TChildPlan) => {
      const entry = findCatalogueEntry(code)!;
      const period = entry.period(year);
      const body = entry.build(unitOf(u, parentName), year);
      const id = ctx.id(TAG.plans, P);
      // The step's own draws happen whatever the child plan becomes, so the other tables keep their data.
      const issuedDrawn = addDaysIso(period.from, -rnd.int(1, 4));
      const n = symbolAbbr ? docNo++ : null;
      const symbol = symbolAbbr ? `KH-${symbolAbbr}` : null;
      const title = planTitle(entry.kind, entry.movementName, year);
      const createdDrawn = at(addDaysIso(issuedDrawn, -7), rnd.int(0, 539));
      if (!child) issuedOf.set(id, issuedDrawn);
      if (child?.state === 'none') return id;
      const state = child ? child.state : year < Y ? 'closed' : 'in_progress';
      const issued = child ? child.issued : issuedDrawn;
      const created = child ? child.created : createdDrawn;
      const changed = year < Y ? at(period.to, 600) : issued ? at(issued, 600) : created;
      await ctx.write(T.plans, [
        id, u.id, P, entry.kind, title, foldVietnamese(title), entry.movementName, year, period.from, period.to, state, entry.code, parentPlanId,
        child?.taskId ?? null, null, id, 1, null, n, symbol, n !== null ? `${u.id}|${issued!.slice(0, 4)}|${n}/${symbol}` : null, issued, issued ? signer : null, issued ? signerTitle : null, null,
        null, JSON.stringify(body), null, created, created, changed,
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
    const children = await writeCascade(ctx, m, current, findCatalogueEntry('thi-dua-nam-hoc')!.period(Y).to, issuedOf.get(current)!);
    for (const s of m.schools) {
      await writePlan(s, m.so.name, 'thi-dua-nam-hoc', Y, current, null, headOf.get(s.id) ?? null, s.kind === 'gdtx' ? 'GIÁM ĐỐC' : 'HIỆU TRƯỞNG', children.get(s.id));
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
