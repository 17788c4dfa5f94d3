// Generator step: participation in the movement (migration 0010), after plans-reports-step.
//  - Registrations (đăng ký thi đua) for this school year under the Sở's annual plan: every school's staff
//    (LĐTT; CSTĐCS for those rated HTXSNV last year) and the school itself (TTLĐTT, TTLĐXS for a few).
//  - Giao ước thi đua: one per cụm/khối of this year, opened, signed by most members.
//  - Sáng kiến: for about 40 % of those rated HTXSNV in each of the last three years (mostly recognised by
//    the head with a decision number, a few rejected), and some submitted / being scored this year; two
//    council scores each once scored.
//  - Outreach log: six activities per school last school year and one a month this year so far.
//  - Điển hình tiên tiến: one per quarter for about half the schools (accepted, a few rejected or pending).
import { ratingOf, type TPersonInfo, type TScaleStep } from './generate';
import { FEATURE_TABLES as T, FEATURE_TAGS as TAG, addDaysIso, at, featureState, iso } from './feature-tables';
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { schoolYearLabel } from '../../shared/vn';
import { quarterOf } from '../participation/common';

const PACT_BODY = [
  'Thực hiện Kế hoạch thi đua năm học của Sở Giáo dục và Đào tạo, các đơn vị trong cụm thống nhất ký giao ước thi đua với các nội dung sau:',
  '1. Thực hiện tốt các cuộc vận động, phong trào thi đua của ngành; 100% cán bộ, giáo viên, nhân viên đăng ký thi đua từ đầu năm học.',
  '2. Đổi mới phương pháp dạy học, kiểm tra đánh giá; mỗi tổ chuyên môn có ít nhất 01 sáng kiến được công nhận.',
  '3. Đẩy mạnh chuyển đổi số trong quản lý và dạy học.',
  '4. Tuyên truyền, phát hiện, nhân rộng điển hình tiên tiến; mỗi quý giới thiệu 01 gương điển hình.',
].join('\n');
const INITIATIVE_TOPICS = [
  ['Sử dụng sơ đồ tư duy số trong dạy học', 'Chuyên môn'], ['Xây dựng ngân hàng câu hỏi trắc nghiệm trực tuyến', 'Chuyên môn'],
  ['Tổ chức câu lạc bộ STEM theo dự án', 'Giáo dục STEM'], ['Ứng dụng phần mềm quản lý hồ sơ học sinh', 'Chuyển đổi số'],
  ['Nâng cao kỹ năng đọc hiểu cho học sinh yếu', 'Chuyên môn'], ['Tổ chức hoạt động trải nghiệm gắn với di tích địa phương', 'Hoạt động trải nghiệm'],
  ['Phối hợp với cha mẹ học sinh qua nhóm Zalo lớp', 'Công tác chủ nhiệm'], ['Giáo dục kỹ năng phòng chống đuối nước cho học sinh', 'Giáo dục kỹ năng sống'],
] as const;
const OUTREACH = [
  ['hoi_nghi', 'Hội nghị phát động phong trào thi đua năm học, ký cam kết thi đua'], ['ban_tin', 'Bản tin thi đua: gương người tốt, việc tốt'],
  ['website', 'Đăng tin kết quả thi đua trên website của trường'], ['zalo', 'Chia sẻ kế hoạch thi đua trên nhóm Zalo phụ huynh'],
  ['facebook', 'Bài viết giới thiệu điển hình tiên tiến trên fanpage của trường'], ['tap_huan', 'Tập huấn viết sáng kiến cho giáo viên trẻ'],
] as const;

