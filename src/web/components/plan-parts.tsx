// Building blocks of the plan screens: state and board badges, an editable list of lines, and the
// "giao triển khai" fields (units of given kinds, a cluster, or a hand-picked list, plus a due date).
import { ActionIcon, Badge, Button, Group, MultiSelect, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../api/client';
import type { TCluster } from '../api/types';
import { FormCheckError, requireDate } from './form-modal';
import type { TBoardStatus, TCascadeRequest } from './plan-types';
import { DateField } from './ui';
import { UnitPicker, type TUnitOption } from './unit-picker';
import { CASCADE_MODE_LABELS, CASCADE_STATUS_LABELS, UNIT_KINDS, UNIT_KIND_LABELS } from '../../shared/labels';

export const PLAN_STATE_COLORS: Record<string, string> = {
  draft: 'gray', submitted: 'yellow', issued: 'blue', in_progress: 'teal', midterm_review: 'cyan', final_review: 'indigo', closed: 'dark',
};

export const BOARD_STATUS_COLORS: Record<TBoardStatus, string> = { not_started: 'gray', drafting: 'yellow', issued: 'green', overdue: 'red' };
export const BOARD_STATUSES: TBoardStatus[] = ['not_started', 'drafting', 'issued', 'overdue'];

export function PlanStateBadge({ state, label, size = 'md' }: { state: string; label: string; size?: string }) {
  return <Badge color={PLAN_STATE_COLORS[state] ?? 'gray'} variant="light" size={size}>{label}</Badge>;
}

export function BoardStatusBadge({ status, label, count }: { status: TBoardStatus; label?: string; count?: number }) {
  const text = label ?? CASCADE_STATUS_LABELS[status];
  return <Badge color={BOARD_STATUS_COLORS[status]} variant="light">{count === undefined ? text : `${text}: ${count.toLocaleString('vi-VN')}`}</Badge>;
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} title={label} onClick={onClick} mt={4}>
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true"><path d="M18 6 6 18M6 6l12 12" /></svg>
    </ActionIcon>
  );
}

/** A list of text lines with add and remove; `errorAt(i)` names a server error on line i. */
export function LinesEditor({ label, value, onChange, addLabel = 'Thêm dòng', errorAt, minRows = 1, itemLabel = (i) => `${label} ${i + 1}` }: {
  label: string; value: string[]; onChange: (v: string[]) => void; addLabel?: string; errorAt?: (i: number) => string | undefined; minRows?: number;
  /** The accessible name of line i (default: "<label> <i+1>"). */
  itemLabel?: (i: number) => string;
}) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>{label}</Text>
      {value.length === 0 ? <Text size="xs" c="dimmed">Chưa có dòng nào.</Text> : null}
      {value.map((line, i) => (
        <Group key={i} gap={6} align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" w={24} mt={6} ta="right">{i + 1}.</Text>
          <Textarea aria-label={itemLabel(i)} autosize minRows={minRows} style={{ flex: 1 }} value={line} error={errorAt?.(i)}
            onChange={(e) => { const next = [...value]; next[i] = e.currentTarget.value; onChange(next); }} />
          <RemoveButton label={`Xóa ${itemLabel(i).charAt(0).toLowerCase()}${itemLabel(i).slice(1)}`} onClick={() => onChange(value.filter((_, j) => j !== i))} />
        </Group>
      ))}
      <Button variant="subtle" size="xs" w="fit-content" onClick={() => onChange([...value, ''])}>+ {addLabel}</Button>
    </Stack>
  );
}

export type TCascadeDraft = { mode: TCascadeRequest['mode']; unitKinds: string[]; clusterId: string | null; units: TUnitOption[]; dueText: string };

export function emptyCascadeDraft(unitKinds: string[] = []): TCascadeDraft {
  return { mode: 'kinds', unitKinds, clusterId: null, units: [], dueText: '' };
}

