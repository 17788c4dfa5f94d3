// The Excel formats for units and people: one column list drives the template, the export and the
// import, so a file exported from thidua imports back unchanged.
import ExcelJS from 'exceljs';
import { DISCIPLINE_LABELS, GENDER_LABELS, UNIT_KIND_LABELS } from '../../shared/labels';
import { foldVietnamese, parseDateVi, formatDateVi } from '../../shared/vn';

export type TImportKind = 'units' | 'people';

export type TColumn = {
  key: string;
  header: string;
  required?: boolean;
  width: number;
  note: string;
  kind: 'text' | 'date' | 'enum' | 'digits';
  options?: Record<string, string>; // code → Vietnamese label (the file holds labels)
};

export const UNIT_COLUMNS: TColumn[] = [
  { key: 'code', header: 'Mã đơn vị', required: true, width: 16, kind: 'text', note: 'Mã duy nhất, chữ không dấu và số, ví dụ THPT-PDP' },
  { key: 'name', header: 'Tên đơn vị', required: true, width: 42, kind: 'text', note: 'Tên đầy đủ, có dấu' },
  { key: 'kind', header: 'Loại đơn vị', required: true, width: 26, kind: 'enum', options: UNIT_KIND_LABELS, note: 'Chọn trong danh sách' },
  { key: 'parentCode', header: 'Mã đơn vị cấp trên', required: true, width: 18, kind: 'text', note: 'Đơn vị quản lý trực tiếp (quản lý nhà nước)' },
  { key: 'profParentCode', header: 'Mã đơn vị chỉ đạo chuyên môn', width: 18, kind: 'text', note: 'Ví dụ: trường mầm non, tiểu học, THCS → Sở GD&ĐT' },
  { key: 'abbreviation', header: 'Chữ viết tắt', width: 14, kind: 'text', note: 'Dùng trong số, ký hiệu văn bản' },
  { key: 'communeCode', header: 'Mã xã/phường', width: 12, kind: 'digits', note: '5 chữ số theo danh mục hành chính' },
  { key: 'address', header: 'Địa chỉ', width: 36, kind: 'text', note: '' },
  { key: 'phone', header: 'Điện thoại', width: 14, kind: 'text', note: '' },
  { key: 'email', header: 'Thư điện tử', width: 26, kind: 'text', note: '' },
  { key: 'validFrom', header: 'Ngày thành lập', width: 14, kind: 'date', note: 'dd/mm/yyyy' },
];

export const PEOPLE_COLUMNS: TColumn[] = [
  { key: 'fullName', header: 'Họ và tên', required: true, width: 28, kind: 'text', note: 'Có dấu, ví dụ Nguyễn Thị Lan' },
  { key: 'birthDate', header: 'Ngày sinh', required: true, width: 13, kind: 'date', note: 'dd/mm/yyyy' },
  { key: 'gender', header: 'Giới tính', required: true, width: 10, kind: 'enum', options: GENDER_LABELS, note: 'Nam hoặc Nữ' },
  { key: 'ethnicity', header: 'Dân tộc', width: 12, kind: 'text', note: 'Ví dụ Kinh, Tày, Mường' },
  { key: 'cccd', header: 'Số CCCD', width: 16, kind: 'digits', note: '12 chữ số; dùng để nhận biết trùng hồ sơ' },
  { key: 'unitCode', header: 'Mã đơn vị', required: true, width: 16, kind: 'text', note: 'Mã đơn vị công tác (xem trang Đơn vị)' },
  { key: 'position', header: 'Chức vụ', width: 22, kind: 'text', note: 'Ví dụ Giáo viên, Tổ trưởng, Hiệu trưởng' },
  { key: 'staffCategory', header: 'Đối tượng', width: 18, kind: 'text', note: 'Cán bộ quản lý, Giáo viên, Nhân viên' },
  { key: 'phone', header: 'Điện thoại', width: 14, kind: 'text', note: '' },
  { key: 'email', header: 'Thư điện tử', width: 26, kind: 'text', note: '' },
  { key: 'sectorStartDate', header: 'Ngày vào ngành', width: 14, kind: 'date', note: 'dd/mm/yyyy; dùng tính Kỷ niệm chương' },
];

export const COLUMNS: Record<TImportKind, TColumn[]> = { units: UNIT_COLUMNS, people: PEOPLE_COLUMNS };
export const SHEET_NAMES: Record<TImportKind, string> = { units: 'Đơn vị', people: 'Cán bộ' };
void DISCIPLINE_LABELS;

export type TCellError = { row: number; column: string; message: string };
export type TParsedRow = { row: number; values: Record<string, string | null> };

