// Benchmark (not part of `npm test`): `npx tsx test/bench/documents.bench.ts`
// Prints the time to render the DOCX of a 10-page Kế hoạch (target < 100 ms) and to turn 500 Giấy khen
// into one PDF (target < 60 s). Page counts are measured from the PDF LibreOffice makes.
import { performance } from 'node:perf_hooks';
import { convertDocxToPdf, isLibreOfficeAvailable, renderCertificatesDocx, renderPlanDocx, type TPlanData } from '../../src/documents';
import { longParagraphs, planSample } from '../fixtures/documents/samples';

async function pdfPages(pdf: Buffer): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

/** The sample plan with its content sections lengthened until the document is about ten pages. */
function tenPagePlan(sections: number): TPlanData {
  const extra = Array.from({ length: sections }, (_, i) => ({ title: `Nội dung thi đua số ${i + 1}`, items: longParagraphs(4) }));
  return { ...planSample, contents: [...planSample.contents, ...extra] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasSoffice = await isLibreOfficeAvailable();

// --- 1. DOCX of a 10-page plan ---
const SECTIONS = 14;
const plan = tenPagePlan(SECTIONS);
await renderPlanDocx(plan); // warm-up (module init, JIT)
const times: number[] = [];
let docx: Buffer = Buffer.alloc(0);
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  docx = await renderPlanDocx(plan);
  times.push(performance.now() - t);
}
let pages = '?';
if (hasSoffice) pages = String(await pdfPages(await convertDocxToPdf(docx)));
console.log(`DOCX kế hoạch ${pages} trang: ${median(times).toFixed(1)} ms (trung vị 20 lần; nhanh nhất ${Math.min(...times).toFixed(1)} ms, chậm nhất ${Math.max(...times).toFixed(1)} ms; ${Math.round(docx.length / 1024)} KB)`);

// --- 2. 500 certificates to PDF ---
const issuer = { authority: 'Hiệu trưởng Trường THPT Phan Đình Phùng', place: 'Hà Tĩnh', signer: { title: 'Hiệu trưởng', name: 'Nguyễn Văn Hùng' } };
const certificates = Array.from({ length: 500 }, (_, i) => ({
  salutation: i % 3 === 0 ? 'Em' : i % 2 ? 'Cô giáo' : 'Thầy giáo',
  recipientName: `Nguyễn Thị Người Nhận ${String(i + 1).padStart(3, '0')}`,
  recipientUnit: i % 3 === 0 ? `Học sinh lớp 1${i % 3}A${(i % 9) + 1}` : 'Giáo viên Tổ Toán - Tin',
  achievement: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026',
  date: '2026-05-29',
  decisionRef: 'Quyết định số 58/QĐ-THPTPĐP ngày 29/05/2026',
  registerNo: `${i + 1}/GK-2026`,
}));
const t0 = performance.now();
const certDocx = await renderCertificatesDocx(issuer, certificates);
const t1 = performance.now();
if (!hasSoffice) {
  console.log(`500 giấy khen: DOCX ${((t1 - t0) / 1000).toFixed(2)} s; PDF: bỏ qua (chưa cài LibreOffice)`);
} else {
  const pdf = await convertDocxToPdf(certDocx, { timeoutMs: 600_000 });
  const t2 = performance.now();
  console.log(`500 giấy khen sang PDF: ${((t2 - t0) / 1000).toFixed(1)} s (DOCX ${((t1 - t0) / 1000).toFixed(2)} s + LibreOffice ${((t2 - t1) / 1000).toFixed(1)} s; ${await pdfPages(pdf)} trang, ${(pdf.length / 1024 / 1024).toFixed(1)} MB)`);
}
