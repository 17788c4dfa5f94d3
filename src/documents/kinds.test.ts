import { describe, expect, it } from 'vitest';
import { docxLines } from '../../test/fixtures/documents/docx-helpers';
import * as S from '../../test/fixtures/documents/samples';
import { DocumentInputError } from './errors';
import { DOCUMENT_KINDS, renderDocumentKind } from './kinds';

describe('renderDocumentKind', () => {
  it('renders every kind the CLI names from plain JSON', async () => {
    const inputs: Record<keyof typeof DOCUMENT_KINDS, unknown> = {
      'ke-hoach': S.planSample,
      'to-trinh': S.proposalSample,
      'bien-ban': S.minutesSample,
      'bao-cao-thanh-tich-ca-nhan': { ...S.achievementIndividualSample, kind: undefined },
      'bao-cao-thanh-tich-tap-the': S.achievementCollectiveSample,
      'bao-cao-thanh-tich-chuyen-de': S.achievementThematicSample,
      'quyet-dinh': S.decisionSample,
      'bao-cao': S.reportSample,
      'thong-bao': S.noticeSample,
      'cong-van': S.letterSample,
      'giay-khen': { layout: { paper: 'A4', orientation: 'landscape', fields: [{ key: 'name', xMm: 60, yMm: 95, widthMm: 177 }] }, entries: [{ name: 'Trần Đức Mạnh' }] },
    };
    const firstWords: Record<string, string> = {};
    for (const [kind, data] of Object.entries(inputs)) {
      const lines = await docxLines(await renderDocumentKind(kind, JSON.parse(JSON.stringify(data))));
      firstWords[kind] = lines.find((l) => /^(KẾ HOẠCH|TỜ TRÌNH|BIÊN BẢN|BÁO CÁO|QUYẾT ĐỊNH|THÔNG BÁO|V\/v|Trần Đức Mạnh)/.test(l))!.split(' ').slice(0, 2).join(' ');
    }
    expect(firstWords).toEqual({
      'ke-hoach': 'KẾ HOẠCH',
      'to-trinh': 'TỜ TRÌNH',
      'bien-ban': 'BIÊN BẢN',
      'bao-cao-thanh-tich-ca-nhan': 'BÁO CÁO',
      'bao-cao-thanh-tich-tap-the': 'BÁO CÁO',
      'bao-cao-thanh-tich-chuyen-de': 'BÁO CÁO',
      'quyet-dinh': 'QUYẾT ĐỊNH',
      'bao-cao': 'BÁO CÁO',
      'thong-bao': 'THÔNG BÁO',
      'cong-van': 'V/v triển',
      'giay-khen': 'Trần Đức',
    });
  });

  it('renders designed certificates and rejects unknown kinds and bad JSON', async () => {
    const lines = await docxLines(
      await renderDocumentKind('giay-khen', { issuer: { authority: 'Hiệu trưởng Trường THPT Phan Đình Phùng', place: 'Hà Tĩnh', signer: { title: 'Hiệu trưởng', name: 'Nguyễn Văn Hùng' } }, certificates: [{ recipientName: 'Tổ Toán - Tin', achievement: 'Đã có thành tích xuất sắc', date: '2026-05-29' }] }),
    );
    expect(lines).toContain('Tổ Toán - Tin');
    await expect(renderDocumentKind('giay-moi', {})).rejects.toThrow(/Loại văn bản không hỗ trợ: "giay-moi"/);
    await expect(renderDocumentKind('quyet-dinh', { issuing: {} })).rejects.toBeInstanceOf(DocumentInputError);
  });
});