export const participationStep: TScaleStep = {
  name: 'participation',
  async perProvince(ctx, m) {
    const rnd = m.random('participation');
    const P = m.code;
    const Y = ctx.currentYear;
    const fs = featureState(m);
    const ratingIn = (p: TPersonInfo, y: number) => ratingOf(p, Y, y);
    const staffBy = new Map<string, TPersonInfo[]>();
    for (const p of m.people) {
      let l = staffBy.get(p.unitId);
      if (!l) { l = []; staffBy.set(p.unitId, l); }
      l.push(p);
    }
    const planId = fs.soPlans.get(Y)!;
    const regDay = iso(Y, 9, 25);
    const regAt = (k: number) => at(regDay < ctx.today ? regDay : ctx.today, k);

    // Registrations for this year (the plan's registration deadline is 25 days after it starts).
    if (regDay <= ctx.today) {
      for (const s of m.schools) {
        const staff = staffBy.get(s.id) ?? [];
        for (const p of staff) {
          if (p.category === 'Nhân viên' && rnd.next() < 0.3) continue; // not everyone registers
          const code = ratingIn(p, Y - 1) === 'x' ? 'CSTDCS' : 'LDTT';
          await ctx.write(T.registrations, [ctx.id(TAG.registrations, P), P, planId, s.id, p.id, 'individual', p.id, Y, code, AWARD_CODE_LABELS[code],
            code === 'CSTDCS' ? 'Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận cấp cơ sở.' : 'Hoàn thành tốt nhiệm vụ được giao.', 'unit', null, null, null, regAt(rnd.int(0, 539)), regAt(600)]);
        }
        if (staff.length >= 8) {
          const code = rnd.next() < 0.2 ? 'TTLDXS' : 'TTLDTT';
          await ctx.write(T.registrations, [ctx.id(TAG.registrations, P), P, planId, s.id, null, 'collective', `unit:${s.id}`, Y, code, AWARD_CODE_LABELS[code],
            'Tập thể hoàn thành tốt nhiệm vụ năm học.', 'unit', null, null, null, regAt(rnd.int(0, 539)), regAt(600)]);
        }
        ctx.tick(m.plan.name);
      }
    }

    // Pacts of this year's clusters.
    const headName = (unitId: string) => staffBy.get(unitId)?.[0];
    for (const c of m.clusters) {
      const lead = c.members[0];
      const id = ctx.id(TAG.pacts, P);
      const opened = iso(Y, 10, rnd.int(1, 20));
      const open = opened <= ctx.today;
      const signers = open ? c.members.filter((_, i) => i === 0 || rnd.next() < 0.85) : [];
      const status = !open ? 'draft' : signers.length === c.members.length ? 'signed' : 'open';
      await ctx.write(T.pacts, [id, P, c.id, Y, lead.id, `Giao ước thi đua năm học ${schoolYearLabel(Y)} – ${c.name}`, PACT_BODY, status, open ? at(opened, 60) : null, null, at(addDaysIso(opened, -5), 60), at(opened, 60)]);
      for (const u of signers) {
        const h = headName(u.id);
        const day = addDaysIso(opened, rnd.int(0, 10));
        await ctx.write(T.pact_signatures, [ctx.id(TAG.pact_signatures, P), id, u.id, P, h?.fullName ?? `Thủ trưởng ${u.name}`, h?.position ?? null, 'generate-data', at(day < ctx.today ? day : ctx.today, rnd.int(0, 539))]);
      }
    }

    // Initiatives: last three years recognised/rejected, this year submitted or being scored.
    const decisionNo = new Map<string, number>();
    for (const s of m.schools) {
      const staff = staffBy.get(s.id) ?? [];
      const council = staff.slice(0, 3);
      for (let y = Y - 3; y <= Y; y++) {
        for (const p of staff) {
          const current = y === Y;
          if (current ? rnd.next() >= 0.05 : ratingIn(p, y) !== 'x' || rnd.next() >= 0.4) continue;
          const [topic, field] = rnd.pick(INITIATIVE_TOPICS);
          const id = ctx.id(TAG.initiatives, P);
          const submitted = iso(current ? Y : y + 1, current ? 11 : 3, rnd.int(1, 28));
          const subDay = submitted < ctx.today ? submitted : ctx.today;
          const draw = rnd.next();
          const status = current ? (draw < 0.5 ? 'submitted' : 'scoring') : draw < 0.06 ? 'rejected' : 'recognised';
          const scores = status === 'submitted' ? [] : council.map(() => rnd.int(60, 95));
          const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
          const decDate = iso(y + 1, 5, rnd.int(10, 28));
          let number: string | null = null;
          if (status === 'recognised') {
            const k = `${s.id}|${y}`;
            const n = (decisionNo.get(k) ?? rnd.int(30, 90)) + 1;
            decisionNo.set(k, n);
            number = `${n}/QĐ-${s.abbreviation ?? 'DV'}`;
          }
          await ctx.write(T.initiatives, [id, P, s.id, p.id, `${topic} tại ${s.name.replace(/^Trường /, 'trường ')}`, `Giải pháp "${topic.toLowerCase()}" áp dụng tại đơn vị trong năm học ${schoolYearLabel(y)}; hiệu quả được tổ chuyên môn đánh giá.`, field, y,
            'co_so', status, mean, scores.length, status === 'recognised' ? at(decDate, 300) : null, null, number, status === 'recognised' ? decDate : null,
            status === 'rejected' ? 'Giải pháp chưa có tính mới so với các sáng kiến đã công nhận.' : null, null, at(subDay, rnd.int(0, 539)), at(status === 'recognised' ? decDate : subDay, 600)]);
          for (const [k, sc] of scores.entries()) {
            const who = council[k];
            await ctx.write(T.initiative_scores, [ctx.id(TAG.initiative_scores, P), id, P, `hoidong:${who.id}`, who.fullName, sc, sc >= 80 ? 'Giải pháp có tính mới, áp dụng hiệu quả.' : 'Cần bổ sung số liệu đánh giá hiệu quả.', at(subDay, 400), at(subDay, 400)]);
          }
        }
      }
      ctx.tick(m.plan.name);
    }

    // Outreach: six activities last school year, one a month this year up to today.
    for (const s of m.schools) {
      if ((staffBy.get(s.id)?.length ?? 0) < 8) continue;
      const days: string[] = [];
      for (let k = 0; k < 6; k++) days.push(iso(Y - 1 + (k >= 2 ? 1 : 0), [9, 11, 1, 3, 4, 5][k], rnd.int(1, 28)));
      for (let mo = 9; ; mo++) {
        const d = iso(Y + (mo > 12 ? 1 : 0), ((mo - 1) % 12) + 1, rnd.int(1, 28));
        if (d > ctx.today) break;
        days.push(d);
      }
      for (const d of days) {
        const [channel, title] = rnd.pick(OUTREACH);
        const meeting = channel === 'hoi_nghi' || channel === 'tap_huan';
        await ctx.write(T.outreach_entries, [ctx.id(TAG.outreach_entries, P), P, s.id, fs.soPlans.get(Number(d.slice(5, 7)) >= 8 ? Number(d.slice(0, 4)) : Number(d.slice(0, 4)) - 1) ?? null,
          channel, d, title, meeting ? rnd.int(20, 90) : 0, meeting ? 0 : rnd.int(200, 4000), null, null, null, at(d, 500)]);
      }
    }

    // Exemplars: last year's four quarters and this year's quarters so far, about half the schools.
    const { schoolYear: nowYear, quarter: nowQuarter } = quarterOf(ctx.today);
    for (const s of m.schools) {
      const staff = (staffBy.get(s.id) ?? []).filter((p) => p.category === 'Giáo viên');
      if (!staff.length || rnd.next() < 0.5) continue;
      for (const [y, q] of [[Y - 1, 1], [Y - 1, 2], [Y - 1, 3], [Y - 1, 4], [Y, 1], [Y, 2]] as const) {
        if (y > nowYear || (y === nowYear && q > nowQuarter)) break;
        const p = rnd.pick(staff);
        const day = iso(q <= 1 ? y : y + 1, [0, 11, 2, 5, 7][q], rnd.int(1, 25));
        const current = y === nowYear && q === nowQuarter;
        const status = current ? 'nominated' : rnd.next() < 0.93 ? 'accepted' : 'rejected';
        await ctx.write(T.exemplars, [ctx.id(TAG.exemplars, P), P, s.id, p.id, y, q, `${p.female ? 'Cô giáo' : 'Thầy giáo'} ${p.fullName} – tận tụy với học sinh`,
          `${p.fullName} (${p.position}) hoàn thành xuất sắc nhiệm vụ, tích cực đổi mới phương pháp dạy học và giúp đỡ đồng nghiệp trong quý.`, rnd.next() < 0.7 ? 1 : 0, status,
          status === 'nominated' ? null : 'generate-data', status === 'nominated' ? null : at(day < ctx.today ? day : ctx.today, 300), status === 'rejected' ? 'Thành tích chưa nổi bật so với các đơn vị khác trong quý.' : null,
          null, at(day < ctx.today ? day : ctx.today, 100), at(day < ctx.today ? day : ctx.today, 300)]);
      }
    }
  },
};
