// Demo data of participation, written through the use-cases (so audit rows exist): the Sở's annual
// emulation plan in progress with registrations at pdp and two other schools; two recognised
// initiatives (one by Nguyễn Thị Lan this school year) and one being scored; the pact of Cụm thi đua
// số 1 open for signing; outreach entries on every channel; an accepted exemplar of pdp.
import type { TActor, TContext } from '../auth/access';
import type { Database } from '../db/database';
import type { RoleCode } from '../db/schema';
import { createPlanFromCatalogue } from '../plans/manage-plans';
import { quarterOf } from './common';
import { decideExemplar, nominateExemplar } from './exemplars';
import { recogniseInitiative, scoreInitiative, submitInitiative } from './initiatives';
import { createOutreach } from './outreach';
import { createPact, openPact, signPact } from './pacts';
import { registerBulk } from './registrations';

export const DEMO_PACT_BODY = [
  'Thực hiện Kế hoạch thi đua năm học của Sở Giáo dục và Đào tạo, các trường trong Cụm thi đua số 1 thống nhất ký giao ước thi đua với các nội dung sau:',
  '1. Thực hiện tốt các cuộc vận động, phong trào thi đua của ngành; 100% cán bộ, giáo viên, nhân viên đăng ký thi đua từ đầu năm học.',
  '2. Đổi mới phương pháp dạy học, kiểm tra đánh giá; tỷ lệ học sinh lên lớp từ 98% trở lên; mỗi tổ chuyên môn có ít nhất 01 sáng kiến được công nhận.',
  '3. Đẩy mạnh chuyển đổi số: 100% hồ sơ tuyển sinh nhận trực tuyến, triển khai học bạ số.',
  '4. Tuyên truyền, phát hiện, nhân rộng điển hình tiên tiến; mỗi quý giới thiệu 01 gương điển hình.',
  '5. Các trường trong cụm thường xuyên trao đổi kinh nghiệm, kiểm tra chéo, sơ kết học kỳ I và tổng kết năm học theo lịch của cụm.',
].join('\n');

