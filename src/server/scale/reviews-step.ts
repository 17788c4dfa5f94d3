// Generator step: nominations, bình xét and dossiers up the tree (migrations 0007, 0008), after the
// plans step. For each school and each finished school year that has a rule set in force (reviews from
// 2024 on: the last three years):
//  - nominations: Chiến sĩ thi đua cơ sở for those rated HTXSNV that year (at most ten), Tập thể lao
//    động tiên tiến for the school (status done: reviewed);
//  - one closed review session: a council of 3, 5 or 7 (odd, chaired by the head, a secretary), a
//    conflict for a member who is a candidate, secret ballots stored as the app stores them — choices
//    only, no voter and no time, a random id — beside one participation row per member (electronic,
//    written, or absent); each candidate's counts are the tally of those ballots and the result is
//    `evaluateVote` of the rule set in force on the review date (against all members);
//  - a dossier of the passed candidates, sent to the UBND xã (communal schools) or the Sở (THPT, GDTX):
//    create → submit → accept → assign → check → decide, with a Quyết định (numbered from 500 up per
//    issuer and year, so it never collides with the award history's numbers) and money lines
//    (coefficient × lương cơ sở on the decision date, `computeBonus`); last year's are partly still
//    accepted, submitted or returned.
import { ratingOf, type TPersonInfo, type TScaleStep, type TUnitInfo } from './generate';
import { FEATURE_TABLES as T, FEATURE_TAGS as TAG, addDaysIso, at, featureState, iso, reviewYears } from './feature-tables';
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { foldVietnamese, schoolYearLabel } from '../../shared/vn';
import { SHIPPED_RULE_SETS, computeBonus, evaluateVote, ruleSetInForce, type RuleSet } from '../../rules';
import { nominationKey } from '../reviews/nominations';
import { personName } from '../demo/seed-demo';

type TChoice = 'for' | 'against' | 'abstain';

// The same few vote outcomes and amounts recur thousands of times (a national run has ≈ 900.000
// candidates): each distinct one is computed once.
const voteCache = new Map<string, ReturnType<typeof evaluateVote>>();
function cachedVote(input: Parameters<typeof evaluateVote>[0]) {
  const w = input.absentWritten!;
  const key = `${input.ruleSet.id}@${input.ruleSet.version}|${input.titleCode}|${input.totalMembers}|${input.yes}|${input.no}|${input.abstain}|${w.yes}|${w.no}|${w.abstain}`;
  let v = voteCache.get(key);
  if (!v) { v = evaluateVote(input); voteCache.set(key, v); }
  return v;
}
const bonusCache = new Map<string, ReturnType<typeof computeBonus>>();
function cachedBonus(input: Parameters<typeof computeBonus>[0]) {
  const key = `${input.code}|${input.recipientKind}|${input.decisionDate}`;
  let b = bonusCache.get(key);
  if (!b) { b = computeBonus(input); bonusCache.set(key, b); }
  return b;
}

