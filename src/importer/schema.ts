// The importer's output: one object per document. Every extracted value carries the span (start, end offsets
// into `text`, the normalised text also returned) it was read from, so a UI can highlight it.

import { z } from 'zod';

export const ZSpan = z
  .object({
    start: z.number().int().min(0).describe('Vị trí bắt đầu (tính theo ký tự UTF-16) trong `text` / start offset in `text`'),
    end: z.number().int().min(0).describe('Vị trí kết thúc (không gồm) / end offset, exclusive'),
  })
  .describe('Đoạn nguồn trong văn bản đã chuẩn hoá / source span in the normalised text');
export type TSpan = z.infer<typeof ZSpan>;

function spanned<T extends z.ZodType>(value: T, description: string) {
  return z.object({ value, span: ZSpan }).describe(description);
}

export const DOC_TYPES = ['ke_hoach', 'quyet_dinh', 'to_trinh', 'bao_cao', 'bien_ban', 'thong_bao', 'cong_van', 'huong_dan', 'other'] as const;
export const ZDocType = z.enum(DOC_TYPES);
export type TDocType = z.infer<typeof ZDocType>;

export const ZSpannedText = spanned(z.string(), 'Giá trị văn bản kèm vị trí nguồn / text value with its source span');
export type TSpannedText = z.infer<typeof ZSpannedText>;

export const ZRecipientKind = z.enum(['tap_the', 'ca_nhan', 'gia_dinh']);
export const ZReportingPeriod = z.enum(['tháng', 'quý', '6 tháng', '9 tháng', 'năm']);

export const ZLegalBasis = z
  .object({
    value: z.string().describe('Văn bản được viện dẫn, nguyên văn / the cited document as written'),
    span: ZSpan,
    kind: z.string().nullable().describe('Loại văn bản (Luật, Nghị định, Quyết định, Kế hoạch…) / document kind'),
    number: z.string().nullable().describe('Số, ký hiệu đã chuẩn hoá (vd. 35/QĐ-UBND), null khi để trống / normalised number'),
    date: z.string().nullable().describe('Ngày ban hành YYYY-MM-DD / issue date'),
  })
  .describe('Căn cứ pháp lý / a legal basis');

export const ZAward = z
  .object({
    form: ZSpannedText.nullable().describe('Hình thức / danh hiệu (Giấy khen, Bằng khen, Chiến sĩ thi đua cơ sở…); null khi văn bản chỉ ghi "khen thưởng"'),
    authority: ZSpannedText.nullable().describe('Cấp khen / người ký khen (Giám đốc Sở GDĐT, Chủ tịch UBND huyện…)'),
    recipientKind: ZRecipientKind.describe('Đối tượng: tập thể / cá nhân / gia đình'),
    quota: ZSpannedText.nullable().describe('Số lượng như văn bản ghi ("04", "1-2") / quota as written'),
    quotaMax: z.number().int().nullable().describe('Số lượng tối đa (số) / maximum count as a number'),
    span: ZSpan.describe('Câu nguồn / the source sentence'),
  })
  .describe('Hình thức khen thưởng dự kiến / a planned award');

export const ZDeadline = z
  .object({
    what: ZSpannedText.describe('Việc phải làm / what is due'),
    when: ZSpannedText.describe('Thời hạn, nguyên văn / when, as written'),
    date: z.string().nullable().describe('Ngày YYYY-MM-DD nếu xác định được (dùng năm của văn bản / năm học) / resolved date'),
    recurring: z.boolean().describe('Lặp lại hằng năm / recurs every year'),
  })
  .describe('Thời hạn / a deadline');

export const ZAwardee = z
  .object({
    kind: ZRecipientKind,
    name: ZSpannedText.describe('Họ tên cá nhân hoặc tên tập thể / name'),
    unit: ZSpannedText.nullable().describe('Chức vụ, đơn vị / position and unit'),
    birth: ZSpannedText.nullable().describe('Năm sinh / ngày sinh như văn bản ghi (để đối chiếu hồ sơ cán bộ) / birth year or date as written'),
    title: ZSpannedText.nullable().describe('Danh hiệu / hình thức khen thưởng / title or form'),
    amount: z
      .object({ value: z.number().int().describe('Số tiền (đồng) / amount in VND'), span: ZSpan })
      .nullable()
      .describe('Tiền thưởng / cash award'),
    source: z.enum(['table', 'text']).describe('Đọc từ bảng Danh sách hay từ lời văn / read from the table or the text'),
  })
  .describe('Người / tập thể được khen (quyết định) / an awardee');

export type TSection = {
  kind: 'phan' | 'muc' | 'tieu_muc' | 'diem' | 'dieu' | 'khoan';
  label: string;
  heading: TSpannedText;
  span: TSpan;
  children: TSection[];
};