async function ctxOf(database: Database, username: string): Promise<TContext | null> {
  const u = await database.db.selectFrom('users').select(['id', 'username', 'full_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  if (!u) return null;
  const roles = await database.db.selectFrom('user_roles').select(['role', 'unit_id']).where('user_id', '=', u.id).execute();
  const actor: TActor = { userId: u.id, username: u.username, fullName: u.full_name, personId: u.person_id, roles: roles.map((r) => ({ role: r.role as RoleCode, unitId: r.unit_id })) };
  return { db: database.db, actor, kind: database.kind };
}

export async function seedParticipationDemo(database: Database, opts: { provinceCode: string; today: string }) {
  const db = database.db;
  const P = opts.provinceCode;
  const [so, officer, head, council, lan] = await Promise.all(['so.tdkt', 'pdp.tdkt', 'pdp.hieutruong', 'pdp.hoidong', 'gv.lan'].map((n) => ctxOf(database, n)));
  const soUnit = await db.selectFrom('units').select('id').where('code', '=', `SGDDT-${P}`).executeTakeFirst();
  const schools = await db.selectFrom('units').select(['id', 'code', 'name']).where('code', 'in', [`THPT-${P}-01`, `THPT-${P}-02`, `THPT-${P}-03`]).orderBy('code').execute();
  if (!so || !officer || !head || !council || !lan || !soUnit || schools.length < 3) return;
  const [pdp, s2, s3] = schools;
  const { schoolYear, quarter } = quarterOf(opts.today);

  // The Sở's annual plan, in progress; schools register under it.
  const plan = await createPlanFromCatalogue(so, { unitId: soUnit.id, code: 'thi-dua-nam-hoc', schoolYear });
  await db.updateTable('plans').set({ state: 'in_progress', issued_date: plan.period_from, state_changed_at: plan.created_at }).where('id', '=', plan.id).execute();

  const staffOf = (unitId: string, limit: number) => db.selectFrom('people').select(['id', 'position']).where('unit_id', '=', unitId).orderBy('name_search').limit(limit).execute();
  const lanId = lan.actor.personId;
  const pdpStaff = (await staffOf(pdp.id, 40)).filter((p) => p.id !== lanId);
  const pick = (staff: { id: string }[], cstd: number) => staff.map((p, i) => ({ personId: p.id, titleCode: i < cstd ? 'CSTDCS' : 'LDTT', commitment: i < cstd ? 'Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận cấp cơ sở.' : 'Hoàn thành tốt nhiệm vụ được giao.' }));
  await registerBulk(officer, { planId: plan.id, unitId: pdp.id, items: [...pick(pdpStaff.slice(0, 30), 6), { personId: null, unitId: pdp.id, titleCode: 'TTLDXS', commitment: 'Tập thể hoàn thành xuất sắc nhiệm vụ năm học.' }] });
  await registerBulk(so, { planId: plan.id, unitId: s2.id, items: [...pick(await staffOf(s2.id, 20), 3), { personId: null, unitId: s2.id, titleCode: 'TTLDTT' }] });
  await registerBulk(so, { planId: plan.id, unitId: s3.id, items: pick(await staffOf(s3.id, 15), 2) });

  // Initiatives: Lan's this year and a colleague's last year, recognised; one more being scored.
  const recognise = async (personId: string, title: string, summary: string, year: number, scores: [number, number], number: string, date: string) => {
    const i = await submitInitiative(officer, { personId, title, summary, field: 'Chuyên môn', schoolYear: year });
    await scoreInitiative(council, i.id, { score: scores[0], comment: 'Giải pháp có tính mới, áp dụng hiệu quả tại trường.' });
    await scoreInitiative(head, i.id, { score: scores[1], comment: 'Đồng ý đề nghị công nhận.' });
    await recogniseInitiative(head, i.id, { decisionNumber: number, decisionDate: date });
  };
  if (lanId) {
    await recognise(lanId, 'Sử dụng sơ đồ tư duy số trong dạy học đọc hiểu văn bản Ngữ văn 11',
      'Giải pháp hướng dẫn học sinh lập sơ đồ tư duy trên phần mềm miễn phí để đọc hiểu văn bản; áp dụng tại 6 lớp, điểm trung bình đọc hiểu tăng 0,8 điểm so với năm trước.',
      schoolYear, [86, 90], `15/QĐ-THPTPĐP`, opts.today);
  }
  const colleague = pdpStaff.find((p) => p.position?.startsWith('Giáo viên')) ?? pdpStaff[0];
  if (colleague) {
    await recognise(colleague.id, 'Xây dựng ngân hàng câu hỏi trắc nghiệm trực tuyến cho ôn thi tốt nghiệp THPT',
      'Tổ chức ngân hàng hơn 1.200 câu hỏi theo ma trận đề, học sinh tự luyện trên điện thoại; tỷ lệ đỗ tốt nghiệp của trường đạt 99,6%.',
      schoolYear - 1, [82, 85], `42/QĐ-THPTPĐP`, `${schoolYear}-05-20`);
    const third = pdpStaff.find((p) => p.id !== colleague.id && p.position?.startsWith('Giáo viên'));
    if (third) {
      const i = await submitInitiative(officer, { personId: third.id, title: 'Tổ chức câu lạc bộ STEM theo dự án cho học sinh lớp 10', summary: 'Học sinh làm việc theo nhóm, mỗi học kỳ hoàn thành một sản phẩm STEM; 3 sản phẩm đạt giải cấp tỉnh.', field: 'Giáo dục STEM', schoolYear });
      await scoreInitiative(council, i.id, { score: 78, comment: 'Cần bổ sung số liệu đánh giá hiệu quả.' });
    }
  }

  // The pact of Cụm thi đua số 1 (pdp leads): open for signing, signed by pdp and two members.
  const cluster = await db.selectFrom('clusters').innerJoin('cluster_members', 'cluster_members.cluster_id', 'clusters.id')
    .select(['clusters.id']).where('clusters.name', 'like', 'Cụm thi đua số 1%').where('clusters.school_year', '=', schoolYear).where('cluster_members.unit_id', '=', pdp.id).executeTakeFirst();
  if (cluster) {
    const pact = await createPact(officer, { clusterId: cluster.id, body: DEMO_PACT_BODY });
    await openPact(officer, pact.id);
    await signPact(officer, pact.id, { unitId: pdp.id, signerName: head.actor.fullName, signerTitle: 'Hiệu trưởng' });
    for (const m of pact.members.filter((x) => x.unitId !== pdp.id).slice(0, 2)) await signPact(so, pact.id, { unitId: m.unitId, signerName: `Hiệu trưởng ${m.unitName.replace(/^Trường /, '')}`, signerTitle: 'Hiệu trưởng' });
  }

  // Outreach at pdp over the last months.
  const month = (back: number, day: number) => {
    const d = new Date(`${opts.today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back);
    return `${d.toISOString().slice(0, 8)}${String(day).padStart(2, '0')}`;
  };
  const entries = [
    { channel: 'hoi_nghi' as const, activityDate: month(3, 12), title: 'Hội nghị phát động phong trào thi đua năm học, ký cam kết thi đua', participants: 86, reach: 0 },
    { channel: 'ban_tin' as const, activityDate: month(2, 5), title: 'Bản tin thi đua số 1: gương người tốt, việc tốt tháng 9', participants: 0, reach: 1200 },
    { channel: 'website' as const, activityDate: month(2, 18), title: 'Đăng tin kết quả đăng ký thi đua của trường trên website', participants: 0, reach: 2350, link: 'https://thptphandinhphung.edu.vn/tin-tuc/dang-ky-thi-dua' },
    { channel: 'zalo' as const, activityDate: month(1, 8), title: 'Chia sẻ kế hoạch thi đua chào mừng 20/11 trên nhóm Zalo phụ huynh', participants: 0, reach: 940 },
    { channel: 'facebook' as const, activityDate: month(1, 21), title: 'Bài viết giới thiệu sáng kiến sơ đồ tư duy số trên fanpage của trường', participants: 0, reach: 3100, link: 'https://facebook.com/thptphandinhphung' },
    { channel: 'tap_huan' as const, activityDate: month(0, 2), title: 'Tập huấn viết sáng kiến kinh nghiệm cho giáo viên trẻ', participants: 34, reach: 0 },
  ];
  for (const e of entries) await createOutreach(officer, { unitId: pdp.id, planId: plan.id, ...e });

  // This quarter's exemplar of pdp, accepted by the Sở, publication consented.
  const ex = await nominateExemplar(officer, {
    unitId: pdp.id, schoolYear, quarter, personId: lanId ?? null, title: 'Cô giáo Nguyễn Thị Lan – lan tỏa sơ đồ tư duy số trong dạy học Ngữ văn',
    writeUp: 'Cô Lan đã xây dựng và chia sẻ bộ sơ đồ tư duy số cho toàn bộ chương trình Ngữ văn 11, tổ chức 4 chuyên đề cấp tổ, hướng dẫn đồng nghiệp trong cụm áp dụng; sáng kiến được công nhận cấp cơ sở.',
    consentPublic: true,
  });
  await decideExemplar(so, ex.id, { decision: 'accept' });
}
