// A server without LibreOffice: the PDF preview answers 503 with a Vietnamese message (the DOCX still
// downloads), a certificate batch finishes with its Word file and says why there is no PDF, and
// `thidua render … -o x.pdf` fails clearly. THIDUA_SOFFICE points at a binary that does not exist.
process.env.THIDUA_SOFFICE = '/khong-co/libreoffice/soffice';

import os from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { runRenderCommand } from '../../src/cli/commands/render';
import { planSample } from '../fixtures/documents/samples';
import { describeOnBothDatabases } from './harness';

const MESSAGE = 'Máy chủ chưa cài LibreOffice nên chưa chuyển được sang PDF. Hãy tải tệp Word (.docx), hoặc đề nghị quản trị cài gói libreoffice-writer-nogui.';

describeOnBothDatabases('văn bản khi máy chủ chưa cài LibreOffice', (env) => {
  it('PDF: 503 kèm lời nhắn tiếng Việt; tệp Word vẫn tải được; đợt in giấy khen vẫn có tệp Word', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const doc = await c.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: planSample });
    const pdf = await c.get(`/api/v1/documents/${doc.json.id}/pdf`);
    expect(pdf.status).toBe(503);
    expect(pdf.json.error).toEqual({ code: 'CONVERTER_UNAVAILABLE', message: MESSAGE });
    expect((await c.get(`/api/v1/documents/${doc.json.id}/docx`)).status).toBe(200);

    const batch = await c.post('/api/v1/documents/certificates', { unitId, issuer: { authority: 'Hiệu trưởng Trường THPT Phan Đình Phùng', place: 'Hà Tĩnh', signer: { title: 'Hiệu trưởng', name: 'Nguyễn Văn Hùng' } }, certificates: [{ salutation: 'Em', recipientName: 'Phan Thị Bảo Ngọc', recipientUnit: 'Học sinh lớp 12A1', achievement: 'Đạt giải Nhất học sinh giỏi cấp tỉnh môn Vật lý', date: '2026-05-29' }] });
    while (await e.worker.runOne()) { /* drain */ }
    const done = await c.get(`/api/v1/documents/certificates/${batch.json.id}`);
    expect(done.json).toMatchObject({ status: 'done', progressMessage: MESSAGE, pdfUrl: null });
    expect(done.json.docxUrl).toBe(`/api/v1/documents/certificates/${batch.json.id}/docx`);
  });
});

it('thidua render … -o tệp.pdf: mã thoát 1 và lời nhắn cài LibreOffice', async () => {
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const code = await runRenderCommand(['ke-hoach', path.resolve('examples/documents/ke-hoach.json'), '-o', path.join(os.tmpdir(), 'thidua-khong-pdf.pdf')]);
  expect(code).toBe(1);
  expect(err.mock.calls.flat().join('\n')).toContain('Chưa cài LibreOffice nên không xuất được PDF');
  err.mockRestore();
});
