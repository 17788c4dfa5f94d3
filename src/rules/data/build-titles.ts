// Builds the title catalogue of the Luật TĐKT 2022 family of rule sets. The shipped sets are the
// plain-data results of these builders (see rule-sets.ts); an administrator edits the data, not this code.
import type { AuthorityKind, Cited, Criterion, TitleRule, VoteThreshold } from '../types';

export type Era = 'nd98' | 'nd152' | 'nd152_tt07' | 'luat2026_draft';

export function cited<T>(value: T, citation: string, verified: boolean, note?: string): Cited<T> {
  return note === undefined ? { value, citation, verified } : { value, citation, verified, note };
}

/** Deep copy of `data` with every cited value / criterion / title marked unverified with `note`. */
export function markUnverified<T>(data: T, note: string): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    if (typeof out.verified === 'boolean' && typeof out.citation === 'string') {
      const earlier = typeof out.note === 'string' ? `${out.note} ` : '';
      out.verified = false;
      out.note = `${earlier}${note}`.trim();
    }
    return out;
  };
  return walk(data) as T;
}

const LUAT = 'Luật Thi đua, khen thưởng 06/2022/QH15';
const TT29 = 'Thông tư 29/2023/TT-BGDĐT';
const TT07 = 'Thông tư 07/2026/TT-BGDĐT';

function decreeOf(era: Era): string {
  return era === 'nd98' ? 'Nghị định 98/2023/NĐ-CP' : 'Nghị định 152/2025/NĐ-CP';
}

function threshold(share: number): VoteThreshold {
  return { share, comparison: 'gte', label: `≥ ${Math.round(share * 100)}% tổng số thành viên Hội đồng` };
}

function voteOf(era: Era, share: number): Cited<VoteThreshold> {
  if (era === 'nd98') return cited(threshold(share), 'Nghị định 98/2023/NĐ-CP Điều 30 khoản 7', true);
  return cited(
    threshold(share),
    'Mặc định theo Nghị định 98/2023/NĐ-CP Điều 30 khoản 7',
    false,
    'Từ 01/07/2025 không thấy tỷ lệ toàn quốc; bộ, tỉnh tự quy định. Giá trị mặc định, cơ quan có thẩm quyền ghi đè theo quy chế.',
  );
}

function moneyOf(era: Era, value: number, kind: 'danh_hieu' | 'hinh_thuc', verifiedIn152: boolean, note?: string): Cited<number> {
  if (era === 'nd98') {
    return cited(
      value,
      'Nghị định 98/2023/NĐ-CP (mục tiền thưởng)',
      false,
      'Hệ số thời NĐ 98 chưa đọc trong văn bản; giả định như NĐ 152/2025.',
    );
  }
  const article = kind === 'danh_hieu' ? 'Điều 51' : 'Điều 54';
  return cited(value, `Nghị định 152/2025/NĐ-CP ${article}`, verifiedIn152, note);
}

function authorities(kinds: AuthorityKind[], citation: string, verified: boolean, note?: string): Cited<AuthorityKind[]> {
  return cited(kinds, citation, verified, note);
}

/** Head of a school, Giám đốc Sở, and the local chairman of the period (district until 30/06/2025, commune after). */
function localAuthorities(era: Era, includeCommuneBefore2025: boolean): AuthorityKind[] {
  if (era === 'nd98') {
    const list: AuthorityKind[] = ['school_head', 'department_director', 'district_chairman'];
    if (includeCommuneBefore2025) list.push('commune_chairman');
    return list;
  }
  return ['school_head', 'department_director', 'commune_chairman'];
}

const noDiscipline = (era: Era): Criterion => ({
  type: 'no_discipline',
  code: 'khong_ky_luat',
  label: 'Không trong thời gian bị kỷ luật',
  citation: `${decreeOf(era)} Điều 4`,
  verified: era !== 'nd98',
  ...(era === 'nd98' ? { note: 'Nguyên tắc đọc trong NĐ 152 Điều 4; giả định như NĐ 98.' } : {}),
});

const minMonths = (era: Era): Criterion => ({
  type: 'min_months_worked',
  months: 10,
  code: 'du_10_thang',
  label: 'Làm việc từ 10 tháng trở lên trong năm (thời gian nghỉ thai sản được tính)',
  citation: era === 'nd152_tt07' || era === 'luat2026_draft' ? `${TT07} (dự thảo: ≥ 10 tháng)` : `${decreeOf(era)} Điều 4 (nghỉ thai sản được tính)`,
  verified: false,
  note: 'Ngưỡng 10 tháng theo thực tiễn (NĐ 91/2017) và dự thảo TT 07/2026; chưa đọc trong văn bản hiện hành. Quản trị có thể sửa.',
});

