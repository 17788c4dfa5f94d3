// The generator's steps for the newer features (plans and periodic reports, participation, nominations,
// bình xét with secret ballots, dossiers and decisions, unit assessments) at school scale, on both
// databases: the rows exist, agree with each other and with the app's own rules (tally = ballots, result
// = evaluateVote of the session's rule set, money = computeBonus), and the app's read endpoints list them
// for the Sở's officer.
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateData } from '../../src/server/scale/generate';
import { tallyBallots } from '../../src/server/reviews/sessions';
import { loadRuleSetVersion } from '../../src/server/rules/rule-sets';
import { evaluateVote } from '../../src/rules';
import { taskStatus } from '../../src/server/plans/cascade';
import { ADMIN_PASSWORD, DEMO_PASSWORD, describeOnBothDatabases, documentText, download } from './harness';

const TODAY = '2026-11-23';
const n = (v: unknown) => Number(v);

describeOnBothDatabases('sinh dữ liệu: kế hoạch, báo cáo, đăng ký, bình xét, hồ sơ, đánh giá', (env) => {
  const count = async (q: string) => n((await sql<{ n: number }>`${sql.raw(q)}`.execute(env().deps.database.db)).rows[0].n);

  it('mỗi bảng của các chức năng mới có dữ liệu; cùng seed cho cùng số dòng', async () => {
    const e = env();
    const run = () => generateData({ database: e.deps.database, databaseUrl: e.config.DATABASE_URL, scale: 'school', seed: 9, force: true, password: DEMO_PASSWORD, adminPassword: ADMIN_PASSWORD, today: TODAY });
    const first = await run();
    for (const t of ['plans', 'report_forms', 'report_periods', 'report_submissions', 'report_values', 'registrations', 'pacts', 'pact_signatures', 'initiatives', 'outreach_entries', 'exemplars',
      'nominations', 'review_sessions', 'review_members', 'review_candidates', 'review_ballots', 'review_participation', 'dossiers', 'dossier_items', 'dossier_events', 'decisions', 'decision_lines',
      'assessments', 'assessment_criteria', 'assessment_units', 'assessment_self_scores', 'assessment_results', 'plan_cascade_tasks']) {
      expect(first.counts[t], t).toBeGreaterThan(0);
      expect(await count(`select count(*) as n from ${t}`), t).toBe(first.counts[t]);
    }
    // 5 schools (THPT, MN, TH, THCS, nhóm trẻ) × 3 years of bình xét (2023–2025), the nhóm trẻ only when it has 3 staff.
    expect(first.counts.review_sessions).toBeGreaterThanOrEqual(12);
    const again = await run();
    // The first run reused the Bộ of the first boot; the second (after --force emptied everything) wrote it.
    const without = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([k]) => !['units', 'unit_closure', 'unit_events'].includes(k)));
    expect(without(again.counts)).toEqual(without(first.counts));
    expect(again.counts.units).toBe(first.counts.units + 1);
  });

  it('kế hoạch và báo cáo định kỳ: đơn vị báo cáo thuộc đơn vị ban hành kế hoạch, số liệu khớp, nộp muộn đúng hạn', async () => {
    const db = env().deps.database.db;
    // Every submission's unit is a respondent of its form and lies under the form's plan's unit.
    expect(await count(`select count(*) as n from report_submissions s join report_forms f on f.id = s.form_id join plans p on p.id = f.plan_id
      where not exists (select 1 from unit_closure c where c.ancestor_id = p.unit_id and c.descendant_id = s.unit_id and c.depth > 0)
         or not exists (select 1 from report_form_units u where u.form_id = s.form_id and u.unit_id = s.unit_id)`)).toBe(0);
    // Late only if sent after the due date; every value's submission belongs to the same period and unit.
    expect(await count(`select count(*) as n from report_submissions s join report_periods p on p.id = s.period_id where s.late = 1 and substr(s.submitted_at, 1, 10) <= p.due_date`)).toBe(0);
    expect(await count(`select count(*) as n from report_submissions s join report_periods p on p.id = s.period_id where s.state <> 'draft' and s.late = 0 and substr(s.submitted_at, 1, 10) > p.due_date`)).toBe(0);
    expect(await count(`select count(*) as n from report_values v join report_submissions s on s.id = v.submission_id where v.unit_id <> s.unit_id or v.period_id <> s.period_id`)).toBe(0);
    const figures = await sql<{ r: number; t: number; l: number; rate: number }>`select
        max(case when indicator_code = 'tthc_received' then value_num end) as r, max(case when indicator_code = 'tthc_on_time' then value_num end) as t,
        max(case when indicator_code = 'tthc_late' then value_num end) as l, max(case when indicator_code = 'tthc_on_time_rate' then value_num end) as rate
      from report_values group by submission_id`.execute(db);
    expect(figures.rows.length).toBeGreaterThan(4);
    for (const f of figures.rows) {
      expect(n(f.t) + n(f.l)).toBe(n(f.r));
      expect(n(f.rate)).toBeCloseTo((n(f.t) / n(f.r)) * 100, 1);
    }
    const states = await db.selectFrom('report_submissions').select('state').distinct().execute();
    for (const s of states) expect(['draft', 'submitted', 'accepted', 'returned']).toContain(s.state);
    expect(await count(`select count(*) as n from report_submissions where state = 'returned' and return_reason is null`)).toBe(0);
    // The Sở's plans: three closed years and this one in progress, numbered without duplicates; schools implement this year's.
    const so = await db.selectFrom('plans').innerJoin('units', 'units.id', 'plans.unit_id').select(['plans.state', 'plans.school_year', 'plans.doc_number_key']).where('units.kind', '=', 'so').execute();
    expect(so.filter((p) => p.state === 'in_progress').map((p) => p.school_year)).toEqual([2026, 2026]);
    expect(so.filter((p) => p.state === 'closed')).toHaveLength(6);
    expect(new Set(so.map((p) => p.doc_number_key)).size).toBe(8);
    expect(await count(`select count(*) as n from plans c join plans p on p.id = c.parent_plan_id where not exists (select 1 from unit_closure u where u.ancestor_id = p.unit_id and u.descendant_id = c.unit_id and u.depth > 0)`)).toBe(0);
  });

  it('giao triển khai kế hoạch của Sở: bảng theo dõi qua API đủ mọi trường, đủ các trạng thái; kế hoạch của trường trỏ về nhiệm vụ của mình; DOCX', async () => {
    const e = env();
    const db = e.deps.database.db;
    const soId = await e.unitId('SGDDT-42');
    const plan = await db.selectFrom('plans').selectAll().where('unit_id', '=', soId).where('state', '=', 'in_progress').where('catalogue_code', '=', 'thi-dua-nam-hoc').executeTakeFirstOrThrow();
    const tasks = await db.selectFrom('plan_cascade_tasks').selectAll().where('plan_id', '=', plan.root_plan_id).execute();
    // One task per school of the province (every school writes a plan implementing the Sở's), none for other plans.
    const schools = await db.selectFrom('plans').select('unit_id').where('parent_plan_id', '=', plan.id).execute();
    expect(tasks.length).toBeGreaterThanOrEqual(4);
    expect(await count(`select count(*) as n from plan_cascade_tasks`)).toBe(tasks.length);
    expect(new Set(tasks.map((t) => t.unit_id)).size).toBe(tasks.length);
    for (const t of tasks) {
      expect(JSON.parse(t.selection)).toMatchObject({ mode: 'kinds', withinUnitId: null, clusterId: null });
      expect(JSON.parse(t.selection).unitKinds).toContain((await db.selectFrom('units').select('kind').where('id', '=', t.unit_id).executeTakeFirstOrThrow()).kind);
      expect(t.due_date >= plan.issued_date! && t.due_date <= plan.period_to).toBe(true);
      expect(n(t.reminder_count)).toBe(await count(`select count(*) as n from plan_reminders where task_id = '${t.id}'`));
    }
    // Every school plan with a task points at its own task (same unit, same root plan) and its parent is the Sở's plan.
    expect(await count(`select count(*) as n from plans p join plan_cascade_tasks t on t.id = p.cascade_task_id where t.unit_id <> p.unit_id or t.plan_id <> '${plan.root_plan_id}' or p.parent_plan_id <> '${plan.id}' or p.root_plan_id <> p.id`)).toBe(0);
    expect(await count(`select count(*) as n from plans where parent_plan_id = '${plan.id}' and cascade_task_id is null`)).toBe(0);
    expect(schools.every((s) => tasks.some((t) => t.unit_id === s.unit_id))).toBe(true);
    // Issued ones carry an issue date; drafts none.
    expect(await count(`select count(*) as n from plans where cascade_task_id is not null and ((state = 'draft') = (issued_date is not null))`)).toBe(0);
    // On the generator's day the board shows the whole mix: issued, drafting, not started and overdue.
    const children = await db.selectFrom('plans').select(['cascade_task_id', 'state', 'issued_date']).where('cascade_task_id', 'is not', null).execute();
    const statusOn = (t: (typeof tasks)[number], day: string) => taskStatus(t.due_date, children.filter((c) => c.cascade_task_id === t.id), day);
    expect(new Set(tasks.map((t) => statusOn(t, TODAY)))).toEqual(new Set(['issued', 'drafting', 'not_started', 'overdue']));
    // Issued on time and issued late (after the due date) both occur among the tasks already due.
    const issuedDay = (t: (typeof tasks)[number]) => children.find((c) => c.cascade_task_id === t.id && c.issued_date)?.issued_date ?? null;
    const due = tasks.filter((t) => t.due_date < TODAY);
    if (due.length >= 4) {
      expect(due.some((t) => issuedDay(t) && issuedDay(t)! <= t.due_date)).toBe(true);
      expect(due.some((t) => issuedDay(t) && issuedDay(t)! > t.due_date)).toBe(true);
    }
    // Issued late means issued after the due date but not after the generator's day.
    expect(due.every((t) => !issuedDay(t) || issuedDay(t)! <= TODAY)).toBe(true);

    // Through the API: the Sở's officer sees every assigned unit, with the status the app computes for its own today.
    const so = await e.login('so42.tdkt', DEMO_PASSWORD);
    const board = await so.get(`/api/v1/plans/${plan.id}/board`);
    expect(board.status).toBe(200);
    expect(board.json.counts.total).toBe(tasks.length);
    expect(board.json.items.map((i: any) => i.unitId).sort()).toEqual(tasks.map((t) => t.unit_id).sort());
    for (const item of board.json.items) {
      const t = tasks.find((x) => x.id === item.taskId)!;
      expect(item.status).toBe(statusOn(t, board.json.today));
      expect(item.reminderCount).toBe(n(t.reminder_count));
    }
    expect(board.json.counts.issued).toBeGreaterThan(0);
    expect(board.json.counts.overdue).toBeGreaterThan(0);

    // The Sở's generated plans render as a Kế hoạch (DOCX) with their title.
    for (const p of [plan, await db.selectFrom('plans').selectAll().where('unit_id', '=', soId).where('state', '=', 'closed').where('catalogue_code', '=', 'cai-cach-hanh-chinh').executeTakeFirstOrThrow()]) {
      const res = await download(e, 'so42.tdkt', `/api/v1/plans/${p.id}/docx`);
      expect(res.status, await res.clone().text().catch(() => '')).toBe(200);
      const text = (await documentText(await res.arrayBuffer())).replace(/\s+/g, ' ');
      expect(text.toLocaleLowerCase('vi')).toContain(p.title.replace(/\s+/g, ' ').toLocaleLowerCase('vi'));
    }
  });

  it('đăng ký, giao ước, sáng kiến, điển hình: người đăng ký thuộc đơn vị; điểm sáng kiến khớp số lượt chấm', async () => {
    expect(await count(`select count(*) as n from registrations r join people p on p.id = r.person_id where p.unit_id <> r.unit_id or r.recipient_key <> r.person_id`)).toBe(0);
    expect(await count(`select count(*) as n from registrations where recipient_kind = 'collective' and recipient_key <> 'unit:' || unit_id`)).toBe(0);
    expect(await count(`select count(*) as n from pact_signatures s join pacts p on p.id = s.pact_id where not exists (select 1 from cluster_members m where m.cluster_id = p.cluster_id and m.unit_id = s.unit_id)`)).toBe(0);
    expect(await count(`select count(*) as n from initiatives i where score_count <> (select count(*) from initiative_scores s where s.initiative_id = i.id)`)).toBe(0);
    expect(await count(`select count(*) as n from initiatives where status = 'recognised' and (decision_number is null or score_count = 0)`)).toBe(0);
    expect(await count(`select count(*) as n from initiatives where status = 'recognised'`)).toBeGreaterThan(0);
    // Recognised initiatives feed CSTĐCS: their authors were rated HTXSNV that year.
    expect(await count(`select count(*) as n from initiatives i join performance_ratings r on r.person_id = i.person_id and r.school_year = i.school_year where i.status = 'recognised' and r.rating <> 'htxsnv'`)).toBe(0);
  });

  it('bình xét: số phiếu của mỗi ứng viên đúng bằng kiểm phiếu; kết quả theo bộ quy tắc của phiên; phiếu không ghi người bỏ', async () => {
    const db = env().deps.database.db;
    const sessions = await db.selectFrom('review_sessions').selectAll().execute();
    let checked = 0;
    for (const s of sessions) {
      expect(s.status).toBe('closed');
      const members = await db.selectFrom('review_members').select(['id', 'role']).where('session_id', '=', s.id).execute();
      expect(members.length % 2).toBe(1);
      expect(members.filter((m) => m.role === 'chair')).toHaveLength(1);
      const ballots = await db.selectFrom('review_ballots').select(['mode', 'choices']).where('session_id', '=', s.id).execute();
      const took = await db.selectFrom('review_participation').select(['member_id', 'mode']).where('session_id', '=', s.id).execute();
      // One participation row per member; as many ballots as members who voted (in the meeting or in writing).
      expect(took).toHaveLength(members.length);
      expect(ballots).toHaveLength(took.filter((t) => t.mode !== 'absent').length);
      expect(ballots.filter((b) => b.mode === 'written')).toHaveLength(took.filter((t) => t.mode === 'written').length);
      const cands = await db.selectFrom('review_candidates').selectAll().where('session_id', '=', s.id).execute();
      const tally = tallyBallots(cands, ballots as { mode: 'electronic' | 'written'; choices: string }[]);
      const set = (await loadRuleSetVersion(db, s.rule_set_id, s.rule_set_version))!;
      expect(set).toBeTruthy();
      for (const c of cands) {
        const t = tally.get(c.id)!;
        expect([n(c.votes_for), n(c.votes_against), n(c.votes_abstain)]).toEqual([t.yes + t.wYes, t.no + t.wNo, t.abstain + t.wAbstain]);
        expect([n(c.written_for), n(c.written_against), n(c.written_abstain)]).toEqual([t.wYes, t.wNo, t.wAbstain]);
        const vote = evaluateVote({ totalMembers: members.length, yes: t.yes, no: t.no, abstain: t.abstain, absentWritten: { yes: t.wYes, no: t.wNo, abstain: t.wAbstain }, titleCode: c.title_code, ruleSet: set });
        expect(c.result).toBe(vote.passes ? 'passed' : 'failed');
        checked++;
      }
      // A member who is a candidate has a conflict and never voted on themself: every other ballot has a choice for them.
      const conflicts = await db.selectFrom('review_conflicts').select(['candidate_id', 'member_id']).where('session_id', '=', s.id).execute();
      for (const c of cands) {
        const own = conflicts.filter((cf) => cf.candidate_id === c.id && took.find((t) => t.member_id === cf.member_id)?.mode !== 'absent').length;
        expect(n(c.votes_for) + n(c.votes_against) + n(c.votes_abstain)).toBe(ballots.length - own);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(await count(`select count(*) as n from review_candidates c join nominations m on m.id = c.nomination_id where m.status <> 'done' or m.school_year <> (select school_year from review_sessions s where s.id = c.session_id)`)).toBe(0);
    // Rule set versions named by the sessions exist (the shipped sets were put back after --force).
    expect(await count(`select count(*) as n from review_sessions s where not exists (select 1 from rule_sets r where r.code = s.rule_set_id and r.version = s.rule_set_version)`)).toBe(0);
  });

  it('hồ sơ đề nghị: trạng thái hợp lệ, gửi lên đơn vị cấp trên, đã quyết định thì có quyết định, tổng tiền bằng các dòng', async () => {
    const db = env().deps.database.db;
    const states = (await db.selectFrom('dossiers').select('status').distinct().execute()).map((r) => r.status);
    for (const s of states) expect(['draft', 'submitted', 'accepted', 'returned', 'decided']).toContain(s);
    expect(states).toContain('decided');
    expect(await count(`select count(*) as n from dossiers d where not exists (select 1 from unit_closure c where c.ancestor_id = d.receiver_unit_id and c.descendant_id = d.sender_unit_id and c.depth > 0)`)).toBe(0);
    expect(await count(`select count(*) as n from dossiers d where (d.status = 'decided') <> exists (select 1 from decisions x where x.dossier_id = d.id and x.id = d.decision_id)`)).toBe(0);
    expect(await count(`select count(*) as n from decisions x where x.total_amount <> (select sum(amount) from decision_lines l where l.decision_id = x.id)`)).toBe(0);
    expect(await count(`select count(*) as n from dossier_items i join review_candidates c on c.id = i.review_candidate_id where c.result <> 'passed'`)).toBe(0);
    // Timeline numbered 1..n without gaps.
    expect(await count(`select count(*) as n from (select dossier_id, max(seq) as m, count(*) as k from dossier_events group by dossier_id) x where m <> k`)).toBe(0);
    const numbers = await sql<{ k: number; d: number }>`select count(*) as k, count(distinct unit_id || number_symbol || substr(decision_date, 1, 4)) as d from decisions`.execute(db);
    expect(n(numbers.rows[0].d)).toBe(n(numbers.rows[0].k));
    const line = await db.selectFrom('decision_lines').innerJoin('decisions', 'decisions.id', 'decision_lines.decision_id').select(['decision_lines.title_code', 'decision_lines.amount', 'decision_lines.base_salary', 'decision_lines.coefficient', 'decisions.decision_date'])
      .where('decision_lines.title_code', '=', 'CSTDCS').where('decisions.decision_date', '>=', '2024-07-01').where('decisions.decision_date', '<', '2026-07-01').executeTakeFirstOrThrow();
    expect(n(line.coefficient)).toBe(1);
    expect(n(line.base_salary)).toBe(2_340_000);
    expect(n(line.amount)).toBe(2_340_000);
  });

  it('đánh giá cụm: điểm cuối cùng bằng tổng tiêu chí, thứ hạng 1..n trong cụm', async () => {
    expect(await count(`select count(*) as n from assessment_units u where u.final_total is not null and abs(u.final_total - (select sum(final_score) from assessment_results r where r.assessment_id = u.assessment_id and r.unit_id = u.unit_id)) > 0.001`)).toBe(0);
    expect(await count(`select count(*) as n from assessments a where a.state = 'published' and (select min(rank) from assessment_units u where u.assessment_id = a.id) <> 1`)).toBe(0);
    expect(await count(`select count(*) as n from assessments where state = 'published'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from assessment_self_scores s join assessment_criteria c on c.id = s.criterion_id where s.score > c.max_points`)).toBe(0);
  });

  it('cán bộ thi đua của Sở xem được các danh sách qua API', async () => {
    const e = env();
    const db = e.deps.database.db;
    const so = await e.login('so42.tdkt', DEMO_PASSWORD);
    const soId = await e.unitId('SGDDT-42');
    const thpt = await db.selectFrom('units').select('id').where('kind', '=', 'thpt').executeTakeFirstOrThrow();
    const plans = await so.get('/api/v1/plans?pageSize=50');
    expect(plans.status).toBe(200);
    expect(plans.json.total).toBe(await count(`select count(*) as n from plans`));
    const forms = await so.get('/api/v1/reports/forms?pageSize=50');
    expect(forms.status).toBe(200);
    expect(forms.json.total).toBe(4);
    const sessions = await so.get('/api/v1/reviews?pageSize=50');
    expect(sessions.status).toBe(200);
    expect(sessions.json.total).toBe(await count(`select count(*) as n from review_sessions`));
    const dossiers = await so.get('/api/v1/dossiers?pageSize=50');
    expect(dossiers.status).toBe(200);
    expect(dossiers.json.total).toBe(await count(`select count(*) as n from dossiers`));
    const assessments = await so.get('/api/v1/assessments?pageSize=50');
    expect(assessments.status).toBe(200);
    expect(assessments.json.total).toBe(await count(`select count(*) as n from assessments`));
    const planId = (await db.selectFrom('plans').select('id').where('unit_id', '=', soId).where('state', '=', 'in_progress').where('catalogue_code', '=', 'thi-dua-nam-hoc').executeTakeFirstOrThrow()).id;
    const regs = await so.get(`/api/v1/registrations?planId=${planId}&unitId=${thpt.id}&pageSize=200`);
    expect(regs.status).toBe(200);
    expect(regs.json.total).toBe(await count(`select count(*) as n from registrations where unit_id = '${thpt.id}'`));
    const initiatives = await so.get('/api/v1/initiatives?pageSize=50');
    expect(initiatives.status).toBe(200);
    expect(initiatives.json.total).toBe(await count(`select count(*) as n from initiatives`));
    const session = await so.get(`/api/v1/reviews/${sessions.json.items[0].id}`);
    expect(session.status).toBe(200);
  });
}, { demo: false });
