// `thidua parse <tệp> [--json]`: read one document (txt, docx, doc, pdf) into structured data, no database.
// With --json the whole result (ZParsedDocument) is printed as one JSON object; without it, a short summary.

import { formatDateVi, formatMoneyVi } from '../../shared/vn';
import { ImporterError, parseDocumentFile, type TParsedDocument } from '../../importer';

const DOC_TYPE_LABELS: Record<TParsedDocument['docType']['value'], string> = {
  ke_hoach: 'Kế hoạch',
  quyet_dinh: 'Quyết định',
  to_trinh: 'Tờ trình',
  bao_cao: 'Báo cáo',
  bien_ban: 'Biên bản',
  thong_bao: 'Thông báo',
  cong_van: 'Công văn',
  huong_dan: 'Hướng dẫn',
  other: 'Khác',
};
const KIND_LABELS = { tap_the: 'tập thể', ca_nhan: 'cá nhân', gia_dinh: 'gia đình' } as const;

/** A short human summary of a parse result (Vietnamese). */
export function summarizeParsedDocument(r: TParsedDocument): string {
  const lines: string[] = [];
  const v = (x: { value: string } | null | undefined) => x?.value ?? '—';
  lines.push(`Loại văn bản: ${DOC_TYPE_LABELS[r.docType.value]}`);
  lines.push(`Cơ quan ban hành: ${r.issuerParent ? `${r.issuerParent.value} / ` : ''}${v(r.issuer)}`);
  lines.push(`Số, ký hiệu: ${r.number?.value ?? (r.numberRaw ? `(để trống) ${r.numberRaw.value}` : '—')}`);
  lines.push(`Địa danh, ngày: ${v(r.place)}, ${r.date ? formatDateVi(r.date.value) : r.dateRaw ? `(chưa đủ) ${r.dateRaw.value}` : '—'}`);
  lines.push(`Tên văn bản: ${v(r.title)}`);
  if (r.movementName) lines.push(`Phong trào: ${r.movementName.value}`);
  if (r.period) lines.push(`Thời gian: ${r.period.label.value} (${formatDateVi(r.period.from)} – ${formatDateVi(r.period.to)})`);
  if (r.legalBases.length) {
    lines.push(`Căn cứ (${r.legalBases.length}):`);
    for (const b of r.legalBases) lines.push(`  - ${b.kind ?? ''} ${b.number ?? '(không số)'}${b.date ? ` ngày ${formatDateVi(b.date)}` : ''}`);
  }
  if (r.awards.length) {
    lines.push('Khen thưởng:');
    for (const a of r.awards) {
      lines.push(`  - ${a.form?.value ?? 'khen thưởng'}${a.authority ? ` của ${a.authority.value}` : ''} cho ${KIND_LABELS[a.recipientKind]}${a.quota ? ` (số lượng: ${a.quota.value})` : ''}`);
    }
  }
  if (r.deadlines.length) {
    lines.push('Thời hạn:');
    for (const d of r.deadlines) lines.push(`  - ${d.what.value}: ${d.when.value}${d.date ? ` (${formatDateVi(d.date)})` : ''}`);
  }
  if (r.reporting.length) lines.push(`Báo cáo định kỳ: ${r.reporting.map((x) => x.value).join(', ')}`);
  if (r.awardees.length) {
    lines.push(`Danh sách được khen (${r.awardees.length}):`);
    for (const a of r.awardees) {
      lines.push(`  - ${a.name.value}${a.unit ? `, ${a.unit.value}` : ''}${a.title ? ` — ${a.title.value}` : ''}${a.amount ? ` — ${formatMoneyVi(a.amount.value)}` : ''}`);
    }
  }
  if (r.signer) lines.push(`Người ký: ${[r.signer.title?.value, r.signer.name?.value].filter(Boolean).join(' — ')}`);
  if (r.warnings.length) {
    lines.push('Cảnh báo:');
    for (const w of r.warnings) lines.push(`  ! ${w}`);
  }
  return lines.join('\n');
}

/** `thidua parse <file> [--json]`; returns the exit code (0 ok, 1 error). */
export async function runParseCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    console.error('Cách dùng: thidua parse <tệp.txt|.docx|.doc|.pdf> [--json]');
    return 1;
  }
  try {
    const result = await parseDocumentFile(files[0]);
    console.log(json ? JSON.stringify(result, null, 2) : summarizeParsedDocument(result));
    return 0;
  } catch (e) {
    const message = e instanceof ImporterError ? e.message : `Lỗi không mong đợi khi đọc tệp: ${(e as Error).message ?? String(e)}`;
    if (json) console.log(JSON.stringify({ error: { code: e instanceof ImporterError ? e.code : 'internal', message } }));
    console.error(`Lỗi: ${message}`);
    return 1;
  }
}
