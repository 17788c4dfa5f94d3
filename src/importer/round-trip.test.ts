// Round trip: documents that thidua generates (src/documents) parse back to the data they were made from.
import { describe, expect, it } from 'vitest';
import { renderDecisionDocx, renderPlanDocx, renderProposalDocx, type TDecisionData, type TPlanData, type TProposalData } from '../documents';
import { parseDocumentBuffer } from './index';

const issuing = {
  parentOrg: 'Phòng Giáo dục và Đào tạo huyện Cần Giuộc',
  issuer: 'Trường Tiểu học Long Hậu',
  issuerCode: 'THLH',
  number: 12,
  place: 'Long Hậu',
  date: '2025-09-15',
};

describe('round trip with the documents thidua generates', () => {
  it('kế hoạch: header, title, movement, bases, targets, contents, award table, dossier deadline, signer', async () => {
    const plan: TPlanData = {
      issuing,
      title: 'Phát động phong trào thi đua “Dạy tốt, học tốt” năm học 2025-2026',
      legalBasis: [
        'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
        'Căn cứ Kế hoạch số 345/KH-PGDĐT ngày 05/9/2025 của Phòng Giáo dục và Đào tạo huyện Cần Giuộc về phát động phong trào thi đua năm học 2025-2026',
      ],
      purposes: ['Tạo khí thế thi đua sôi nổi'],
      requirements: ['Thi đua thiết thực, hiệu quả'],
      subjects: { collectives: 'các tổ chuyên môn, tổ văn phòng', individuals: 'cán bộ, giáo viên, nhân viên nhà trường' },
      contents: ['Đổi mới phương pháp dạy học', { title: 'Xây dựng trường học an toàn', items: ['Phòng chống tai nạn thương tích', 'Giữ gìn vệ sinh trường lớp'] }],
      criteria: { collectives: ['Hoàn thành xuất sắc nhiệm vụ'], individuals: ['Hoàn thành tốt nhiệm vụ'] },
      awards: [
        { name: 'Giấy khen', target: 'Tập thể', quota: 2, awardedBy: 'Hiệu trưởng', amount: 1420000 },
        { name: 'Giấy khen', target: 'Cá nhân', quota: 10, awardedBy: 'Hiệu trưởng', amount: 710000 },
        { name: 'Chiến sĩ thi đua cơ sở', target: 'Cá nhân', quota: '15% số LĐTT' },
      ],
      dossier: ['Tờ trình đề nghị khen thưởng', 'Biên bản họp Hội đồng'],
      dossierDeadline: 'trước ngày 20/5/2026',
      implementation: [{ unit: 'Tổ chuyên môn', duties: ['Triển khai kế hoạch', 'Báo cáo kết quả hằng quý'] }],
      signer: { title: 'Hiệu trưởng', name: 'Võ Thị Hạnh' },
      recipients: { lines: ['Các tổ chuyên môn'], archive: 'VT' },
    };
    const r = await parseDocumentBuffer(await renderPlanDocx(plan), 'ke-hoach.docx');
    expect(r.docType.value).toBe('ke_hoach');
    expect(r.number?.value).toBe('12/KH-THLH');
    expect(r.issuer?.value.toLowerCase()).toBe(issuing.issuer.toLowerCase());
    expect(r.issuerParent?.value.toLowerCase()).toBe(issuing.parentOrg.toLowerCase());
    expect([r.place?.value, r.date?.value]).toEqual([issuing.place, issuing.date]);
    expect(r.title?.value).toBe('Kế hoạch phát động phong trào thi đua “Dạy tốt, học tốt” năm học 2025-2026');
    expect(r.movementName?.value).toBe('Dạy tốt, học tốt');
    expect(r.period).toMatchObject({ from: '2025-09-01', to: '2026-08-31' });
    expect(r.legalBases.map((b) => `Căn cứ ${b.value}`)).toEqual(plan.legalBasis);
    expect(r.targets.collective.map((t) => t.value)).toEqual([plan.subjects.collectives]);
    expect(r.targets.individual.map((t) => t.value)).toEqual([plan.subjects.individuals]);
    expect(r.contents.map((c) => c.value)).toEqual(['Đổi mới phương pháp dạy học', 'Xây dựng trường học an toàn\nPhòng chống tai nạn thương tích\nGiữ gìn vệ sinh trường lớp']);
    expect(r.awards.map((a) => [a.form?.value, a.authority?.value ?? null, a.recipientKind, a.quota?.value, a.quotaMax])).toEqual([
      ['Giấy khen', 'Hiệu trưởng', 'tap_the', '02', 2],
      ['Giấy khen', 'Hiệu trưởng', 'ca_nhan', '10', 10],
      ['Chiến sĩ thi đua cơ sở', null, 'ca_nhan', '15% số LĐTT', null],
    ]);
    expect(r.dossier.map((d) => d.value)).toEqual(plan.dossier);
    expect(r.deadlines.map((d) => d.date)).toEqual(['2026-05-20']);
    expect(r.reporting.map((x) => x.value)).toEqual(['quý']);
    expect(r.recipients.map((x) => x.value)).toEqual(['Các tổ chuyên môn']);
    expect(r.signer?.name?.value).toBe('Võ Thị Hạnh');
    expect(r.signer?.title?.value).toBe('HIỆU TRƯỞNG');
  });

  it('quyết định: the Danh sách (grouped tập thể / cá nhân) gives back every awardee with unit and amount', async () => {
    const decision: TDecisionData = {
      issuing: { ...issuing, number: 57, date: '2026-05-28' },
      authority: 'HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC LONG HẬU',
      summary: 'Về việc tặng Giấy khen năm học 2025-2026',
      legalBasis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ'],
      proposedBy: 'Theo đề nghị của Hội đồng Thi đua - Khen thưởng nhà trường',
      achievementText: 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026',
      awardees: [
        { kind: 'individual', name: 'Nguyễn Văn An', position: 'Giáo viên', unit: 'Tổ Toán', award: 'Giấy khen', amount: 760000 },
        { kind: 'individual', name: 'Trần Thị Bích', position: 'Tổ trưởng', unit: 'Tổ Ngữ văn', award: 'Giấy khen', amount: 760000 },
        { kind: 'collective', name: 'Tổ Tiếng Anh', unit: 'Trường Tiểu học Long Hậu', award: 'Giấy khen', amount: 1520000 },
      ],
      executors: 'Văn phòng, Tổ Tài vụ, các tổ chuyên môn',
      signer: { title: 'Hiệu trưởng', name: 'Lê Minh Quang' },
      recipients: { lines: ['Như Điều 3'], archive: 'VT' },
    };
    const r = await parseDocumentBuffer(await renderDecisionDocx(decision), 'quyet-dinh.docx');
    expect(r.docType.value).toBe('quyet_dinh');
    expect([r.number?.value, r.date?.value, r.place?.value]).toEqual(['57/QĐ-THLH', '2026-05-28', 'Long Hậu']);
    expect(r.title?.value).toBe('Quyết định về việc tặng Giấy khen năm học 2025-2026');
    expect(r.legalBases.map((b) => b.number)).toEqual([null, '152/2025/NĐ-CP']);
    const got = r.awardees.map((a) => ({ kind: a.kind, name: a.name.value, unit: a.unit?.value, title: a.title?.value, amount: a.amount?.value }));
    const want = decision.awardees.map((a) => ({
      kind: a.kind === 'individual' ? 'ca_nhan' : 'tap_the',
      name: a.name,
      unit: a.position ? `${a.position}, ${a.unit}` : a.unit,
      title: a.award,
      amount: a.amount,
    }));
    expect(got.sort((a, b) => a.name.localeCompare(b.name))).toEqual(want.sort((a, b) => a.name.localeCompare(b.name)));
    expect(r.signer?.name?.value).toBe('Lê Minh Quang');
  });

  it('tờ trình: recipients (Kính gửi), number, date and the nominees', async () => {
    const proposal: TProposalData = {
      issuing: { ...issuing, number: 8, date: '2026-05-20' },
      kinhGui: ['Hội đồng Thi đua - Khen thưởng ngành Giáo dục huyện Cần Giuộc'],
      commendationType: 'công trạng',
      period: 'năm học 2025-2026',
      approver: 'Trưởng phòng Giáo dục và Đào tạo',
      legalBasis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'],
      nominees: [{ kind: 'individual', name: 'Phan Thị Cúc', position: 'Giáo viên', unit: 'Trường Tiểu học Long Hậu', award: 'Giấy khen' }],
      signer: { title: 'Hiệu trưởng', name: 'Võ Thị Hạnh' },
      recipients: { lines: ['Như trên'], archive: 'VT' },
    };
    const r = await parseDocumentBuffer(await renderProposalDocx(proposal), 'to-trinh.docx');
    expect(r.docType.value).toBe('to_trinh');
    expect([r.number?.value, r.date?.value]).toEqual(['08/TTr-THLH', '2026-05-20']);
    expect(r.recipients[0].value).toBe('Hội đồng Thi đua - Khen thưởng ngành Giáo dục huyện Cần Giuộc');
    expect(r.text).toContain('Phan Thị Cúc');
    expect(r.signer?.name?.value).toBe('Võ Thị Hạnh');
  });
});