export const reviewsStep: TScaleStep = {
  name: 'reviews',
  async perProvince(ctx, m) {
    const rnd = m.random('reviews');
    const P = m.code;
    const Y = ctx.currentYear;
    const fs = featureState(m);
    const hex = (n: number) => { let s = ''; for (let i = 0; i < n; i++) s += Math.floor(rnd.next() * 16).toString(16); return s; };
    /** A random (v4-shaped) id: ballots must not reveal their order. */
    const randomId = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rnd.int(0, 3)]}${hex(3)}-${hex(12)}`;
    const staffBy = new Map<string, TPersonInfo[]>();
    for (const p of m.people) {
      let l = staffBy.get(p.unitId);
      if (!l) { l = []; staffBy.set(p.unitId, l); }
      l.push(p);
    }
    const communeOf = new Map<string, TUnitInfo>();
    for (const c of m.communes) for (const s of c.schools) communeOf.set(s.id, c.ubnd);
    const chairmen = new Map<string, string>();
    const director = staffBy.get(m.so.id)?.[0]?.fullName ?? personName(rnd, false);
    const decisionSeq = new Map<string, number>();
    const rules = new Map<number, { set: RuleSet; date: string }>();
    for (const y of reviewYears(Y)) {
      const date = iso(y + 1, 5, 25);
      const set = ruleSetInForce(SHIPPED_RULE_SETS, date);
      if (set) rules.set(y, { set, date });
    }

    for (const s of m.schools) {
      const allStaff = staffBy.get(s.id) ?? [];
      for (const [y, rule] of rules) {
        // Those at this school that year (not before a move here).
        const staff = allStaff.filter((p) => ratingOf(p, Y, y) !== '-' && !(p.prevUnitId && y < p.switchYear));
        if (staff.length < 3) continue;
        // Candidates: CSTĐCS for those rated HTXSNV (at most ten), TTLĐTT for a school of eight or more.
        const cstd = staff.filter((p) => ratingOf(p, Y, y) === 'x').slice(0, 10);
        const collective = staff.length >= 8;
        if (!cstd.length && !collective) continue;
        const reviewDate = addDaysIso(rule.date, rnd.int(-10, 5));
        const label = schoolYearLabel(y);
        const sessionId = ctx.id(TAG.review_sessions, P);
        const name = `Bình xét thi đua năm học ${label}`;
        const opened = at(reviewDate, 60);
        const closed = at(reviewDate, 180);
        const quotas = JSON.stringify([{ titleCode: 'CSTDCS', max: Math.max(1, Math.round(staff.length * 0.15)), note: 'Kế hoạch thi đua năm học của đơn vị' }]);
        await ctx.write(T.review_sessions, [sessionId, P, s.id, y, name, foldVietnamese(name), `Năm học ${label}`, reviewDate, `Phòng họp ${s.name}`, fs.soPlans.get(y) ?? null,
          'closed', quotas, rule.set.id, rule.set.version, null, opened, at(reviewDate, 90), closed, null, null, at(addDaysIso(reviewDate, -7), 60), closed]);

        // Council: the head chairs, the next ones are members, the last one is secretary.
        const size = staff.length >= 7 ? 7 : staff.length >= 5 ? 5 : 3;
        const council = staff.slice(0, size);
        const members = council.map((p, i) => ({ id: ctx.id(TAG.review_members, P), person: p, role: i === 0 ? 'chair' : i === size - 1 ? 'secretary' : 'member' }));
        for (const mb of members) await ctx.write(T.review_members, [mb.id, sessionId, mb.person.id, null, mb.role, mb.person.fullName, mb.person.position, P, at(addDaysIso(reviewDate, -7), 90)]);

        // Nominations and candidates.
        const cands: { id: string; nominationId: string; person: TPersonInfo | null; code: string; name: string }[] = [];
        const nomAt = at(addDaysIso(reviewDate, -14), 100);
        const addCandidate = async (person: TPersonInfo | null, code: string) => {
          const nominationId = ctx.id(TAG.nominations, P);
          const key = nominationKey({ unitId: s.id, schoolYear: y, titleCode: code, personId: person?.id ?? null, candidateUnitId: person ? null : s.id });
          await ctx.write(T.nominations, [nominationId, P, s.id, y, person ? 'ca_nhan' : 'tap_the', person?.id ?? null, person ? null : s.id, code, 'officer', null, null, 'done', key, null, nomAt, closed]);
          cands.push({ id: ctx.id(TAG.review_candidates, P), nominationId, person, code, name: person?.fullName ?? s.name });
        };
        for (const p of cstd) await addCandidate(p, 'CSTDCS');
        if (collective) await addCandidate(null, 'TTLDTT');

        // Conflicts: a member may not vote on themself.
        const conflicted = new Map<string, Set<string>>();
        const conflictRows: unknown[][] = [];
        for (const mb of members) {
          const c = cands.find((x) => x.person?.id === mb.person.id);
          if (!c) continue;
          conflicted.set(mb.id, new Set([c.id]));
          conflictRows.push([ctx.id(TAG.review_conflicts, P), sessionId, mb.id, c.id, 'Thành viên Hội đồng là người được đề nghị', null, opened]);
        }

        // Ballots: present members vote electronically, some absent ones in writing.
        const tally = new Map(cands.map((c) => [c.id, { yes: 0, no: 0, abstain: 0, wYes: 0, wNo: 0, wAbstain: 0 }]));
        const ballots: [string, string][] = [];
        const participation: [string, string][] = [];
        for (const mb of members) {
          const absent = mb.role !== 'chair' && rnd.next() < 0.08;
          const mode = !absent ? 'electronic' : rnd.next() < 0.5 ? 'written' : 'absent';
          participation.push([mb.id, mode]);
          if (mode === 'absent') continue;
          const choices: Record<string, TChoice> = {};
          for (const c of cands) {
            if (conflicted.get(mb.id)?.has(c.id)) continue;
            const r = rnd.next();
            const v: TChoice = r < 0.88 ? 'for' : r < 0.95 ? 'against' : 'abstain';
            choices[c.id] = v;
            const t = tally.get(c.id)!;
            if (mode === 'written') { if (v === 'for') t.wYes++; else if (v === 'against') t.wNo++; else t.wAbstain++; }
            else if (v === 'for') t.yes++; else if (v === 'against') t.no++; else t.abstain++;
          }
          ballots.push([mode, JSON.stringify(choices)]);
        }
        const passed: typeof cands = [];
        for (const c of cands) {
          const t = tally.get(c.id)!;
          const vote = cachedVote({ totalMembers: members.length, yes: t.yes, no: t.no, abstain: t.abstain, absentWritten: { yes: t.wYes, no: t.wNo, abstain: t.wAbstain }, titleCode: c.code, ruleSet: rule.set });
          if (vote.passes) passed.push(c);
          await ctx.write(T.review_candidates, [c.id, sessionId, c.nominationId, c.person ? 'ca_nhan' : 'tap_the', c.person?.id ?? null, c.person ? null : s.id, c.code, c.name, null,
            t.yes + t.wYes, t.no + t.wNo, t.abstain + t.wAbstain, t.wYes, t.wNo, t.wAbstain, vote.passes ? 'passed' : 'failed',
            `${vote.message} (${vote.citation}${vote.verified ? '' : '; chưa xác minh'})`, `${c.code}|${c.person ? `p:${c.person.id}` : `u:${s.id}`}`, P, nomAt]);
        }
        for (const row of conflictRows) await ctx.write(T.review_conflicts, row as (string | null)[]);
        // Stored in a random order with random ids (as the app's WITHOUT ROWID table keeps them).
        for (let i = ballots.length - 1; i > 0; i--) { const j = rnd.int(0, i); [ballots[i], ballots[j]] = [ballots[j], ballots[i]]; }
        for (const [mode, choices] of ballots) await ctx.write(T.review_ballots, [randomId(), sessionId, mode, choices]);
        for (const [memberId, mode] of participation) await ctx.write(T.review_participation, [sessionId, memberId, mode, null, mode === 'absent' ? closed : at(reviewDate, 120)]);
        if (!passed.length) continue;

        // The dossier of the passed candidates, up to the commune or the Sở.
        const commune = communeOf.get(s.id);
        const receiver = commune ?? m.so;
        const lastYear = y === Y - 1;
        const d = rnd.next();
        const status = !lastYear ? 'decided' : d < 0.7 ? 'decided' : d < 0.85 ? 'accepted' : d < 0.95 ? 'submitted' : 'returned';
        const dossierId = ctx.id(TAG.dossiers, P);
        const createdOn = addDaysIso(reviewDate, rnd.int(1, 5));
        const submittedOn = addDaysIso(createdOn, rnd.int(1, 4));
        const acceptedOn = addDaysIso(submittedOn, rnd.int(1, 5));
        const decisionOn = addDaysIso(acceptedOn, rnd.int(5, 20));
        const decisionId = status === 'decided' ? ctx.id(TAG.decisions, P) : null;
        const steps = status === 'decided' ? '["accept","assign","check"]' : status === 'accepted' ? '["accept"]' : '[]';
        const updated = at(status === 'decided' ? decisionOn : status === 'submitted' ? submittedOn : acceptedOn, 400);
        await ctx.write(T.dossiers, [dossierId, P, s.id, receiver.id, `Hồ sơ đề nghị khen thưởng năm học ${label} – ${s.name}`, y, 'công trạng', sessionId, status, steps, null,
          status === 'returned' ? 'Thiếu báo cáo thành tích của cá nhân đề nghị Chiến sĩ thi đua cơ sở; đề nghị bổ sung.' : null, decisionId,
          at(submittedOn, 200), status === 'decided' || status === 'accepted' ? at(acceptedOn, 200) : null, null, at(createdOn, 100), updated]);
        const items = passed.map((c, i) => ({ id: ctx.id(TAG.dossier_items, P), c, i }));
        for (const it of items) {
          await ctx.write(T.dossier_items, [it.id, dossierId, P, it.c.person ? 'individual' : 'collective', it.c.person?.id ?? null, s.id, it.c.code, AWARD_CODE_LABELS[it.c.code as keyof typeof AWARD_CODE_LABELS] ?? it.c.code,
            it.c.person ? `Hoàn thành xuất sắc nhiệm vụ năm học ${label}; có sáng kiến được công nhận cấp cơ sở.` : `Tập thể hoàn thành tốt nhiệm vụ năm học ${label}.`,
            null, null, it.c.id, it.i + 1, at(createdOn, 100), at(createdOn, 100)]);
        }
        const events: [string, string, string | null, string, string | null][] = [['create', s.id, null, createdOn, 'Lập từ kết quả phiên bình xét'], ['submit', s.id, receiver.id, submittedOn, null]];
        if (status === 'returned') events.push(['return', receiver.id, s.id, acceptedOn, 'Thiếu báo cáo thành tích của cá nhân đề nghị Chiến sĩ thi đua cơ sở; đề nghị bổ sung.']);
        if (status === 'accepted' || status === 'decided') events.push(['accept', receiver.id, null, acceptedOn, null]);
        if (status === 'decided') events.push(['assign', receiver.id, null, acceptedOn, 'Cán bộ thụ lý: cán bộ thi đua, khen thưởng'], ['check', receiver.id, null, addDaysIso(acceptedOn, 2), null], ['decide', receiver.id, null, decisionOn, null]);
        for (const [k, [action, unitId, toUnitId, day, note]] of events.entries()) {
          await ctx.write(T.dossier_events, [ctx.id(TAG.dossier_events, P), dossierId, P, k + 1, action, unitId, toUnitId, null, null, action === 'return' ? note : null, action === 'return' ? null : note, at(day, 200 + k)]);
        }
        if (!decisionId) continue;
        const kind = commune ? 'commune_chairman' : 'department_director';
        if (commune && !chairmen.has(commune.id)) chairmen.set(commune.id, personName(rnd, rnd.next() < 0.4));
        const seqKey = `${receiver.id}|${decisionOn.slice(0, 4)}`;
        const n = (decisionSeq.get(seqKey) ?? 500) + 1;
        decisionSeq.set(seqKey, n);
        const lines = items.map((it) => {
          const b = cachedBonus({ code: it.c.code, recipientKind: it.c.person ? 'individual' : 'collective', decisionDate: decisionOn });
          return { it, b };
        });
        const total = lines.reduce((sum, l) => sum + l.b.rounded, 0);
        await ctx.write(T.decisions, [decisionId, P, dossierId, receiver.id, kind, `${commune ? 'Chủ tịch' : 'Giám đốc'} ${receiver.name}`, `gen:${decisionId}`, `${n}/QĐ-${commune ? 'UBND' : 'SGDĐT'}`, decisionOn,
          `Về việc khen thưởng năm học ${label}`, commune ? chairmen.get(commune.id)! : director, commune ? 'CHỦ TỊCH' : 'GIÁM ĐỐC', y, total, null, null, lastYear ? 0 : 1, lastYear ? null : at(addDaysIso(decisionOn, 3), 100), null, at(decisionOn, 300)]);
        for (const [k, { it, b }] of lines.entries()) {
          await ctx.write(T.decision_lines, [ctx.id(TAG.decision_lines, P), decisionId, P, it.id, it.c.person ? 'individual' : 'collective', it.c.person?.id ?? null, s.id, it.c.name, it.c.person?.position ?? null, s.name,
            it.c.code, b.titleName, `Năm học ${label}`, b.coefficient, b.baseSalary, b.rounded, 1, null, null, k + 1]);
        }
      }
      ctx.tick(m.plan.name);
    }
  },
};
