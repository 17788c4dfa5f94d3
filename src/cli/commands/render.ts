// `thidua render <kind> <input.json> -o <file.docx|file.pdf>`: render any document kind from a JSON
// input (no database). `thidua render --schema <kind>` prints the kind's input JSON Schema;
// `thidua render --docs <file.md>` rewrites the generated schema section of docs/documents.md.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { convertDocxToPdf, DOCUMENT_KINDS, DocumentInputError, isLibreOfficeAvailable, PdfConversionError, renderDocumentKind, ZAchievementReportData, type TDocumentKind } from '../../documents';

export const RENDER_USAGE = `Cách dùng: thidua render <loại> <dữ-liệu.json> -o <tệp.docx|tệp.pdf>
           thidua render --schema <loại>      in lược đồ JSON Schema của dữ liệu đầu vào
Loại: ${Object.keys(DOCUMENT_KINDS).join(', ')}`;

const ACHIEVEMENT_KINDS = new Set<TDocumentKind>(['bao-cao-thanh-tich-ca-nhan', 'bao-cao-thanh-tich-tap-the', 'bao-cao-thanh-tich-chuyen-de']);

/** The JSON Schema (draft 2020-12) of a kind's input, as the user writes it (defaults optional). */
export function kindJsonSchema(kind: TDocumentKind): Record<string, unknown> {
  // The achievement report's `kind` comes from the command name, not from the JSON.
  const schema = ACHIEVEMENT_KINDS.has(kind) ? ZAchievementReportData.omit({ kind: true }) : DOCUMENT_KINDS[kind].schema;
  return { title: DOCUMENT_KINDS[kind].title, ...(z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>) };
}

const BEGIN = '<!-- BEGIN GENERATED SCHEMAS (thidua render --docs docs/documents.md) -->';
const END = '<!-- END GENERATED SCHEMAS -->';

/** The generated part of docs/documents.md: one JSON Schema per kind. */
export function schemasMarkdown(): string {
  const parts = Object.keys(DOCUMENT_KINDS).map((k) => {
    const kind = k as TDocumentKind;
    return `### \`${kind}\` — ${DOCUMENT_KINDS[kind].title}\n\nVí dụ: [examples/documents/${kind}.json](../examples/documents/${kind}.json)\n\n\`\`\`json\n${JSON.stringify(kindJsonSchema(kind), null, 2)}\n\`\`\`\n`;
  });
  return `${BEGIN}\n\n${parts.join('\n')}\n${END}`;
}

/** Replaces the generated section of a Markdown file (or appends it). */
export function withGeneratedSchemas(markdown: string): string {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start >= 0 && end > start) return markdown.slice(0, start) + schemasMarkdown() + markdown.slice(end + END.length);
  return `${markdown.trimEnd()}\n\n${schemasMarkdown()}\n`;
}

function fail(message: string, code = 1): number {
  console.error(message);
  return code;
}

/** `thidua render …`; returns the exit code (0 written, 1 bad input or conversion error, 2 usage). */
export async function runRenderCommand(args: string[]): Promise<number> {
  if (args[0] === '--schema') {
    const kind = args[1];
    if (!kind || !(kind in DOCUMENT_KINDS)) return fail(`Loại văn bản không hỗ trợ: "${kind ?? ''}".\n${RENDER_USAGE}`, 2);
    console.log(JSON.stringify(kindJsonSchema(kind as TDocumentKind), null, 2));
    return 0;
  }
  if (args[0] === '--docs') {
    const file = args[1];
    if (!file) return fail(RENDER_USAGE, 2);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Văn bản\n';
    fs.writeFileSync(file, withGeneratedSchemas(current));
    console.log(`Đã cập nhật lược đồ các loại văn bản trong ${file}`);
    return 0;
  }
  const outIndex = args.findIndex((a) => a === '-o' || a === '--output');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const positional = args.filter((_, i) => outIndex < 0 || (i !== outIndex && i !== outIndex + 1));
  const [kind, input] = positional;
  if (!kind || !input || !out) return fail(RENDER_USAGE, 2);
  if (!(kind in DOCUMENT_KINDS)) return fail(`Loại văn bản không hỗ trợ: "${kind}".\n${RENDER_USAGE}`, 2);
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.docx' && ext !== '.pdf') return fail(`Tệp kết quả phải có đuôi .docx hoặc .pdf: "${out}".`, 2);

  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return fail(`Không tìm thấy tệp dữ liệu: ${input}`);
    return fail(`Tệp ${input} không phải JSON hợp lệ: ${err.message}`);
  }
  let docx: Buffer;
  try {
    docx = await renderDocumentKind(kind, data);
  } catch (e) {
    if (e instanceof DocumentInputError) return fail(`Không dựng được ${DOCUMENT_KINDS[kind as TDocumentKind].title.toLowerCase()} từ ${input}:\n${e.message}`);
    throw e;
  }
  let bytes = docx;
  if (ext === '.pdf') {
    if (!(await isLibreOfficeAvailable())) return fail('Chưa cài LibreOffice nên không xuất được PDF. Cài gói libreoffice-writer-nogui (Debian) hoặc xuất ra .docx.');
    try {
      bytes = await convertDocxToPdf(docx);
    } catch (e) {
      if (e instanceof PdfConversionError) return fail(e.message);
      throw e;
    }
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, bytes);
  console.log(`Đã ghi ${out} (${DOCUMENT_KINDS[kind as TDocumentKind].title}, ${Math.max(1, Math.round(bytes.length / 1024))} KB)`);
  return 0;
}
