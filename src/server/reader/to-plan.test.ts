// The mapping from a read document to a draft plan, on the real seed plans: what goes where, and
// what is left out with a warning instead of being guessed. Every request must pass the plan's own checks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentFile, type TParsedDocument } from '../../importer';
import { validateBody } from '../plans/manage-plans';
import { ZCreatePlanRequest } from '../plans/plans.schemas';
import { planRequestFromParsed } from './to-plan';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/importer/seeds');
const seed = (n: string) => parseDocumentFile(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(`${n}_`))!));

function valid(doc: TParsedDocument) {
  const r = planRequestFromParsed(doc, 'unit-1');
  ZCreatePlanRequest.parse(r.request);
  validateBody(r.request.body, { from: r.request.periodFrom, to: r.request.periodTo });
  return r;
}

describe('văn bản đã đọc → dự thảo kế hoạch', () => {
  it('kế hoạch 001 (giai đoạn 2021-2025): mục đích, yêu cầu từ các mục con; hình thức không có số lượng bị bỏ kèm cảnh báo', async () => {
    const { request, warnings } = valid(await seed('001'));
    expect(request.kind).toBe('regular');
    expect(request.periodFrom).toBe('2021-01-01');
    expect(request.periodTo).toBe('2025-12-31');
    expect(request.movementName).toBe('Đẩy mạnh cải cách hành chính');
    expect(request.body!.purposes.length).toBeGreaterThan(0);
    expect(request.body!.requirements.length).toBeGreaterThan(0);
    expect(request.body!.awards.length).toBe(4);
    expect(warnings.filter((w) => w.startsWith('Bỏ qua hình thức khen thưởng'))).toHaveLength(2);
  });

  it('kế hoạch 003 nói về chuyên đề: loại chuyên đề, không gắn năm học', async () => {
    const { request } = valid(await seed('003'));
    expect(request.kind).toBe('thematic');
    expect(request.schoolYear).toBeNull();
  });

  it('thời hạn trước khi kế hoạch bắt đầu bị bỏ, có cảnh báo; năm học suy từ ngày văn bản khi thiếu thời gian', async () => {
    const doc = await seed('000');
    doc.deadlines = [
      { what: { value: 'Đăng ký thi đua', span: { start: 0, end: 0 } }, when: { value: 'trước 15/8/2024', span: { start: 0, end: 0 } }, date: '2024-08-15', recurring: false },
      { what: { value: 'Gửi hồ sơ đề nghị khen thưởng', span: { start: 0, end: 0 } }, when: { value: 'trước 20/5/2025', span: { start: 0, end: 0 } }, date: '2025-05-20', recurring: false },
    ];
    doc.period = null;
    const { request, warnings } = valid(doc);
    expect(request.periodFrom).toBe('2024-09-01');
    expect(request.periodTo).toBe('2025-08-31');
    expect(request.body!.timeline.registrationDeadline).toBeNull();
    expect(request.body!.timeline.nominationDeadline).toBe('2025-05-20');
    expect(warnings.some((w) => w.startsWith('Hạn đăng ký thi đua 15/08/2024'))).toBe(true);
    expect(warnings.some((w) => w.includes('01/09/2024 – 31/08/2025'))).toBe(true);
  });

  it('văn bản không phải kế hoạch và không có tên phong trào: vẫn tạo được, tên lấy từ trích yếu, có cảnh báo', async () => {
    const doc = await seed('000');
    doc.docType = { value: 'quyet_dinh', span: null };
    doc.movementName = null;
    doc.title = { value: 'Quyết định về việc khen thưởng giáo viên giỏi', span: { start: 0, end: 0 } };
    const { request, warnings } = valid(doc);
    expect(request.movementName).toBe('Quyết định về việc khen thưởng giáo viên giỏi');
    expect(warnings[0]).toContain('không phải kế hoạch');
  });
});
