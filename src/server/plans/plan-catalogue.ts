// Built-in catalogue of typical movements in the education sector: the yearly thường xuyên movement
// per năm học and the common chuyên đề movements. Content drawn from the seed plans (CCHC: seeds
// 000, 001, 003; propaganda: 002; yearly patriotic movement and "xanh, sạch, đẹp": 004), adapted to
// the unit that launches it (who signs, which parts carry it out).
import type { PlanKind, UnitKind } from '../db/schema';
import { reportDueDates, type TPlanBody } from './plan-body';

export type TCatalogueUnit = { name: string; kind: UnitKind; parentName: string | null; place: string | null; groups: string[] };

export type TCatalogueEntry = {
  code: string;
  kind: PlanKind;
  movementName: string;
  summary: string;
  /** Period for a school year starting in `year`. */
  period: (year: number) => { from: string; to: string };
  build: (unit: TCatalogueUnit, year: number) => TPlanBody;
};

const SCHOOL_KINDS: UnitKind[] = ['thpt', 'thcs', 'th', 'mn', 'lien_cap', 'gdtx', 'truong_khac'];
export const isSchool = (k: UnitKind) => SCHOOL_KINDS.includes(k);

/** The title of the person who signs for a unit and awards its Giấy khen. */
export function headTitleOf(kind: UnitKind, unitName = ''): string {
  if (kind === 'so') return 'Giám đốc Sở Giáo dục và Đào tạo';
  if (kind === 'ubnd_xa') return `Chủ tịch Ủy ban nhân dân ${/^Ủy ban nhân dân (phường|đặc khu)/u.exec(unitName)?.[1] ?? 'xã'}`;
  if (kind === 'ubnd_tinh') return 'Chủ tịch Ủy ban nhân dân tỉnh';
  if (kind === 'gdtx') return 'Giám đốc Trung tâm';
  if (kind === 'bo') return 'Bộ trưởng Bộ Giáo dục và Đào tạo';
  if (isSchool(kind)) return 'Hiệu trưởng';
  return 'Thủ trưởng đơn vị';
}

export function signerTitleOf(kind: UnitKind): string {
  if (kind === 'so' || kind === 'gdtx') return 'GIÁM ĐỐC';
  if (kind === 'ubnd_xa' || kind === 'ubnd_tinh') return 'CHỦ TỊCH';
  if (kind === 'bo') return 'BỘ TRƯỞNG';
  if (isSchool(kind)) return 'HIỆU TRƯỞNG';
  return 'THỦ TRƯỞNG';
}

const schoolYearPeriod = (y: number) => ({ from: `${y}-09-05`, to: `${y + 1}-05-31` });
const yearLabel = (y: number) => `năm học ${y}-${y + 1}`;

function subjectsFor(unit: TCatalogueUnit): TPlanBody['subjects'] {
  if (unit.kind === 'so') {
    return { collectives: { unitKinds: ['phong_ban', 'thpt', 'gdtx', 'thcs', 'th', 'mn'], groups: [], text: null }, individuals: { staffCategories: ['công chức, viên chức', 'người lao động'], learners: false, text: null } };
  }
  if (unit.kind === 'ubnd_xa') {
    return { collectives: { unitKinds: ['mn', 'th', 'thcs', 'lien_cap'], groups: [], text: null }, individuals: { staffCategories: ['cán bộ quản lý', 'giáo viên', 'nhân viên'], learners: false, text: null } };
  }
  return { collectives: { unitKinds: [], groups: unit.groups.length ? unit.groups : ['Các tổ chuyên môn', 'Tổ văn phòng'], text: null }, individuals: { staffCategories: ['cán bộ quản lý', 'giáo viên', 'nhân viên'], learners: unit.kind !== 'mn', text: null } };
}

