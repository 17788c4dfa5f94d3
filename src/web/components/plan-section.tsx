// One section of a plan, shown read-only and, when the plan may be edited, turned into a small form
// by "Sửa": the draft is saved with PATCH /plans/{id}; the server's messages are shown with the
// section's own words for the fields (e.g. "Hình thức khen thưởng 1 – số lượng").
import { Alert, Button, Card, Group, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, api, errorMessage } from '../api/client';
import type { TPlan } from './plan-types';

const SEGMENT_LABELS: Record<string, string> = {
  body: '', legalBases: 'Căn cứ', purposes: 'Mục đích', requirements: 'Yêu cầu', subjects: 'Đối tượng', collectives: 'tập thể', individuals: 'cá nhân',
  unitKinds: 'loại đơn vị', groups: 'tập thể trong đơn vị', staffCategories: 'đối tượng cá nhân', contents: 'Nội dung', details: 'ý', indicators: 'chỉ tiêu',
  criteria: 'Tiêu chuẩn', items: 'dòng', awards: 'Hình thức khen thưởng', name: 'tên', authority: 'cấp khen', recipient: 'đối tượng', quota: 'số lượng',
  moneySource: 'nguồn kinh phí', note: 'ghi chú', dossier: 'Hồ sơ', copies: 'số bộ', submitTo: 'nơi nhận hồ sơ', timeline: 'Thời gian',
  registrationDeadline: 'Hạn đăng ký thi đua', reports: 'Kỳ báo cáo', dueDate: 'hạn nộp', period: 'kỳ', schedule: 'chế độ', nominationDeadline: 'Hạn gửi hồ sơ khen thưởng',
  midtermReviewDate: 'Ngày sơ kết', finalReviewDate: 'Ngày tổng kết', milestones: 'Mốc', date: 'ngày', task: 'công việc', owner: 'thực hiện',
  implementation: 'Tổ chức thực hiện', part: 'bộ phận', tasks: 'nhiệm vụ', funding: 'Kinh phí', recipients: 'Nơi nhận', title: 'Trích yếu',
  movementName: 'Tên phong trào', periodFrom: 'Ngày bắt đầu', periodTo: 'Ngày kết thúc', schoolYear: 'Năm học', kind: 'Loại kế hoạch', target: 'mức phấn đấu', unit: 'đơn vị tính', text: 'nội dung',
};

/** "body.awards.0.quota" → "Hình thức khen thưởng 1 – số lượng". */
export function planFieldLabel(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('.')) {
    if (/^\d+$/.test(seg)) { if (out.length) out[out.length - 1] += ` ${Number(seg) + 1}`; continue; }
    const label = SEGMENT_LABELS[seg];
    if (label === '') continue;
    out.push(label ?? seg);
  }
  return out.join(' – ');
}

/** The server's answer in the section's words: every field problem on its own line. */
export function planErrorLines(err: unknown): string[] {
  if (err instanceof ApiError && err.fields.length) {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const f of err.fields) {
      const line = `${planFieldLabel(f.field)}: ${f.message}`;
      if (!seen.has(line)) { seen.add(line); lines.push(line); }
    }
    return lines;
  }
  return [errorMessage(err)];
}

export function PlanErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const lines = planErrorLines(error);
  return (
    <Alert color="red" title="Không lưu được" role="alert">
      {lines.length === 1 ? lines[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{lines.map((l) => <li key={l}>{l}</li>)}</ul>}
    </Alert>
  );
}

/** Saves a change of a plan and puts the server's answer in the cache. */
export function useSavePlan(plan: TPlan) {
  const qc = useQueryClient();
  return async (patch: Record<string, unknown>) => {
    const saved = await api.patch<TPlan>(`/plans/${plan.id}`, patch);
    qc.setQueryData(['plans', 'detail', plan.id], saved);
    await qc.invalidateQueries({ queryKey: ['plans', 'timeline', plan.id] });
    await qc.invalidateQueries({ queryKey: ['plans', 'list'] });
  };
}

type Props<T, D> = {
  title: string;
  value: T;
  canEdit: boolean;
  view: (value: T) => ReactNode;
  toDraft: (value: T) => D;
  edit: (draft: D, setDraft: (d: D) => void, error: unknown) => ReactNode;
  /** Throw to keep the form open (FormCheckError or the ApiError of the save). */
  save: (draft: D) => Promise<void>;
};

export function PlanSection<T, D>({ title, value, canEdit, view, toDraft, edit, save }: Props<T, D>) {
  const [draft, setDraft] = useState<D | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (draft === null) return;
    setBusy(true);
    setError(null);
    try {
      await save(draft);
      setDraft(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">{title}</Title>
        {canEdit && draft === null ? (
          <Button size="xs" variant="light" aria-label={`Sửa ${title}`} onClick={() => { setError(null); setDraft(toDraft(value)); }}>Sửa</Button>
        ) : null}
      </Group>
      {draft === null ? view(value) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PlanErrorAlert error={error} />
            {edit(draft, (d) => setDraft(d), error)}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => { setDraft(null); setError(null); }}>Hủy</Button>
              <Button type="submit" loading={busy}>Lưu</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

export function cleanLines(lines: string[]): string[] {
  return lines.map((l) => l.trim()).filter(Boolean);
}

export function nullIfEmpty(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  return t ? t : null;
}