export const ZSection: z.ZodType<TSection> = z
  .object({
    kind: z
      .enum(['phan', 'muc', 'tieu_muc', 'diem', 'dieu', 'khoan'])
      .describe('phan = I, II…; muc = 1, 2…; tieu_muc = 1.1…; diem = a), b)…; dieu = Điều N; khoan = khoản trong Điều'),
    label: z.string().describe('Nhãn: "I", "2", "3.1", "a", "Điều 1"'),
    heading: ZSpannedText.describe('Dòng tiêu đề của mục / heading line'),
    span: ZSpan.describe('Toàn bộ mục / the whole section'),
    get children() {
      return z.array(ZSection);
    },
  })
  .describe('Mục trong cây cấu trúc / a section of the outline') as z.ZodType<TSection>;

export const ZParsedDocument = z
  .object({
    format: z.enum(['txt', 'docx', 'doc', 'pdf']).describe('Định dạng tệp nguồn / source format'),
    encoding: z.string().nullable().describe('Bảng mã đã nhận ra (utf-8, utf-16le, windows-1258, tcvn3, vni…) / detected encoding'),
    text: z.string().describe('Văn bản đã chuẩn hoá; mọi span trỏ vào chuỗi này / normalised text all spans point into'),
    docType: z
      .object({ value: ZDocType, span: ZSpan.nullable() })
      .describe('Loại văn bản: ke_hoach, quyet_dinh, to_trinh, bao_cao, bien_ban, thong_bao, cong_van, huong_dan, other'),
    issuerParent: ZSpannedText.nullable().describe('Cơ quan chủ quản (dòng trên của tiêu đề trái) / parent body'),
    issuer: ZSpannedText.nullable().describe('Cơ quan ban hành / issuing body'),
    number: ZSpannedText.nullable().describe('Số, ký hiệu chuẩn hoá (vd. 67/KH-TCGC); null khi số để trống / normalised number'),
    numberRaw: ZSpannedText.nullable().describe('Số, ký hiệu nguyên văn (kể cả khi để trống) / number as written'),
    place: ZSpannedText.nullable().describe('Địa danh / place'),
    date: ZSpannedText.nullable().describe('Ngày ban hành YYYY-MM-DD; null khi để trống ngày / issue date'),
    dateRaw: ZSpannedText.nullable().describe('Ngày tháng nguyên văn / date as written'),
    title: ZSpannedText.nullable().describe('Tên văn bản kèm loại, viết hoa đầu câu ("Kế hoạch phát động phong trào thi đua …")'),
    movementName: ZSpannedText.nullable().describe('Tên phong trào thi đua / movement name'),
    period: z
      .object({
        from: z.string().nullable().describe('Từ ngày YYYY-MM-DD'),
        to: z.string().nullable().describe('Đến ngày YYYY-MM-DD'),
        label: ZSpannedText.describe('Nhãn như văn bản ghi ("năm học 2024 - 2025", "giai đoạn 2021-2025")'),
      })
      .nullable()
      .describe('Thời gian thực hiện / period'),
    legalBases: z.array(ZLegalBasis).describe('Căn cứ / legal bases'),
    targets: z
      .object({
        collective: z.array(ZSpannedText).describe('Đối tượng tập thể'),
        individual: z.array(ZSpannedText).describe('Đối tượng cá nhân'),
      })
      .describe('Đối tượng thi đua / targets'),
    contents: z.array(ZSpannedText).describe('Nội dung thi đua / contents'),
    awards: z.array(ZAward).describe('Hình thức, cấp khen, đối tượng, số lượng / awards'),
    dossier: z.array(ZSpannedText).describe('Hồ sơ đề nghị khen thưởng / dossier items'),
    deadlines: z.array(ZDeadline).describe('Thời hạn / deadlines'),
    reporting: z.array(spanned(ZReportingPeriod, 'Kỳ báo cáo')).describe('Chế độ báo cáo định kỳ (quý, 6 tháng, năm) / reporting periods'),
    recipients: z.array(ZSpannedText).describe('Nơi nhận / Kính gửi / recipients'),
    signer: z
      .object({
        title: ZSpannedText.nullable().describe('Chức vụ người ký (kể cả KT., TM.) / signer title'),
        name: ZSpannedText.nullable().describe('Họ tên người ký / signer name'),
      })
      .nullable()
      .describe('Người ký / signer'),
    sections: z.array(ZSection).describe('Cây mục I / 1 / a) hoặc Điều / khoản / điểm / outline'),
    awardees: z.array(ZAwardee).describe('Danh sách được khen (quyết định) / awardees'),
    warnings: z.array(z.string()).describe('Cảnh báo (tiếng Việt) / warnings'),
  })
  .describe('Kết quả đọc một văn bản / one parsed document');

export type TParsedDocument = z.infer<typeof ZParsedDocument>;

/** JSON Schema (draft 2020-12) of the output, generated from the zod schema. */
export function parsedDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ZParsedDocument) as Record<string, unknown>;
}