function individualTitles(era: Era): Record<string, TitleRule> {
  const decree = decreeOf(era);
  const nd152Forms = era !== 'nd98';
  const formNote = 'Số mẫu NĐ 152 suy ra từ thứ tự 11 mẫu báo cáo; cần đối chiếu bản PDF.';
  const nd98Individual = cited('Mẫu số 03 (Phụ lục I NĐ 98/2023)', 'Nghị định 98/2023/NĐ-CP Phụ lục I', true);
  const nd98Collective = cited('Mẫu số 02 (Phụ lục I NĐ 98/2023)', 'Nghị định 98/2023/NĐ-CP Phụ lục I', true);
  const delegatedNote = 'Thủ tục do bộ, tỉnh quy định (NĐ 152 Điều 6 k2c); không có mẫu quốc gia.';
  const basicDossier = cited(
    ['Tờ trình đề nghị khen thưởng', 'Biên bản họp Hội đồng thi đua, khen thưởng', 'Danh sách đề nghị'],
    'Nghị định 152/2025/NĐ-CP Điều 6 khoản 2 điểm c (thủ tục do bộ, tỉnh quy định)',
    false,
    delegatedNote,
  );
  const cstdcsDossier = cited(
    [
      'Tờ trình đề nghị khen thưởng (Mẫu số 01)',
      `Báo cáo thành tích cá nhân (${nd152Forms ? 'Mẫu số 05' : 'Mẫu số 03'})`,
      'Biên bản bình xét và kết quả bỏ phiếu kín của Hội đồng',
      'Minh chứng sáng kiến, đề tài hoặc kết quả đánh giá hoàn thành xuất sắc nhiệm vụ',
    ],
    'QĐ 638/QĐ-BNV 2025 (thủ tục hành chính); Luật TĐKT 2022 Điều 84',
    true,
  );
  const higherDossier = (scope: string): Cited<string[]> =>
    cited(
      [
        'Tờ trình đề nghị khen thưởng (Mẫu số 01)',
        'Báo cáo thành tích cá nhân',
        'Biên bản bình xét và kết quả bỏ phiếu kín của Hội đồng',
        `Xác nhận của người đứng đầu ${scope} về hiệu quả, phạm vi ảnh hưởng của sáng kiến, đề tài`,
      ],
      'Luật TĐKT 2022 Điều 84; QĐ 637, 638/QĐ-BNV 2025',
      true,
    );

  const ldtt: TitleRule = {
    code: 'LDTT',
    name: 'Lao động tiên tiến',
    shortName: 'LĐTT',
    kind: 'individual',
    category: 'danh_hieu',
    citation: `${LUAT} Điều 24`,
    verified: true,
    authorities: authorities(localAuthorities(era, true), `${LUAT} Điều 80${era === 'nd98' ? '' : '; Nghị định 129/2025/NĐ-CP Điều 59'}`, true),
    criteria: {
      individual: [
        noDiscipline(era),
        minMonths(era),
        {
          type: 'min_rating',
          rating: 'HTTNV',
          code: 'httnv_tro_len',
          label: 'Hoàn thành tốt nhiệm vụ trở lên',
          citation: `${LUAT} Điều 24`,
          verified: true,
        },
      ],
    },
    countsTowardMerit: true,
    voteThreshold: null,
    coefficient: { individual: moneyOf(era, 0.3, 'danh_hieu', true), collective: null },
    form: { individual: null, collective: null },
    dossier: basicDossier,
  };

  const cstdcsCriteria: Criterion[] =
    era === 'luat2026_draft'
      ? [
          noDiscipline(era),
          minMonths(era),
          {
            type: 'min_rating',
            rating: 'HTXSNV',
            code: 'htxsnv',
            label: 'Hoàn thành xuất sắc nhiệm vụ',
            citation: 'Luật 06/2026/QH16 (dự thảo: CSTĐCS = HTXSNV và có sáng kiến)',
            verified: false,
          },
          {
            type: 'initiative',
            level: 'co_so',
            windowYears: 1,
            count: 1,
            code: 'sang_kien_co_so',
            label: 'Có sáng kiến hoặc đề tài được công nhận cấp cơ sở trong năm',
            citation: 'Luật 06/2026/QH16 (dự thảo: không còn điều kiện LĐTT)',
            verified: false,
          },
        ]
      : [
          noDiscipline(era),
          minMonths(era),
          {
            type: 'title_same_year',
            title: 'LDTT',
            code: 'dat_ldtt',
            label: 'Đạt danh hiệu Lao động tiên tiến cùng năm',
            citation: `${LUAT} Điều 23`,
            verified: true,
          },
          {
            type: 'any_of',
            code: 'htxsnv_hoac_sang_kien',
            label: 'Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, đề tài được công nhận',
            citation: `${LUAT} Điều 23`,
            verified: true,
            criteria: [
              {
                type: 'min_rating',
                rating: 'HTXSNV',
                code: 'htxsnv',
                label: 'Hoàn thành xuất sắc nhiệm vụ',
                citation: `${LUAT} Điều 23`,
                verified: true,
              },
              {
                type: 'initiative',
                level: 'co_so',
                windowYears: 1,
                count: 1,
                code: 'sang_kien_co_so',
                label: 'Có sáng kiến hoặc đề tài được công nhận cấp cơ sở trong năm',
                citation: `${LUAT} Điều 23`,
                verified: true,
              },
            ],
          },
        ];

  const cstdcs: TitleRule = {
    code: 'CSTDCS',
    name: 'Chiến sĩ thi đua cơ sở',
    shortName: 'CSTĐCS',
    kind: 'individual',
    category: 'danh_hieu',
    citation: `${LUAT} Điều 23`,
    verified: true,
    authorities: authorities(localAuthorities(era, false), `${LUAT} Điều 80${era === 'nd98' ? '' : '; Nghị định 129/2025/NĐ-CP Điều 59'}`, true),
    criteria: { individual: cstdcsCriteria },
    countsTowardMerit: true,
    voteThreshold: voteOf(era, 0.8),
    coefficient: { individual: moneyOf(era, 1.0, 'danh_hieu', true), collective: null },
    form: {
      individual: nd152Forms ? cited('Mẫu số 05', 'Nghị định 152/2025/NĐ-CP Phụ lục; QĐ 638/QĐ-BNV', true) : null,
      collective: null,
    },
    dossier: cstdcsDossier,
  };

  const cstdTinh: TitleRule = {
    code: 'CSTD_TINH',
    name: 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
    shortName: 'CSTĐ cấp tỉnh',
    kind: 'individual',
    category: 'danh_hieu',
    citation: `${LUAT} Điều 22`,
    verified: true,
    authorities: authorities(['minister', 'province_chairman'], `${LUAT} Điều 79`, true),
    criteria: {
      individual: [
        noDiscipline(era),
        {
          type: 'consecutive_titles',
          title: 'CSTDCS',
          count: 3,
          code: 'ba_lan_cstdcs',
          label: '03 lần liên tục đạt Chiến sĩ thi đua cơ sở',
          citation: `${LUAT} Điều 22; ${decree} Điều 4 (khen chuyên đề, đột xuất không làm căn cứ)`,
          verified: true,
        },
        {
          type: 'initiative',
          level: 'tinh',
          windowYears: 3,
          count: 1,
          code: 'sang_kien_cap_tinh',
          label: 'Có sáng kiến, đề tài có hiệu quả, phạm vi ảnh hưởng cấp bộ, tỉnh',
          citation: `${LUAT} Điều 22`,
          verified: true,
        },
      ],
    },
    countsTowardMerit: true,
    voteThreshold: voteOf(era, 0.9),
    coefficient: { individual: moneyOf(era, 3.0, 'danh_hieu', true), collective: null },
    form: {
      individual: nd152Forms ? cited('Mẫu số 05', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Individual,
      collective: null,
    },
    dossier: higherDossier('bộ, tỉnh'),
  };

  const cstdTq: TitleRule = {
    code: 'CSTD_TQ',
    name: 'Chiến sĩ thi đua toàn quốc',
    shortName: 'CSTĐ toàn quốc',
    kind: 'individual',
    category: 'danh_hieu',
    citation: `${LUAT} Điều 21`,
    verified: true,
    authorities: authorities(['prime_minister'], `${LUAT} Điều 21, 78`, true),
    criteria: {
      individual: [
        noDiscipline(era),
        {
          type: 'titles_in_window',
          title: 'CSTD_TINH',
          count: 2,
          windowYears: 6,
          code: 'hai_lan_cstd_tinh',
          label: '02 lần liên tục đạt Chiến sĩ thi đua cấp bộ, tỉnh',
          citation: `${LUAT} Điều 21`,
          verified: true,
          note: '"Liên tục" đọc là hai lần trong 6 năm gần nhất (thời gian báo cáo thành tích của CSTĐ toàn quốc).',
        },
        {
          type: 'initiative',
          level: 'toan_quoc',
          windowYears: 6,
          count: 1,
          code: 'sang_kien_toan_quoc',
          label: 'Có sáng kiến, đề tài có phạm vi ảnh hưởng toàn quốc',
          citation: `${LUAT} Điều 21`,
          verified: true,
        },
      ],
    },
    countsTowardMerit: true,
    voteThreshold: voteOf(era, 0.9),
    coefficient: { individual: moneyOf(era, 4.5, 'danh_hieu', true), collective: null },
    form: {
      individual: nd152Forms ? cited('Mẫu số 03', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Individual,
      collective: null,
    },
    dossier: higherDossier('bộ, tỉnh (phạm vi toàn quốc)'),
  };

  const manual = (code: string, label: string, question: string, citation: string, verified: boolean, note?: string): Criterion => ({
    type: 'manual',
    code,
    label,
    question,
    citation,
    verified,
    ...(note ? { note } : {}),
  });

  const giayKhen: TitleRule = {
    code: 'GIAY_KHEN',
    name: 'Giấy khen',
    shortName: 'Giấy khen',
    kind: 'both',
    category: 'hinh_thuc',
    citation: `${LUAT} Điều 75; ${TT29} Điều 11`,
    verified: true,
    authorities: authorities(
      localAuthorities(era, true),
      `${LUAT} Điều 75 khoản 1; ${TT29} Điều 11 (Hiệu trưởng)`,
      false,
      'Danh sách người có thẩm quyền (Điều 75 k1) đọc qua nguồn thứ cấp.',
    ),
    criteria: {
      individual: [
        noDiscipline(era),
        manual(
          'thanh_tich_giay_khen',
          'Có thành tích theo tiêu chuẩn Giấy khen của bộ, tỉnh, đơn vị',
          'Cá nhân có thành tích đáp ứng tiêu chuẩn Giấy khen do bộ, tỉnh, đơn vị quy định không?',
          `${LUAT} Điều 75 khoản 2; ${TT29} Điều 11`,
          false,
          'Luật giao bộ, tỉnh quy định tiêu chuẩn; văn bản chưa đọc.',
        ),
      ],
      collective: [
        noDiscipline(era),
        manual(
          'thanh_tich_giay_khen_tap_the',
          'Tập thể có thành tích theo tiêu chuẩn Giấy khen',
          'Tập thể có thành tích đáp ứng tiêu chuẩn Giấy khen (kể cả tập thể người học theo TT 29 Điều 11) không?',
          `${LUAT} Điều 75 khoản 2; ${TT29} Điều 11`,
          false,
          'Luật giao bộ, tỉnh quy định tiêu chuẩn; văn bản chưa đọc.',
        ),
      ],
    },
    countsTowardMerit: true,
    voteThreshold: null,
    coefficient: {
      individual: moneyOf(era, 0.3, 'hinh_thuc', false, 'Hệ số đọc qua nguồn thứ cấp.'),
      collective: moneyOf(era, 0.6, 'hinh_thuc', false, 'Hệ số đọc qua nguồn thứ cấp.'),
    },
    form: {
      individual: nd152Forms ? cited('Mẫu số 05', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Individual,
      collective: nd152Forms ? cited('Mẫu số 04', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Collective,
    },
    dossier: basicDossier,
  };

  const bkBo: TitleRule = {
    code: 'BK_BO',
    name: 'Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo',
    shortName: 'Bằng khen Bộ trưởng',
    kind: 'both',
    category: 'hinh_thuc',
    citation: `${LUAT} Điều 74; ${TT29} Điều 9`,
    verified: true,
    authorities: authorities(['minister'], `${LUAT} Điều 79`, true),
    criteria: {
      individual: [
        noDiscipline(era),
        manual(
          'tieu_bieu_tt29_d9',
          'Tiêu biểu trong phong trào thi đua theo TT 29 Điều 9',
          'Cá nhân tiêu biểu trong phong trào thi đua do Thủ tướng phát động hoặc nhiệm vụ chính trị từ 3 năm, hoặc trong phong trào của Bộ GDĐT/nhiệm vụ từ 5 năm, hoặc có thành tích đột xuất?',
          `${TT29} Điều 9`,
          true,
        ),
      ],
      collective: [
        noDiscipline(era),
        manual(
          'tieu_bieu_tt29_d9_tap_the',
          'Tập thể tiêu biểu theo TT 29 Điều 9',
          'Tập thể tiêu biểu trong phong trào thi đua hoặc nhiệm vụ chính trị theo TT 29 Điều 9?',
          `${TT29} Điều 9`,
          false,
          'Tiêu chuẩn tập thể của Điều 9 chưa đọc.',
        ),
      ],
    },
    countsTowardMerit: true,
    voteThreshold: null,
    coefficient: { individual: moneyOf(era, 1.5, 'hinh_thuc', true), collective: moneyOf(era, 3.0, 'hinh_thuc', true) },
    form: {
      individual: nd152Forms ? cited('Mẫu số 05', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Individual,
      collective: nd152Forms ? cited('Mẫu số 04', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Collective,
    },
    dossier: cited(
      ['Tờ trình của Giám đốc Sở hoặc Chủ tịch UBND tỉnh', 'Báo cáo thành tích', 'Biên bản họp Hội đồng thi đua, khen thưởng'],
      `${TT29} Điều 12; ${LUAT} Điều 84`,
      true,
    ),
  };

  const bkTinh: TitleRule = {
    ...bkBo,
    code: 'BK_TINH',
    name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    shortName: 'Bằng khen UBND tỉnh',
    citation: `${LUAT} Điều 74`,
    verified: false,
    authorities: authorities(['province_chairman'], `${LUAT} Điều 79`, true),
    criteria: {
      individual: [
        noDiscipline(era),
        {
          type: 'any_of',
          code: 'tieu_chuan_bk_tinh',
          label: 'Tiêu biểu trong phong trào thi đua của tỉnh, hoặc 02 năm liên tục HTXSNV có 02 sáng kiến',
          citation: `${LUAT} Điều 74`,
          verified: false,
          note: 'Điều 74 chưa đọc; nhánh 02 năm HTXSNV + 02 sáng kiến theo trí nhớ.',
          criteria: [
            manual(
              'tieu_bieu_phong_trao_tinh',
              'Tiêu biểu xuất sắc trong phong trào thi đua do tỉnh phát động',
              'Cá nhân có thành tích tiêu biểu xuất sắc được bình xét trong phong trào thi đua do tỉnh phát động?',
              `${LUAT} Điều 74`,
              false,
            ),
            {
              type: 'all_of',
              code: 'hai_nam_htxsnv_hai_sang_kien',
              label: '02 năm liên tục HTXSNV, có 02 sáng kiến được công nhận',
              citation: `${LUAT} Điều 74`,
              verified: false,
              criteria: [
                {
                  type: 'consecutive_ratings',
                  rating: 'HTXSNV',
                  count: 2,
                  code: 'hai_nam_htxsnv',
                  label: '02 năm liên tục hoàn thành xuất sắc nhiệm vụ',
                  citation: `${LUAT} Điều 74`,
                  verified: false,
                },
                {
                  type: 'initiative',
                  level: 'co_so',
                  windowYears: 2,
                  count: 2,
                  code: 'hai_sang_kien',
                  label: '02 sáng kiến được công nhận trong 02 năm',
                  citation: `${LUAT} Điều 74`,
                  verified: false,
                },
              ],
            },
          ],
        },
      ],
      collective: [
        noDiscipline(era),
        manual(
          'tieu_bieu_tap_the_tinh',
          'Tập thể tiêu biểu xuất sắc trong phong trào thi đua của tỉnh',
          'Tập thể có thành tích tiêu biểu xuất sắc trong phong trào thi đua do tỉnh phát động?',
          `${LUAT} Điều 74`,
          false,
        ),
      ],
    },
    dossier: cited(
      ['Tờ trình đề nghị khen thưởng (Mẫu số 01)', 'Báo cáo thành tích', 'Biên bản họp Hội đồng thi đua, khen thưởng'],
      `${LUAT} Điều 84`,
      true,
    ),
  };

  const bkTtg: TitleRule = {
    code: 'BK_TTG',
    name: 'Bằng khen của Thủ tướng Chính phủ',
    shortName: 'Bằng khen Thủ tướng',
    kind: 'both',
    category: 'hinh_thuc',
    citation: `${LUAT} Điều 73`,
    verified: true,
    authorities: authorities(['prime_minister'], `${LUAT} Điều 78`, true),
    criteria: {
      individual: [
        noDiscipline(era),
        {
          type: 'has_award_before',
          awards: ['BK_BO', 'BK_TINH'],
          yearsBefore: 5,
          code: 'da_co_bk_bo_tinh',
          label: 'Đã được tặng Bằng khen cấp bộ, tỉnh',
          citation: `${LUAT} Điều 73 khoản 1 điểm b`,
          verified: true,
        },
        {
          type: 'consecutive_ratings',
          rating: 'HTTNV',
          count: 5,
          code: 'nam_nam_httnv',
          label: '05 năm liên tục tiếp theo hoàn thành tốt nhiệm vụ trở lên',
          citation: `${LUAT} Điều 73 khoản 1 điểm b`,
          verified: true,
        },
        {
          type: 'titles_in_window',
          title: 'CSTDCS',
          count: 3,
          windowYears: 5,
          code: 'ba_lan_cstdcs_5_nam',
          label: 'Trong 05 năm đó có 03 lần Chiến sĩ thi đua cơ sở',
          citation: `${LUAT} Điều 73 khoản 1 điểm b`,
          verified: true,
        },
      ],
      collective: [
        noDiscipline(era),
        manual(
          'tieu_chuan_bk_ttg_tap_the',
          'Tập thể đạt tiêu chuẩn Bằng khen Thủ tướng',
          'Tập thể đạt tiêu chuẩn Bằng khen Thủ tướng theo Điều 73 khoản 2?',
          `${LUAT} Điều 73 khoản 2`,
          false,
          'Tiêu chuẩn tập thể chưa đọc.',
        ),
      ],
    },
    countsTowardMerit: true,
    voteThreshold: null,
    coefficient: { individual: moneyOf(era, 3.5, 'hinh_thuc', true), collective: moneyOf(era, 7.0, 'hinh_thuc', true) },
    form: {
      individual: nd152Forms ? cited('Mẫu số 05', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Individual,
      collective: nd152Forms ? cited('Mẫu số 04', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Collective,
    },
    dossier: cited(
      ['Tờ trình của bộ, tỉnh (Mẫu số 01)', 'Báo cáo thành tích có xác nhận của cấp trình', 'Biên bản và kết quả bỏ phiếu của Hội đồng bộ, tỉnh'],
      `${LUAT} Điều 84`,
      true,
    ),
  };

  const knc: TitleRule = {
    code: 'KNC_GD',
    name: 'Kỷ niệm chương "Vì sự nghiệp giáo dục"',
    shortName: 'Kỷ niệm chương',
    kind: 'individual',
    category: 'hinh_thuc',
    citation: `${TT29} Điều 8`,
    verified: true,
    authorities: authorities(['minister'], `${TT29} Điều 8, 12`, true),
    criteria: {
      individual: [
        noDiscipline(era),
        {
          type: 'once_only',
          code: 'chua_duoc_tang_knc',
          label: 'Chưa được tặng Kỷ niệm chương',
          citation: `${TT29} Điều 8`,
          verified: false,
          note: 'Kỷ niệm chương tặng một lần: theo thực tiễn, chưa đọc trong văn bản.',
        },
        {
          type: 'years_in_sector',
          years: 20,
          reducedYears: 15,
          reducedIfDisadvantagedYears: 5,
          excludeDiscipline: true,
          code: 'du_nam_cong_tac',
          label: 'Đủ 20 năm công tác trong ngành (15 năm nếu có từ 5 năm ở vùng đặc biệt khó khăn), trừ thời gian bị kỷ luật',
          citation: `${TT29} Điều 8`,
          verified: true,
        },
      ],
    },
    countsTowardMerit: false,
    voteThreshold: null,
    coefficient: {
      individual: moneyOf(era, 0.6, 'hinh_thuc', false, 'Mức tối đa 0,6 × LCS; có nguồn nói tới 1,0 theo NĐ 152 (chưa xác minh).'),
      collective: null,
    },
    form: { individual: null, collective: null },
    dossier: cited(
      ['Tờ trình của Giám đốc Sở hoặc Chủ tịch UBND tỉnh', 'Danh sách trích ngang thời gian công tác'],
      `${TT29} Điều 12`,
      false,
      'Thành phần hồ sơ Kỷ niệm chương chưa đọc.',
    ),
  };

  return { LDTT: ldtt, CSTDCS: cstdcs, CSTD_TINH: cstdTinh, CSTD_TQ: cstdTq, GIAY_KHEN: giayKhen, BK_BO: bkBo, BK_TINH: bkTinh, BK_TTG: bkTtg, KNC_GD: knc };
}

function collectiveTitles(era: Era): Record<string, TitleRule> {
  const nd152Forms = era !== 'nd98';
  const formNote = 'Số mẫu NĐ 152 suy ra từ thứ tự 11 mẫu báo cáo; cần đối chiếu bản PDF.';
  const nd98Collective = cited('Mẫu số 02 (Phụ lục I NĐ 98/2023)', 'Nghị định 98/2023/NĐ-CP Phụ lục I', true);
  const collectiveNoDiscipline: Criterion = { ...noDiscipline(era), label: 'Tập thể không trong thời gian bị kỷ luật' };
  const noMemberDiscipline = (verified: boolean, citation: string): Criterion => ({
    type: 'no_member_discipline',
    code: 'khong_ca_nhan_ky_luat',
    label: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
    citation,
    verified,
    ...(verified ? {} : { note: 'Theo văn bản hướng dẫn cũ và thực tiễn; điều luật 2022 chưa đọc.' }),
  });

  const ttldtt: TitleRule = {
    code: 'TTLDTT',
    name: 'Tập thể lao động tiên tiến',
    shortName: 'TTLĐTT',
    kind: 'collective',
    category: 'danh_hieu',
    citation: `${LUAT} Điều 28`,
    verified: false,
    authorities: authorities(localAuthorities(era, false), `${LUAT} Điều 80${era === 'nd98' ? '' : '; Nghị định 129/2025/NĐ-CP Điều 59'}`, true),
    criteria: {
      collective: [
        collectiveNoDiscipline,
        {
          type: 'collective_min_rating',
          rating: 'HTTNV',
          code: 'tap_the_httnv',
          label: 'Tập thể hoàn thành tốt nhiệm vụ trở lên',
          citation: `${LUAT} Điều 28`,
          verified: false,
          note: 'Điều 28 đọc qua nguồn thứ cấp.',
        },
        {
          type: 'member_share_title',
          title: 'LDTT',
          share: 0.7,
          code: 'ty_le_ldtt',
          label: 'Có từ 70% cá nhân đạt Lao động tiên tiến',
          citation: `${LUAT} Điều 28; ${TT29} Điều 6`,
          verified: false,
          note: 'Ngưỡng 70% theo quy chế tỉnh 2025 và hướng dẫn ngành dẫn TT 29 Điều 6; quản trị có thể sửa.',
        },
        noMemberDiscipline(false, `${LUAT} Điều 28`),
      ],
    },
    countsTowardMerit: true,
    voteThreshold: null,
    coefficient: { individual: null, collective: moneyOf(era, 0.8, 'danh_hieu', true) },
    form: { individual: null, collective: null },
    dossier: cited(
      ['Tờ trình đề nghị khen thưởng', 'Biên bản họp Hội đồng thi đua, khen thưởng', 'Danh sách đề nghị'],
      'Nghị định 152/2025/NĐ-CP Điều 6 khoản 2 điểm c (thủ tục do bộ, tỉnh quy định)',
      false,
    ),
  };

  const ttldxs: TitleRule = {
    code: 'TTLDXS',
    name: 'Tập thể lao động xuất sắc',
    shortName: 'TTLĐXS',
    kind: 'collective',
    category: 'danh_hieu',
    citation: `${LUAT} Điều 27`,
    verified: true,
    authorities: authorities(['minister', 'province_chairman'], `${LUAT} Điều 79`, true),
    criteria: {
      collective: [
        collectiveNoDiscipline,
        {
          type: 'collective_min_rating',
          rating: 'HTXSNV',
          code: 'tap_the_htxsnv',
          label: 'Tập thể hoàn thành xuất sắc nhiệm vụ',
          citation: `${LUAT} Điều 27`,
          verified: true,
        },
        {
          type: 'all_members_complete',
          code: 'tat_ca_hoan_thanh',
          label: '100% cá nhân hoàn thành nhiệm vụ trở lên',
          citation: `${LUAT} Điều 27`,
          verified: true,
        },
        {
          type: 'member_share_title',
          title: 'LDTT',
          share: 0.7,
          code: 'ty_le_ldtt',
          label: 'Có từ 70% cá nhân đạt Lao động tiên tiến',
          citation: `${LUAT} Điều 27`,
          verified: true,
        },
        {
          type: 'min_members_with_title',
          title: 'CSTDCS',
          count: 1,
          code: 'co_cstdcs',
          label: 'Có cá nhân đạt Chiến sĩ thi đua cơ sở',
          citation: `${LUAT} Điều 27`,
          verified: true,
        },
        noMemberDiscipline(false, `${LUAT} Điều 27`),
      ],
    },
    countsTowardMerit: true,
    voteThreshold: null,
    coefficient: { individual: null, collective: moneyOf(era, 1.5, 'danh_hieu', true) },
    form: {
      individual: null,
      collective: nd152Forms ? cited('Mẫu số 04', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Collective,
    },
    dossier: cited(
      ['Tờ trình đề nghị khen thưởng (Mẫu số 01)', 'Báo cáo thành tích tập thể', 'Biên bản họp Hội đồng thi đua, khen thưởng'],
      `${LUAT} Điều 84`,
      true,
    ),
  };

  const co: TitleRule = {
    code: 'CO_THI_DUA',
    name: 'Cờ thi đua của bộ, ban, ngành, tỉnh',
    shortName: 'Cờ thi đua',
    kind: 'collective',
    category: 'danh_hieu',
    citation: `${LUAT} Điều 26`,
    verified: false,
    authorities: authorities(['minister', 'province_chairman'], `${LUAT} Điều 79`, true),
    criteria: {
      collective: [
        collectiveNoDiscipline,
        {
          type: 'collective_min_rating',
          rating: 'HTXSNV',
          code: 'tap_the_htxsnv',
          label: 'Tập thể hoàn thành xuất sắc nhiệm vụ',
          citation: `${LUAT} Điều 26`,
          verified: false,
          note: 'Điều 26 đọc qua nguồn thứ cấp.',
        },
        {
          type: 'any_of',
          code: 'dan_dau',
          label: 'Dẫn đầu cụm, khối thi đua hoặc phong trào thi đua chuyên đề từ 03 năm',
          citation: `${LUAT} Điều 26`,
          verified: false,
          criteria: [
            {
              type: 'leads_cluster',
              code: 'dan_dau_cum_khoi',
              label: 'Dẫn đầu cụm, khối thi đua của bộ, tỉnh',
              citation: `${LUAT} Điều 26`,
              verified: false,
            },
            {
              type: 'manual',
              code: 'dan_dau_chuyen_de_3_nam',
              label: 'Tiêu biểu nhất phong trào thi đua theo chuyên đề từ 03 năm trở lên',
              question: 'Tập thể dẫn đầu phong trào thi đua theo chuyên đề kéo dài từ 03 năm trở lên của bộ, tỉnh?',
              citation: `${LUAT} Điều 26`,
              verified: false,
            },
          ],
        },
      ],
    },
    countsTowardMerit: true,
    voteThreshold: voteOf(era, 0.8),
    coefficient: { individual: null, collective: moneyOf(era, 8.0, 'danh_hieu', true) },
    form: {
      individual: null,
      collective: nd152Forms ? cited('Mẫu số 04', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Collective,
    },
    dossier: cited(
      ['Tờ trình đề nghị khen thưởng (Mẫu số 01)', 'Báo cáo thành tích tập thể', 'Biên bản bình xét và kết quả bỏ phiếu của cụm, khối và Hội đồng'],
      `${LUAT} Điều 84`,
      true,
    ),
  };

  const coCp: TitleRule = {
    ...co,
    code: 'CO_CP',
    name: 'Cờ thi đua của Chính phủ',
    shortName: 'Cờ thi đua Chính phủ',
    citation: `${LUAT} Điều 25`,
    verified: true,
    authorities: authorities(['prime_minister'], `${LUAT} Điều 78`, true),
    criteria: {
      collective: [
        collectiveNoDiscipline,
        {
          type: 'leads_cluster',
          code: 'dan_dau_cum_khoi',
          label: 'Dẫn đầu cụm, khối thi đua',
          citation: `${LUAT} Điều 25`,
          verified: true,
        },
        {
          type: 'manual',
          code: 'tieu_bieu_nhat',
          label: 'Tiêu biểu nhất trong các tập thể dẫn đầu cụm, khối của bộ, tỉnh',
          question: 'Tập thể được bộ, tỉnh lựa chọn là tiêu biểu nhất trong các tập thể dẫn đầu cụm, khối thi đua?',
          citation: `${LUAT} Điều 25`,
          verified: true,
        },
      ],
    },
    voteThreshold: voteOf(era, 0.8),
    coefficient: { individual: null, collective: moneyOf(era, 12.0, 'danh_hieu', true) },
    form: {
      individual: null,
      collective: nd152Forms ? cited('Mẫu số 02', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, formNote) : nd98Collective,
    },
    dossier: cited(
      [
        'Tờ trình của bộ, tỉnh',
        'Báo cáo thành tích có xác nhận của cấp trình',
        'Biên bản và kết quả bỏ phiếu của Hội đồng bộ, tỉnh',
        '01 bộ hồ sơ gốc và tệp Word, PDF gửi qua Hệ thống quản lý hồ sơ khen thưởng điện tử',
      ],
      'QĐ 311/QĐ-BNV 2025',
      true,
    ),
  };

  return { TTLDTT: ttldtt, TTLDXS: ttldxs, CO_THI_DUA: co, CO_CP: coCp };
}

const EDUCATION_CODES = ['GIAY_KHEN', 'BK_BO', 'KNC_GD', 'TTLDTT'];

/** The title catalogue for an era. Pure data out. */
export function buildTitles(era: Era): Record<string, TitleRule> {
  let titles: Record<string, TitleRule> = { ...individualTitles(era), ...collectiveTitles(era) };
  if (era === 'nd152_tt07' || era === 'luat2026_draft') {
    // TT 07/2026 replaces TT 29/2023 from 02/04/2026; its text is not read: keep the TT 29 criteria, unverified.
    for (const code of EDUCATION_CODES) {
      const renamed = JSON.parse(JSON.stringify(titles[code]).replaceAll(TT29, `${TT07} (tạm theo ${TT29})`)) as TitleRule;
      titles[code] = markUnverified(renamed, 'TT 07/2026/TT-BGDĐT thay TT 29/2023 từ 02/04/2026; văn bản chưa đọc, tạm giữ tiêu chí TT 29.');
    }
  }
  if (era === 'luat2026_draft') {
    titles = markUnverified(titles, 'Luật 06/2026/QH16 (hiệu lực 01/10/2026) chưa đọc: giá trị giữ theo Luật 2022 / NĐ 152 hoặc theo dự thảo.');
  }
  return titles;
}
