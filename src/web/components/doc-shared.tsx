// Shapes of /api/v1/documents answers and small pieces shared by the Văn bản screens: kind and
// status labels, the unit chooser defaulting to the user's own unit, polling a background job.
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { useMe } from '../auth';
import { UnitPicker, type TUnitOption } from './unit-picker';

export type TRegisterEntry = {
  id: string; unitId: string; year: number; number: number; typeCode: string | null; symbol: string; numberText: string;
  status: 'reserved' | 'issued' | 'cancelled'; documentId: string | null; summary: string | null; signerName: string | null;
  issuedDate: string | null; note: string | null; cancelReason: string | null; reservedAt: string; issuedAt: string | null; cancelledAt: string | null;
};
export type TDocument = {
  id: string; unitId: string; unitName: string | null; kind: string; kindTitle: string; title: string;
  status: 'draft' | 'issued'; statusLabel: string; numbered: boolean; numberText: string | null; issuedDate: string | null;
  signerName: string | null; hasPdf: boolean; hasSignedScan: boolean; finalCopy: 'signed-scan' | 'docx' | null;
  createdAt: string; updatedAt: string; data?: unknown;
};
export type TDocumentDetail = TDocument & { register: TRegisterEntry | null };
export type TFormatIssue = { code: string; severity: 'error' | 'warning'; message: string; rule: string; found?: string };
export type TFormatReport = { ok: boolean; errors: number; warnings: number; issues: TFormatIssue[]; text: string };
export type TBlankField = {
  key: string; xMm: number; yMm: number; widthMm: number; heightMm?: number; fontFamily?: string; fontSizePt?: number;
  bold?: boolean; italic?: boolean; align?: 'left' | 'center' | 'right'; color?: string;
};
export type TBlankLayout = { paper: 'A4' | 'A3' | 'A5' | { widthMm: number; heightMm: number }; orientation: 'portrait' | 'landscape'; fields: TBlankField[] };
export type TCertificateBatch = {
  id: string; unitId: string; mode: 'design' | 'blank'; count: number; status: string; jobId: number | null; progress: number;
  progressMessage: string | null; docxUrl: string | null; pdfUrl: string | null; createdAt: string; finishedAt: string | null;
};

/** Document kinds the server renders (docs/documents.md). */
export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  'ke-hoach': 'Kế hoạch',
  'to-trinh': 'Tờ trình đề nghị khen thưởng',
  'bien-ban': 'Biên bản họp Hội đồng TĐKT',
  'bao-cao-thanh-tich-ca-nhan': 'Báo cáo thành tích cá nhân',
  'bao-cao-thanh-tich-tap-the': 'Báo cáo thành tích tập thể',
  'bao-cao-thanh-tich-chuyen-de': 'Báo cáo thành tích theo chuyên đề',
  'quyet-dinh': 'Quyết định khen thưởng',
  'bao-cao': 'Báo cáo',
  'thong-bao': 'Thông báo',
  'cong-van': 'Công văn',
  'giay-khen': 'Giấy khen',
};

/** Type codes of Phụ lục III used in the register; '' stands for a Công văn (no type code). */
export const REGISTER_TYPE_OPTIONS = [
  { value: 'KH', label: 'Kế hoạch (KH)' },
  { value: 'QĐ', label: 'Quyết định (QĐ)' },
  { value: 'TTr', label: 'Tờ trình (TTr)' },
  { value: 'BB', label: 'Biên bản (BB)' },
  { value: 'BC', label: 'Báo cáo (BC)' },
  { value: 'TB', label: 'Thông báo (TB)' },
  { value: 'HD', label: 'Hướng dẫn (HD)' },
  { value: 'CTr', label: 'Chương trình (CTr)' },
  { value: 'GM', label: 'Giấy mời (GM)' },
  { value: '', label: 'Công văn (không có mã loại)' },
];

export const REGISTER_STATUS_LABELS: Record<TRegisterEntry['status'], string> = { issued: 'Đã cấp', reserved: 'Giữ số', cancelled: 'Đã hủy' };
const REGISTER_STATUS_COLORS: Record<TRegisterEntry['status'], string> = { issued: 'green', reserved: 'yellow', cancelled: 'gray' };

export function RegisterStatusBadge({ status }: { status: TRegisterEntry['status'] }) {
  return <Badge color={REGISTER_STATUS_COLORS[status]} variant="light">{REGISTER_STATUS_LABELS[status]}</Badge>;
}

export function DocumentStatusBadge({ doc }: { doc: Pick<TDocument, 'status' | 'statusLabel'> }) {
  return <Badge color={doc.status === 'issued' ? 'green' : 'blue'} variant="light">{doc.statusLabel}</Badge>;
}

/** The first unit where the user holds `permission` (their own unit), for a sensible default. */
export function useHomeUnit(): TUnitOption | null {
  const me = useMe();
  const r = me.roles.find((x) => x.role !== 'individual');
  return r ? { id: r.unitId, name: r.unitName } : null;
}

/** A unit chooser starting at the user's own unit. */
export function useUnitChoice(): [TUnitOption | null, (u: TUnitOption | null) => void] {
  const home = useHomeUnit();
  const [unit, setUnit] = useState<TUnitOption | null>(home);
  return [unit, setUnit];
}

export function DocUnitPicker({ value, onChange, label = 'Đơn vị' }: { value: TUnitOption | null; onChange: (u: TUnitOption | null) => void; label?: string }) {
  return <UnitPicker label={label} value={value} onChange={onChange} miw={260} />;
}

export type TJobState = { id: number; status: 'queued' | 'running' | 'done' | 'failed'; statusLabel: string; progress: number; progressMessage: string | null; result: unknown; error: string | null };

/** Polls GET /jobs/{id} until the job is done or failed. */
export function useJobPoll(jobId: number | null) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api.get<TJobState>(`/jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 700),
  });
}

/** "Số: 05/KH-SGDĐT" → "05/KH-SGDĐT". */
export function bareNumber(text: string | null | undefined): string {
  return (text ?? '').replace(/^Số:\s*/, '');
}