function implementationFor(unit: TCatalogueUnit, movement: string): TPlanBody['implementation'] {
  if (unit.kind === 'so') {
    return [
      { part: 'Các phòng chuyên môn, nghiệp vụ thuộc Sở; các trường THPT và đơn vị trực thuộc; các trường mầm non, tiểu học, THCS', tasks: [`Căn cứ Kế hoạch này, xây dựng Kế hoạch thực hiện phong trào thi đua “${movement}” tại cơ quan, đơn vị mình, gửi về Sở (qua Văn phòng Sở) đúng thời hạn.`, 'Báo cáo kết quả thực hiện theo định kỳ; gửi hồ sơ đề nghị khen thưởng đúng thời hạn.'] },
      { part: 'Văn phòng Sở (bộ phận thi đua – khen thưởng)', tasks: ['Tham mưu lãnh đạo Sở triển khai, theo dõi, hướng dẫn, kiểm tra các đơn vị thực hiện phong trào thi đua.', 'Tổng hợp kết quả, tham mưu sơ kết, tổng kết và đề xuất khen thưởng các tập thể, cá nhân tiêu biểu.'] },
      { part: 'Công đoàn ngành Giáo dục tỉnh', tasks: ['Chỉ đạo công đoàn cơ sở phối hợp với chính quyền vận động công chức, viên chức, người lao động tích cực hưởng ứng phong trào thi đua.'] },
    ];
  }
  if (unit.kind === 'ubnd_xa') {
    return [
      { part: 'Phòng Văn hóa – Xã hội', tasks: ['Tham mưu Ủy ban nhân dân xã triển khai, theo dõi, đôn đốc các trường trên địa bàn thực hiện Kế hoạch.', 'Tổng hợp kết quả, tham mưu khen thưởng các tập thể, cá nhân tiêu biểu.'] },
      { part: 'Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn', tasks: [`Xây dựng Kế hoạch thực hiện phong trào thi đua “${movement}” của đơn vị, gửi về Ủy ban nhân dân xã (qua Phòng Văn hóa – Xã hội) đúng thời hạn.`, 'Báo cáo kết quả định kỳ; lựa chọn, đề nghị khen thưởng tập thể, cá nhân tiêu biểu.'] },
    ];
  }
  return [
    { part: 'Ban Giám hiệu', tasks: [`Chỉ đạo triển khai phong trào thi đua “${movement}” đến toàn thể cán bộ, giáo viên, nhân viên.`, 'Tổ chức sơ kết, tổng kết; xét khen thưởng và đề nghị cấp trên khen thưởng tập thể, cá nhân tiêu biểu.'] },
    { part: 'Các tổ chuyên môn, tổ văn phòng', tasks: ['Tổ chức cho thành viên đăng ký thi đua, thực hiện các nội dung thi đua; đánh giá, bình xét hằng tháng, cuối học kỳ và cuối năm.'] },
    { part: 'Công đoàn cơ sở, Đoàn Thanh niên', tasks: ['Phối hợp với nhà trường tuyên truyền, vận động đoàn viên tích cực hưởng ứng phong trào thi đua; phát hiện, nhân rộng điển hình tiên tiến.'] },
  ];
}

function awardsFor(unit: TCatalogueUnit, collectiveQuota: string, individualQuota: string): TPlanBody['awards'] {
  const head = headTitleOf(unit.kind, unit.name);
  const source = unit.kind === 'so' ? 'Quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo' : 'Quỹ thi đua, khen thưởng của đơn vị';
  return [
    { name: `Giấy khen của ${head}`, authority: head, recipient: 'collective', quota: collectiveQuota, moneySource: source, note: null },
    { name: `Giấy khen của ${head}`, authority: head, recipient: 'individual', quota: individualQuota, moneySource: source, note: null },
  ];
}

function dossierFor(unit: TCatalogueUnit): TPlanBody['dossier'] {
  return {
    items: [
      'Tờ trình đề nghị khen thưởng của đơn vị.',
      'Biên bản họp Hội đồng Thi đua – Khen thưởng của đơn vị.',
      'Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng (nêu rõ thành tích theo các tiêu chuẩn của phong trào thi đua), kèm minh chứng.',
    ],
    copies: 1,
    submitTo: unit.kind === 'so' ? 'Văn phòng Sở' : unit.kind === 'ubnd_xa' ? 'Phòng Văn hóa – Xã hội' : 'Thường trực Hội đồng Thi đua – Khen thưởng nhà trường',
  };
}