function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim() || null;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String((v as { text: unknown }).text).trim() || null;
    if ('error' in v) return null;
  }
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** Builds an empty template (header, notes, drop-down lists) or a filled export. */
export async function buildWorkbook(kind: TImportKind, rows: Record<string, string | null>[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = COLUMNS[kind];
  ws.columns = cols.map((c) => ({ header: c.required ? `${c.header} (*)` : c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true, name: 'Times New Roman' };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    if (c.note) cell.note = c.note;
  });
  for (const r of rows) {
    const values: Record<string, unknown> = {};
    for (const c of cols) {
      const v = r[c.key];
      if (v === null || v === undefined) continue;
      if (c.kind === 'date') values[c.key] = formatDateVi(v);
      else if (c.kind === 'enum') values[c.key] = c.options?.[v] ?? v;
      else values[c.key] = v;
    }
    ws.addRow(values);
  }
  const lastRow = Math.max(rows.length + 1, 1000);
  cols.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    if (c.kind === 'enum' && c.options) {
      const list = Object.values(c.options);
      const listSheet = wb.getWorksheet('Danh mục') ?? wb.addWorksheet('Danh mục');
      const colIdx = (listSheet.actualColumnCount || 0) + 1;
      listSheet.getCell(1, colIdx).value = c.header;
      list.forEach((label, j) => { listSheet.getCell(j + 2, colIdx).value = label; });
      const lc = listSheet.getColumn(colIdx).letter;
      for (let row = 2; row <= lastRow; row++) {
        ws.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [`'Danh mục'!$${lc}$2:$${lc}$${list.length + 1}`], showErrorMessage: true, errorTitle: 'Giá trị không hợp lệ', error: `Chọn ${c.header} trong danh sách` };
      }
    }
    if (c.kind === 'digits' || c.kind === 'date') ws.getColumn(i + 1).numFmt = '@';
  });
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ header: 'Cột', width: 30 }, { header: 'Bắt buộc', width: 10 }, { header: 'Cách ghi', width: 70 }];
  guide.getRow(1).font = { bold: true };
  for (const c of cols) guide.addRow([c.header, c.required ? 'Có' : '', c.note || (c.kind === 'enum' ? 'Chọn trong danh sách' : '')]);
  guide.addRow([]);
  guide.addRow(['Nhập lại cùng một tệp không tạo bản ghi mới: hồ sơ trùng được nhận biết theo mã (đơn vị) hoặc số CCCD / họ tên + ngày sinh (cán bộ).']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export class WorkbookError extends Error {}

/** Reads the first sheet: checks the header, merged cells and gives raw text values per row. */
export async function readWorkbook(kind: TImportKind, bytes: Uint8Array, maxRows = 100_000): Promise<{ rows: TParsedRow[]; errors: TCellError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError('Tệp không phải bảng tính Excel (.xlsx) hợp lệ. Hãy tải tệp mẫu và lưu dưới dạng Excel Workbook (.xlsx).');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new WorkbookError('Tệp Excel không có trang tính nào');
  const cols = COLUMNS[kind];
  const headerRow = ws.getRow(1);
  const colIndex = new Map<string, number>();
  const byFolded = new Map(cols.map((c) => [foldVietnamese(c.header), c]));
  headerRow.eachCell((cell, n) => {
    const text = cellText(cell.value);
    if (!text) return;
    const col = byFolded.get(foldVietnamese(text.replace(/\(\*\)/g, '')));
    if (col) colIndex.set(col.key, n);
  });
  const missing = cols.filter((c) => c.required && !colIndex.has(c.key));
  if (missing.length) {
    throw new WorkbookError(`Thiếu cột bắt buộc: ${missing.map((m) => `"${m.header}"`).join(', ')} ở dòng tiêu đề (dòng 1). Hãy dùng tệp mẫu.`);
  }
  if (ws.rowCount - 1 > maxRows) throw new WorkbookError(`Tệp có ${ws.rowCount - 1} dòng, vượt quá giới hạn ${maxRows} dòng một lần nhập`);
  const rows: TParsedRow[] = [];
  const errors: TCellError[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values: Record<string, string | null> = {};
    let any = false;
    for (const c of cols) {
      const idx = colIndex.get(c.key);
      if (!idx) { values[c.key] = null; continue; }
      const cell = row.getCell(idx);
      if (cell.isMerged) {
        errors.push({ row: n, column: c.header, message: `Ô ${cell.address} bị gộp (merge); hãy bỏ gộp ô và ghi giá trị vào từng dòng` });
      }
      let text = cell.isMerged && cell.master !== cell ? null : cellText(cell.value);
      if (c.kind === 'date' && cell.value instanceof Date) text = (cell.value as Date).toISOString().slice(0, 10);
      values[c.key] = text;
      if (text) any = true;
    }
    if (any) rows.push({ row: n, values });
  });
  return { rows, errors };
}

/** Converts and checks one row's raw text; errors name the row and the column. */
export function normaliseRow(kind: TImportKind, r: TParsedRow, errors: TCellError[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of COLUMNS[kind]) {
    const raw = r.values[c.key];
    if (!raw) {
      if (c.required) errors.push({ row: r.row, column: c.header, message: `Thiếu ${c.header.toLowerCase()}` });
      out[c.key] = null;
      continue;
    }
    if (c.kind === 'date') {
      const iso = parseDateVi(raw);
      if (!iso) errors.push({ row: r.row, column: c.header, message: `"${raw}" không phải ngày hợp lệ (dd/mm/yyyy)` });
      out[c.key] = iso;
    } else if (c.kind === 'enum') {
      const folded = foldVietnamese(raw);
      const hit = Object.entries(c.options ?? {}).find(([code, label]) => foldVietnamese(label) === folded || code === folded);
      if (!hit) errors.push({ row: r.row, column: c.header, message: `"${raw}" không có trong danh sách ${c.header.toLowerCase()}` });
      out[c.key] = hit?.[0] ?? null;
    } else if (c.kind === 'digits') {
      const digits = raw.replace(/\s|\./g, '');
      if (!/^\d+$/.test(digits)) errors.push({ row: r.row, column: c.header, message: `"${raw}" phải là dãy chữ số` });
      out[c.key] = digits;
    } else {
      out[c.key] = raw.replace(/\s+/g, ' ').trim();
    }
  }
  return out;
}
