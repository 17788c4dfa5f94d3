import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx, ZPlanData } from '../../documents/templates/ke-hoach';
import type { PlanTable, UnitTable } from '../db/schema';
import { checkPlanDates, parseQuota, reportDueDates, ZPlanBody } from './plan-body';
import { PLAN_CATALOGUE, headTitleOf, planTitle } from './plan-catalogue';
import { planDocumentData } from './plan-document';
import { allowedActions, checkTransition, PLAN_TRANSITIONS } from './plan-states';
import { taskStatus } from './cascade';

describe('số lượng khen thưởng', () => {
  it.each([
    ['2', { min: 2, max: 2, percent: false }],
    ['1–2', { min: 1, max: 2, percent: false }],
    ['1-2 tập thể', { min: 1, max: 2, percent: false }],
    ['04 đơn vị dẫn đầu', { min: 4, max: 4, percent: false }],
    ['01 cá nhân/ tập thể', { min: 1, max: 1, percent: false }],
    ['không quá 15% số cá nhân đạt Lao động tiên tiến', { min: 15, max: 15, percent: true }],
  ])('"%s" đọc được', (text, expected) => expect(parseQuota(text)).toEqual(expected));

  it.each(['một vài', 'nhiều', '3–1', '', 'khoảng mười'])('"%s" bị từ chối', (text) => expect(parseQuota(text)).toBeNull());
});

describe('máy trạng thái kế hoạch', () => {
  it('trả lại cần lý do và về dự thảo', () => {
    expect(checkTransition('submitted', 'return', '  ')).toMatchObject({ ok: false, message: 'Cần ghi lý do khi trả lại kế hoạch', missingReason: true });
    expect(checkTransition('submitted', 'return', 'Thiếu chỉ tiêu')).toEqual({ ok: true, to: 'draft' });
  });
  it('không ban hành dự thảo chưa trình; không ban hành hai lần', () => {
    expect(checkTransition('draft', 'issue', null)).toEqual({ ok: false, message: 'Không thể "ban hành" kế hoạch đang ở trạng thái "Dự thảo"' });
    expect(checkTransition('issued', 'issue', null).ok).toBe(false);
  });
  it('cán bộ trình, thủ trưởng duyệt', () => {
    expect(allowedActions('draft', new Set(['plan.read', 'plan.write']))).toEqual(['submit']);
    expect(allowedActions('submitted', new Set(['plan.read', 'plan.write']))).toEqual([]);
    expect(allowedActions('submitted', new Set(['plan.read', 'plan.approve']))).toEqual(['return', 'issue']);
    expect(allowedActions('in_progress', new Set(['plan.write']))).toEqual(['midterm', 'final']);
  });
  it('mọi trạng thái trừ "đã kết thúc" đều có đường đi tiếp', () => {
    const reachable = new Set(['draft']);
    for (let i = 0; i < 10; i++) for (const t of Object.values(PLAN_TRANSITIONS)) if (t.from.some((f) => reachable.has(f))) reachable.add(t.to);
    expect([...reachable].sort()).toEqual(['closed', 'draft', 'final_review', 'in_progress', 'issued', 'midterm_review', 'submitted']);
  });
});

describe('bảng theo dõi: trạng thái của đơn vị cấp dưới', () => {
  it('chưa triển khai, đang xây dựng, đã ban hành, quá hạn', () => {
    expect(taskStatus('2026-12-15', [], '2026-12-01')).toBe('not_started');
    expect(taskStatus('2026-12-15', [{ state: 'draft' }], '2026-12-01')).toBe('drafting');
    expect(taskStatus('2026-12-15', [{ state: 'submitted' }], '2026-12-16')).toBe('overdue');
    expect(taskStatus('2026-12-15', [{ state: 'draft' }, { state: 'issued' }], '2026-12-20')).toBe('issued');
    expect(taskStatus('2026-12-15', [], '2026-12-15')).toBe('not_started');
  });
});

describe('thời gian', () => {
  it('hạn báo cáo quý, 6 tháng, năm của năm học', () => {
    const dues = reportDueDates(['quarterly', 'half_year', 'annual'], '2026-09-05', '2027-05-31');
    expect(dues.map((d) => `${d.period}:${d.dueDate}`)).toEqual([
      'Quý III năm 2026:2026-10-05', 'Quý IV năm 2026:2027-01-05', '6 tháng đầu:2027-03-05', 'Quý I năm 2027:2027-04-05', 'Quý II năm 2027:2027-07-05', 'Cả năm:2027-06-05',
    ].sort((a, b) => a.split(':')[1].localeCompare(b.split(':')[1])));
  });
  it('ngày sơ kết, tổng kết, đăng ký theo đúng thứ tự', () => {
    const body = ZPlanBody.parse({ timeline: { registrationDeadline: '2026-10-01', midtermReviewDate: '2026-09-20', finalReviewDate: '2026-09-10' } });
    const problems: string[] = [];
    checkPlanDates(body, { from: '2026-09-05', to: '2027-05-31' }, (_f, m) => problems.push(m));
    expect(problems).toEqual(['Ngày sơ kết phải sau hạn đăng ký thi đua', 'Ngày tổng kết phải sau ngày sơ kết']);
  });
});

describe('danh mục phong trào', () => {
  const school = { name: 'Trường THPT Phan Đình Phùng', kind: 'thpt' as const, parentName: 'Sở Giáo dục và Đào tạo Hà Tĩnh', place: 'Hà Tĩnh', groups: ['Tổ Toán – Tin', 'Công đoàn cơ sở'] };
  it.each(PLAN_CATALOGUE.map((e) => [e.code, e]))('%s: nội dung hợp lệ và lập được văn bản', async (_code, entry) => {
    const period = entry.period(2026);
    const body = ZPlanBody.parse(entry.build(school, 2026));
    const problems: string[] = [];
    checkPlanDates(body, period, (_f, m) => problems.push(m));
    expect(problems).toEqual([]);
    const plan = { title: planTitle(entry.kind, entry.movementName, 2026), doc_number: 7, doc_symbol: 'KH-THPTPĐP', issued_date: '2026-09-20', signer_name: 'Nguyễn Văn A', signer_title: null, signer_authority: null } as PlanTable;
    const data = planDocumentData(plan, { name: school.name, kind: 'thpt', abbreviation: 'THPTPĐP', code: 'THPT-42-01' } as UnitTable, { name: school.parentName } as UnitTable, body, null);
    expect(ZPlanData.safeParse(data).success).toBe(true);
    const zip = await JSZip.loadAsync(await renderPlanDocx(data));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('07/KH-THPTPĐP');
    expect(xml).toContain(body.contents[0].title.slice(0, 30));
  });
  it('người ký và cấp khen theo loại đơn vị', () => {
    expect(headTitleOf('so')).toBe('Giám đốc Sở Giáo dục và Đào tạo');
    expect(headTitleOf('mn')).toBe('Hiệu trưởng');
    expect(headTitleOf('ubnd_xa', 'Ủy ban nhân dân phường Thành Sen')).toBe('Chủ tịch Ủy ban nhân dân phường');
    expect(headTitleOf('ubnd_xa', 'Ủy ban nhân dân xã Cẩm Bình')).toBe('Chủ tịch Ủy ban nhân dân xã');
  });
});