function recipientsFor(unit: TCatalogueUnit): string[] {
  if (unit.kind === 'so') return ['UBND tỉnh (báo cáo)', 'Sở Nội vụ (báo cáo)', 'Các Phó Giám đốc Sở', 'Công đoàn ngành Giáo dục tỉnh (phối hợp)', 'Các phòng chuyên môn, nghiệp vụ thuộc Sở', 'Các trường THPT và đơn vị trực thuộc', 'Đăng Website Sở GDĐT'];
  if (unit.kind === 'ubnd_xa') return ['Phòng Văn hóa – Xã hội', 'Các trường trên địa bàn xã'];
  return [...(unit.parentName ? [`${unit.parentName} (báo cáo)`] : []), 'Ban Giám hiệu', 'Các tổ chuyên môn, tổ văn phòng', 'Công đoàn cơ sở'];
}

function common(unit: TCatalogueUnit, year: number, period: { from: string; to: string }, movement: string) {
  return {
    place: unit.place,
    timeline: {
      registrationDeadline: addDays(period.from, 25),
      reportSchedules: ['half_year', 'annual'] as ('quarterly' | 'half_year' | 'annual')[],
      reports: reportDueDates(['half_year', 'annual'], period.from, period.to),
      nominationDeadline: null as string | null,
      midtermReviewDate: null as string | null,
      finalReviewDate: null as string | null,
      milestones: [] as { date: string; task: string; owner?: string | null }[],
    },
    implementation: implementationFor(unit, movement),
    dossier: dossierFor(unit),
    recipients: recipientsFor(unit),
    subjects: subjectsFor(unit),
    closing: null,
    intro: null,
    movementName: movement,
    funding: [unit.kind === 'so' ? 'Kinh phí khen thưởng được bố trí từ nguồn kinh phí khen thưởng hằng năm của Sở Giáo dục và Đào tạo; mức thưởng theo quy định của Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành.' : 'Kinh phí khen thưởng chi từ quỹ thi đua, khen thưởng của đơn vị theo quy chế chi tiêu nội bộ; mức thưởng theo quy định của Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành.'],
    yearLabel: yearLabel(year),
  };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const LAW_BASES = [
  { kind: 'law' as const, text: 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', planId: null },
  { kind: 'law' as const, text: 'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền và chi tiết thi hành một số điều của Luật Thi đua, khen thưởng', planId: null },
];
const EDU_BASIS = { kind: 'law' as const, text: 'Căn cứ Thông tư số 07/2026/TT-BGDĐT ngày 15 tháng 02 năm 2026 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục', planId: null };

function finish(unit: TCatalogueUnit, year: number, period: { from: string; to: string }, movement: string, extra: Partial<TPlanBody> & Pick<TPlanBody, 'purposes' | 'requirements' | 'contents' | 'criteria' | 'awards'>): TPlanBody {
  const { yearLabel: _y, ...c } = common(unit, year, period, movement);
  const body: TPlanBody = {
    ...c,
    legalBases: [...LAW_BASES, EDU_BASIS],
    ...extra,
    timeline: { ...c.timeline, ...(extra.timeline ?? {}) },
  };
  return body;
}

export const PLAN_CATALOGUE: readonly TCatalogueEntry[] = [
  {
    code: 'thi-dua-nam-hoc',
    kind: 'regular',
    movementName: 'Thi đua thực hiện thắng lợi nhiệm vụ năm học',
    summary: 'Phong trào thi đua yêu nước thường xuyên hằng năm học: đăng ký danh hiệu, bình xét cuối năm học.',
    period: schoolYearPeriod,
    build: (unit, year) => {
      const period = schoolYearPeriod(year);
      return finish(unit, year, period, 'Thi đua thực hiện thắng lợi nhiệm vụ năm học', {
        purposes: [
          `Động viên cán bộ, giáo viên, nhân viên${unit.kind === 'mn' ? '' : ' và người học'} phát huy tinh thần đoàn kết, sáng tạo, thi đua hoàn thành xuất sắc nhiệm vụ ${yearLabel(year)}.`,
          'Phát hiện, bồi dưỡng, tôn vinh và nhân rộng các điển hình tiên tiến, nhân tố mới, mô hình hay trong các phong trào thi đua.',
          'Gắn phong trào thi đua với việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
        ],
        requirements: [
          'Phong trào thi đua phải được tổ chức thiết thực, hiệu quả, tránh hình thức; nội dung thi đua bám sát nhiệm vụ trọng tâm của năm học.',
          'Việc bình xét, khen thưởng phải chính xác, công khai, công bằng, kịp thời, đúng tiêu chuẩn và quy trình.',
        ],
        contents: [
          { title: 'Thi đua thực hiện tốt các cuộc vận động, phong trào thi đua của ngành; nâng cao phẩm chất đạo đức, trách nhiệm nghề nghiệp của nhà giáo.', details: [], indicators: [] },
          { title: 'Thi đua đổi mới phương pháp dạy học, kiểm tra đánh giá; nâng cao chất lượng giáo dục toàn diện.', details: ['Thực hiện đầy đủ chương trình, kế hoạch giáo dục của nhà trường.', 'Bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu.'], indicators: [{ name: 'Tỷ lệ học sinh lên lớp, hoàn thành chương trình', target: '≥ 98%', unit: '%' }, { name: 'Giáo viên đạt chuẩn nghề nghiệp mức khá trở lên', target: '≥ 90%', unit: '%' }] },
          { title: 'Thi đua xây dựng trường học an toàn, thân thiện; đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số trong quản lý, dạy học.', details: [], indicators: [] },
          { title: 'Thi đua nghiên cứu, áp dụng sáng kiến, giải pháp mang lại hiệu quả trong công tác.', details: [], indicators: [{ name: 'Sáng kiến được công nhận', target: 'Mỗi tổ ít nhất 01', unit: 'sáng kiến' }] },
        ],
        criteria: [
          { title: 'Lao động tiên tiến', recipient: 'individual', items: ['Hoàn thành tốt nhiệm vụ trở lên.', 'Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua.'] },
          { title: 'Chiến sĩ thi đua cơ sở', recipient: 'individual', items: ['Đạt danh hiệu Lao động tiên tiến.', 'Hoàn thành xuất sắc nhiệm vụ.', 'Có sáng kiến được cơ sở công nhận, áp dụng hiệu quả.'] },
          { title: 'Tập thể lao động tiên tiến', recipient: 'collective', items: ['Hoàn thành tốt nhiệm vụ và kế hoạch được giao.', 'Có ít nhất 70% cá nhân đạt danh hiệu Lao động tiên tiến; không có cá nhân bị kỷ luật từ cảnh cáo trở lên.', 'Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước.'] },
          { title: 'Tập thể lao động xuất sắc', recipient: 'collective', items: ['Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ, thực hiện tốt nghĩa vụ đối với Nhà nước.', '100% cá nhân hoàn thành nhiệm vụ, trong đó ít nhất 70% hoàn thành tốt nhiệm vụ; có cá nhân đạt Chiến sĩ thi đua cơ sở.', 'Không có cá nhân bị kỷ luật từ cảnh cáo trở lên.'] },
        ],
        awards: [
          { name: 'Chiến sĩ thi đua cơ sở', authority: headTitleOf(unit.kind, unit.name), recipient: 'individual', quota: 'không quá 15% số cá nhân đạt Lao động tiên tiến', moneySource: null, note: null },
          { name: 'Lao động tiên tiến', authority: headTitleOf(unit.kind, unit.name), recipient: 'individual', quota: 'không quá 80% tổng số cán bộ, giáo viên, nhân viên', moneySource: null, note: null },
          { name: 'Tập thể lao động tiên tiến', authority: headTitleOf(unit.kind, unit.name), recipient: 'collective', quota: '1–2 tập thể', moneySource: null, note: null },
          ...awardsFor(unit, '1–2', '2–3'),
        ],
        timeline: {
          registrationDeadline: `${year}-10-15`,
          reportSchedules: ['half_year', 'annual'],
          reports: [{ schedule: 'half_year', period: 'Học kỳ I', dueDate: `${year + 1}-01-15` }, { schedule: 'annual', period: yearLabel(year).replace('năm học', 'Năm học'), dueDate: `${year + 1}-05-25` }],
          nominationDeadline: `${year + 1}-06-10`,
          midtermReviewDate: `${year + 1}-01-20`,
          finalReviewDate: `${year + 1}-05-25`,
          milestones: [],
        },
      });
    },
  },
  {
    code: 'cai-cach-hanh-chinh',
    kind: 'thematic',
    movementName: 'Đẩy mạnh cải cách hành chính',
    summary: 'Chuyên đề CCHC: thủ tục hành chính, dịch vụ công trực tuyến, chỉ số PAR INDEX, SIPAS (seed 000, 001, 003).',
    period: schoolYearPeriod,
    build: (unit, year) => {
      const period = schoolYearPeriod(year);
      const m = 'Đẩy mạnh cải cách hành chính';
      return finish(unit, year, period, m, {
        purposes: [
          'Nâng cao nhận thức, trách nhiệm lãnh đạo, chỉ đạo của cấp ủy, người đứng đầu và cán bộ, công chức, viên chức trong thực hiện nhiệm vụ cải cách hành chính (CCHC).',
          'Khuyến khích các tập thể, cá nhân có mô hình, giải pháp CCHC cụ thể, thiết thực nhằm xây dựng nền hành chính thông suốt, hiệu lực, hiệu quả, lấy sự hài lòng của người dân, tổ chức làm thước đo.',
          'Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc, tiêu biểu trong công tác CCHC.',
        ],
        requirements: [
          'Phong trào thi đua được triển khai rộng khắp, thường xuyên, liên tục với hình thức phong phú, sáng tạo, phù hợp với điều kiện thực tế của đơn vị.',
          'Thường xuyên kiểm tra, đánh giá, sơ kết, tổng kết phong trào thi đua; bám sát mục tiêu, chỉ tiêu CCHC của tỉnh và của ngành.',
        ],
        contents: [
          { title: 'Thi đua thực hiện các chỉ tiêu, nhiệm vụ về cải cách thể chế, cải cách thủ tục hành chính, cải cách tổ chức bộ máy, cải cách chế độ công vụ, cải cách tài chính công, xây dựng chính quyền điện tử, chính quyền số.', details: ['Rà soát, hệ thống hóa văn bản, bảo đảm tính hợp pháp, đồng bộ, phù hợp thực tiễn.', 'Thực hiện rà soát, đơn giản hóa, công khai, minh bạch các thủ tục hành chính.', 'Thực hiện nghiêm kỷ luật, kỷ cương hành chính.'], indicators: [{ name: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', target: '100%', unit: '%' }] },
          { title: 'Thi đua đổi mới công tác chỉ đạo, điều hành để nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS).', details: [], indicators: [{ name: 'Mức độ hài lòng của người dân, tổ chức', target: '≥ 90%', unit: '%' }] },
          { title: 'Thi đua đẩy mạnh ứng dụng công nghệ thông tin, dịch vụ công trực tuyến trong giải quyết thủ tục hành chính.', details: [], indicators: [{ name: 'Tỷ lệ thủ tục hành chính được giải quyết trực tuyến toàn trình', target: '≥ 90%', unit: '%' }] },
          { title: 'Thi đua đề xuất sáng kiến, giải pháp, mô hình mới trong thực hiện nhiệm vụ CCHC.', details: [], indicators: [] },
        ],
        criteria: [
          { title: `Giấy khen của ${headTitleOf(unit.kind, unit.name)}`, recipient: 'collective', items: ['Nội bộ đoàn kết, gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước.', 'Có mô hình hoặc giải pháp CCHC mang tính mới, được áp dụng trong thực tiễn, tạo chuyển biến rõ rệt.'] },
          { title: `Giấy khen của ${headTitleOf(unit.kind, unit.name)}`, recipient: 'individual', items: ['Hoàn thành tốt nhiệm vụ trở lên đến thời điểm bình xét; gương mẫu thực hiện kỷ luật, kỷ cương hành chính.', 'Thực hiện xuất sắc nhiệm vụ CCHC được giao; có sáng kiến hoặc giải pháp CCHC được công nhận.'] },
        ],
        awards: [
          ...awardsFor(unit, unit.kind === 'so' ? '04 đơn vị dẫn đầu' : '1–2', unit.kind === 'so' ? '02' : '1–2'),
          ...(unit.kind === 'so' ? [] : [{ name: 'Đề nghị cấp trên khen thưởng', authority: unit.parentName, recipient: 'individual' as const, quota: '01 cá nhân/tập thể', moneySource: null, note: null }]),
        ],
        timeline: { registrationDeadline: addDays(period.from, 25), reportSchedules: ['quarterly', 'half_year', 'annual'], reports: reportDueDates(['quarterly', 'half_year', 'annual'], period.from, period.to), nominationDeadline: `${year + 1}-01-15`, midtermReviewDate: `${year + 1}-01-20`, finalReviewDate: `${year + 1}-05-25`, milestones: [] },
      });
    },
  },
  {
    code: 'day-tot-hoc-tot',
    kind: 'thematic',
    movementName: 'Dạy tốt – học tốt',
    summary: 'Chuyên đề đổi mới phương pháp dạy học, hội giảng, nâng cao chất lượng giáo dục.',
    period: schoolYearPeriod,
    build: (unit, year) => {
      const period = schoolYearPeriod(year);
      return finish(unit, year, period, 'Dạy tốt – học tốt', {
        purposes: ['Phát huy tinh thần tự học, sáng tạo của giáo viên và học sinh; đổi mới phương pháp dạy học, kiểm tra đánh giá theo hướng phát triển phẩm chất, năng lực.', 'Nâng cao chất lượng giáo dục toàn diện, chất lượng mũi nhọn.'],
        requirements: ['Tổ chức thiết thực, gắn với hoạt động chuyên môn hằng tuần của tổ; mọi giáo viên tham gia.', 'Đánh giá kết quả bằng minh chứng cụ thể: tiết dạy, chuyên đề, kết quả học tập của học sinh.'],
        contents: [
          { title: 'Thi đua dạy tốt: hội giảng, thao giảng, dự giờ, chuyên đề đổi mới phương pháp dạy học.', details: ['Mỗi giáo viên thực hiện ít nhất 02 tiết thao giảng trong năm học.', 'Mỗi tổ chuyên môn tổ chức ít nhất 01 chuyên đề mỗi học kỳ.'], indicators: [{ name: 'Tiết dạy xếp loại tốt', target: '≥ 70%', unit: '%' }] },
          { title: 'Thi đua học tốt: xây dựng nề nếp học tập, phong trào đôi bạn cùng tiến, câu lạc bộ học thuật.', details: [], indicators: [{ name: 'Học sinh có kết quả học tập từ khá trở lên', target: '≥ 60%', unit: '%' }] },
          { title: 'Thi đua ứng dụng công nghệ thông tin, học liệu số trong dạy học.', details: [], indicators: [] },
        ],
        criteria: [
          { title: `Giấy khen của ${headTitleOf(unit.kind, unit.name)}`, recipient: 'individual', items: ['Có tiết dạy tốt trong hội giảng; có sáng kiến hoặc chuyên đề được tổ đánh giá cao.', 'Lớp chủ nhiệm hoặc môn giảng dạy đạt chỉ tiêu chất lượng đã đăng ký.'] },
          { title: `Giấy khen của ${headTitleOf(unit.kind, unit.name)}`, recipient: 'collective', items: ['Hoàn thành vượt mức các chỉ tiêu chất lượng đã đăng ký; tổ chức chuyên đề hiệu quả.'] },
        ],
        awards: awardsFor(unit, '1–2', '3–5'),
        timeline: { registrationDeadline: `${year}-09-30`, reportSchedules: ['half_year', 'annual'], reports: [{ schedule: 'half_year', period: 'Học kỳ I', dueDate: `${year + 1}-01-15` }, { schedule: 'annual', period: 'Cả năm học', dueDate: `${year + 1}-05-20` }], nominationDeadline: `${year + 1}-05-25`, midtermReviewDate: `${year + 1}-01-20`, finalReviewDate: `${year + 1}-05-25`, milestones: [{ date: `${year}-11-15`, task: 'Hội giảng chào mừng Ngày Nhà giáo Việt Nam', owner: 'Các tổ chuyên môn' }] },
      });
    },
  },
  {
    code: 'chao-mung-20-11',
    kind: 'thematic',
    movementName: 'Chào mừng Ngày Nhà giáo Việt Nam 20/11',
    summary: 'Đợt thi đua ngắn từ khai giảng đến 20/11: hội giảng, hoạt động tri ân thầy cô.',
    period: (y) => ({ from: `${y}-09-05`, to: `${y}-11-20` }),
    build: (unit, year) => {
      const period = { from: `${year}-09-05`, to: `${year}-11-20` };
      return finish(unit, year, period, 'Chào mừng Ngày Nhà giáo Việt Nam 20/11', {
        purposes: [`Lập thành tích chào mừng kỷ niệm Ngày Nhà giáo Việt Nam 20/11/${year}; tôn vinh nhà giáo, khơi dậy truyền thống “tôn sư trọng đạo”.`, 'Tạo không khí thi đua sôi nổi ngay từ đầu năm học.'],
        requirements: ['Hoạt động thiết thực, tiết kiệm, an toàn; không tổ chức quà tặng mang tính hình thức.', 'Sơ kết đợt thi đua và khen thưởng kịp thời trong lễ kỷ niệm.'],
        contents: [
          { title: 'Thi đua hội giảng, thao giảng chào mừng 20/11.', details: ['Mỗi giáo viên đăng ký ít nhất 01 tiết dạy tốt.'], indicators: [{ name: 'Tiết dạy tốt', target: '≥ 01/giáo viên', unit: 'tiết' }] },
          { title: 'Thi đua “Tuần học tốt”, “Hoa điểm 10” trong học sinh.', details: [], indicators: [] },
          { title: 'Các hoạt động văn nghệ, thể thao, tri ân thầy cô giáo, thăm hỏi nhà giáo lão thành.', details: [], indicators: [] },
        ],
        criteria: [{ title: `Giấy khen của ${headTitleOf(unit.kind, unit.name)}`, recipient: 'individual', items: ['Có tiết dạy xếp loại tốt trong đợt hội giảng; tích cực tham gia các hoạt động của đợt thi đua.'] }],
        awards: awardsFor(unit, '01', '3–5'),
        timeline: { registrationDeadline: `${year}-09-20`, reportSchedules: [], reports: [{ schedule: 'annual', period: 'Kết thúc đợt thi đua', dueDate: `${year}-11-25` }], nominationDeadline: `${year}-11-10`, midtermReviewDate: null, finalReviewDate: `${year}-11-20`, milestones: [{ date: `${year}-11-20`, task: 'Lễ kỷ niệm Ngày Nhà giáo Việt Nam và tổng kết đợt thi đua', owner: 'Ban Giám hiệu, Công đoàn' }] },
      });
    },
  },
  {
    code: 'xanh-sach-dep',
    kind: 'thematic',
    movementName: 'Xây dựng trường học xanh – sạch – đẹp – an toàn',
    summary: 'Chuyên đề môi trường: công trình “Môi trường không rác, xanh, sạch, đẹp, thân thiện” (seed 004).',
    period: schoolYearPeriod,
    build: (unit, year) => {
      const period = schoolYearPeriod(year);
      return finish(unit, year, period, 'Xây dựng trường học xanh – sạch – đẹp – an toàn', {
        purposes: ['Xây dựng cảnh quan trường học xanh, sạch, đẹp, an toàn, thân thiện; nâng cao ý thức bảo vệ môi trường của cán bộ, giáo viên, nhân viên và học sinh.', 'Thực hiện công trình thi đua “Môi trường không rác, xanh, sạch, đẹp, thân thiện”.'],
        requirements: ['Phân công cụ thể khu vực, nhiệm vụ cho từng tập thể; kiểm tra, chấm điểm định kỳ hằng tháng.'],
        contents: [
          { title: 'Thi đua giữ gìn vệ sinh lớp học, khuôn viên; phân loại rác tại nguồn, hạn chế rác thải nhựa.', details: [], indicators: [{ name: 'Lớp, tổ đạt “Xanh – sạch – đẹp” hằng tháng', target: '≥ 90%', unit: '%' }] },
          { title: 'Thi đua trồng và chăm sóc cây xanh, bồn hoa; xây dựng góc thiên nhiên, vườn trường.', details: [], indicators: [] },
          { title: 'Thi đua bảo đảm an toàn trường học: phòng chống tai nạn thương tích, cháy nổ, an toàn thực phẩm.', details: [], indicators: [] },
        ],
        criteria: [{ title: `Giấy khen của ${headTitleOf(unit.kind, unit.name)}`, recipient: 'collective', items: ['Đạt danh hiệu “Xanh – sạch – đẹp” ít nhất 7/9 tháng; có sáng kiến cải tạo cảnh quan được áp dụng.'] }],
        awards: awardsFor(unit, '1–2', '1–2'),
        timeline: { registrationDeadline: `${year}-09-30`, reportSchedules: ['half_year', 'annual'], reports: reportDueDates(['half_year', 'annual'], period.from, period.to), nominationDeadline: `${year + 1}-05-20`, midtermReviewDate: `${year + 1}-01-20`, finalReviewDate: `${year + 1}-05-25`, milestones: [] },
      });
    },
  },
  {
    code: 'dich-vu-cong-truc-tuyen',
    kind: 'thematic',
    movementName: 'Thi đua ứng dụng dịch vụ công trực tuyến',
    summary: 'Chuyên đề hẹp của CCHC: tỷ lệ thủ tục giải quyết trực tuyến, tuyên truyền qua bản tin, website, Zalo (seed 002, 003).',
    period: (y) => ({ from: `${y}-09-05`, to: `${y + 1}-05-31` }),
    build: (unit, year) => {
      const period = schoolYearPeriod(year);
      return finish(unit, year, period, 'Thi đua ứng dụng dịch vụ công trực tuyến', {
        purposes: ['Thực hiện có hiệu quả các nội dung CCHC của ngành; tăng tỷ lệ thủ tục hành chính được giải quyết trực tuyến.', 'Kịp thời biểu dương cá nhân có thành tích trong tuyên truyền, hỗ trợ cha mẹ học sinh, người dân sử dụng dịch vụ công trực tuyến.'],
        requirements: ['Tuyên truyền thường xuyên, đa dạng hình thức: bản tin, website, Zalo, Facebook, họp định kỳ.'],
        contents: [
          { title: 'Thi đua thực hiện ứng dụng dịch vụ công trực tuyến, bảo đảm tỷ lệ thủ tục hành chính được giải quyết trực tuyến.', details: [], indicators: [{ name: 'Tỷ lệ hồ sơ nộp trực tuyến', target: '≥ 80%', unit: '%' }] },
          { title: 'Thi đua đề xuất giải pháp, sáng kiến, mô hình thiết thực, hiệu quả trong thực hiện CCHC.', details: [], indicators: [] },
        ],
        criteria: [{ title: `Giấy khen của ${headTitleOf(unit.kind, unit.name)}`, recipient: 'individual', items: ['Có thành tích xuất sắc trong tuyên truyền, vận động và hỗ trợ người dân thực hiện dịch vụ công trực tuyến; có sáng kiến hoặc giải pháp hiệu quả áp dụng tại đơn vị.'] }],
        awards: awardsFor(unit, '01', '1–2'),
        timeline: { registrationDeadline: addDays(period.from, 25), reportSchedules: ['quarterly'], reports: reportDueDates(['quarterly'], period.from, period.to), nominationDeadline: `${year + 1}-05-20`, midtermReviewDate: null, finalReviewDate: `${year + 1}-05-25`, milestones: [] },
      });
    },
  },
];

/** The parts of a body that depend on who launches the plan, for a plan inherited from a parent. */
export function unitDefaults(unit: TCatalogueUnit, movement: string) {
  return {
    headTitle: headTitleOf(unit.kind, unit.name),
    subjects: subjectsFor(unit),
    awards: awardsFor(unit, '1–2', '1–2'),
    dossier: dossierFor(unit),
    implementation: implementationFor(unit, movement),
    recipients: recipientsFor(unit),
    funding: common(unit, 2000, { from: '2000-09-05', to: '2001-05-31' }, movement).funding,
  };
}

export function findCatalogueEntry(code: string): TCatalogueEntry | undefined {
  return PLAN_CATALOGUE.find((e) => e.code === code);
}

/** The plan's trích yếu, as the seeds write it. */
export function planTitle(kind: PlanKind, movementName: string, schoolYear: number | null): string {
  const when = schoolYear ? ` ${yearLabel(schoolYear)}` : '';
  if (kind === 'regular') return `Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ${when}`;
  return `Phát động phong trào thi đua “${movementName}”${when}`;
}