/** The request for POST /plans/{id}/cascade (or the `cascade` of an issue transition); throws a FormCheckError on missing input. */
export function cascadeRequestOf(d: TCascadeDraft): TCascadeRequest {
  const dueDate = requireDate(d.dueText, 'Hạn ban hành kế hoạch thực hiện');
  if (d.mode === 'kinds') {
    if (!d.unitKinds.length) throw new FormCheckError('Chọn ít nhất một loại đơn vị được giao triển khai');
    return { mode: 'kinds', unitKinds: d.unitKinds, dueDate };
  }
  if (d.mode === 'cluster') {
    if (!d.clusterId) throw new FormCheckError('Chọn cụm hoặc khối thi đua');
    return { mode: 'cluster', clusterId: d.clusterId, dueDate };
  }
  if (!d.units.length) throw new FormCheckError('Chọn ít nhất một đơn vị');
  return { mode: 'units', unitIds: d.units.map((u) => u.id), dueDate };
}

export function CascadeFields({ value, onChange, schoolYear }: { value: TCascadeDraft; onChange: (d: TCascadeDraft) => void; schoolYear: number | null }) {
  const [picked, setPicked] = useState<TUnitOption | null>(null);
  const clusters = useQuery({
    queryKey: ['clusters', 'list', schoolYear ?? ''],
    queryFn: () => api.get<{ items: TCluster[] }>(`/clusters${toQuery({ schoolYear: schoolYear ?? undefined })}`),
    enabled: value.mode === 'cluster',
  });
  const set = (patch: Partial<TCascadeDraft>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Radio.Group label="Đơn vị được giao" value={value.mode} onChange={(m) => set({ mode: m as TCascadeDraft['mode'] })}>
        <Group gap="md" mt={4}>
          {(Object.keys(CASCADE_MODE_LABELS) as (keyof typeof CASCADE_MODE_LABELS)[]).map((k) => <Radio key={k} value={k} label={CASCADE_MODE_LABELS[k]} />)}
        </Group>
      </Radio.Group>
      {value.mode === 'kinds' ? (
        <MultiSelect label="Loại đơn vị" description="Mọi đơn vị thuộc các loại này trong phạm vi quản lý" placeholder="Chọn loại đơn vị" searchable
          data={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} value={value.unitKinds} onChange={(v) => set({ unitKinds: v })} />
      ) : null}
      {value.mode === 'cluster' ? (
        <Select label="Cụm, khối thi đua" placeholder={clusters.isPending ? 'Đang tải…' : 'Chọn cụm, khối'} searchable value={value.clusterId}
          nothingFoundMessage="Chưa có cụm, khối thi đua của năm học này"
          data={(clusters.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.members.length} đơn vị)` }))} onChange={(v) => set({ clusterId: v })} />
      ) : null}
      {value.mode === 'units' ? (
        <Stack gap={6}>
          <UnitPicker label="Thêm đơn vị" value={picked} exclude={value.units.map((u) => u.id)}
            onChange={(u) => { setPicked(null); if (u && !value.units.some((x) => x.id === u.id)) set({ units: [...value.units, u] }); }} />
          {value.units.length ? (
            <Group gap={6}>
              {value.units.map((u) => (
                <Badge key={u.id} variant="outline" size="lg" rightSection={
                  <ActionIcon size="xs" variant="transparent" aria-label={`Bỏ ${u.name}`} onClick={() => set({ units: value.units.filter((x) => x.id !== u.id) })}>×</ActionIcon>
                } style={{ textTransform: 'none' }}>{u.name}</Badge>
              ))}
            </Group>
          ) : <Text size="xs" c="dimmed">Chưa chọn đơn vị nào.</Text>}
        </Stack>
      ) : null}
      <DateField label="Hạn ban hành kế hoạch thực hiện" withAsterisk value={value.dueText} onChange={(t) => set({ dueText: t })} />
    </Stack>
  );
}
