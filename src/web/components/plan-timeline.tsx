// Tabs "Thời gian" and "Lịch sử" of a plan: the timeline fields (registration, periodic reports,
// nomination deadline, sơ kết, tổng kết, other milestones), the milestones drawn from GET
// /plans/{id}/timeline, and the state changes with their reasons.
import { Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, fieldError } from '../api/client';
import { requireDate } from './form-modal';
import { RemoveButton } from './plan-parts';
import { PlanSection, nullIfEmpty, useSavePlan } from './plan-section';
import type { TPlan, TPlanTimeline, TPlanTimelineBody, TReportSchedule } from './plan-types';
import { DateField, Empty, ErrorAlert, Loading } from './ui';
import { REPORT_SCHEDULE_LABELS } from '../../shared/labels';
import { formatDateVi } from '../../shared/vn';

type TTimelineDraft = {
  registration: string; nomination: string; midterm: string; final: string; schedules: TReportSchedule[];
  reports: { schedule: TReportSchedule; period: string; due: string }[];
  milestones: { date: string; task: string; owner: string }[];
};

const SCHEDULE_OPTIONS = (Object.keys(REPORT_SCHEDULE_LABELS) as TReportSchedule[]).map((k) => ({ value: k, label: REPORT_SCHEDULE_LABELS[k] }));
const optDate = (text: string, label: string) => (text.trim() ? requireDate(text, label) : null);

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

export function PlanTimelineEditor({ plan }: { plan: TPlan }) {
  const save = useSavePlan(plan);
  return (
    <PlanSection<TPlanTimelineBody, TTimelineDraft> title="Thời gian thực hiện" value={plan.body.timeline} canEdit={plan.canEdit}
      view={(t) => (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            <Field label="Thời gian thực hiện" value={`${formatDateVi(plan.periodFrom)} – ${formatDateVi(plan.periodTo)}`} />
            <Field label="Hạn đăng ký thi đua" value={formatDateVi(t.registrationDeadline)} />
            <Field label="Chế độ báo cáo" value={t.reportSchedules.map((s) => REPORT_SCHEDULE_LABELS[s]).join(', ')} />
            <Field label="Hạn gửi hồ sơ khen thưởng" value={formatDateVi(t.nominationDeadline)} />
            <Field label="Sơ kết" value={formatDateVi(t.midtermReviewDate)} />
            <Field label="Tổng kết" value={formatDateVi(t.finalReviewDate)} />
          </SimpleGrid>
          {t.reports.length ? (
            <Table.ScrollContainer minWidth={400}>
              <Table striped aria-label="Các kỳ báo cáo" fz="sm">
                <Table.Thead><Table.Tr><Table.Th>Kỳ báo cáo</Table.Th><Table.Th>Chế độ</Table.Th><Table.Th>Hạn nộp</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{t.reports.map((r, i) => <Table.Tr key={i}><Table.Td>{r.period}</Table.Td><Table.Td>{REPORT_SCHEDULE_LABELS[r.schedule]}</Table.Td><Table.Td>{formatDateVi(r.dueDate)}</Table.Td></Table.Tr>)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {t.milestones.length ? (
            <Table.ScrollContainer minWidth={400}>
              <Table striped aria-label="Các mốc khác" fz="sm">
                <Table.Thead><Table.Tr><Table.Th>Ngày</Table.Th><Table.Th>Công việc</Table.Th><Table.Th>Thực hiện</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{t.milestones.map((m, i) => <Table.Tr key={i}><Table.Td>{formatDateVi(m.date)}</Table.Td><Table.Td>{m.task}</Table.Td><Table.Td>{m.owner ?? ''}</Table.Td></Table.Tr>)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      )}
      toDraft={(t) => ({
        registration: formatDateVi(t.registrationDeadline), nomination: formatDateVi(t.nominationDeadline), midterm: formatDateVi(t.midtermReviewDate), final: formatDateVi(t.finalReviewDate),
        schedules: [...t.reportSchedules], reports: t.reports.map((r) => ({ schedule: r.schedule, period: r.period, due: formatDateVi(r.dueDate) })),
        milestones: t.milestones.map((m) => ({ date: formatDateVi(m.date), task: m.task, owner: m.owner ?? '' })),
      })}
      edit={(d, set, err) => (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label="Hạn đăng ký thi đua" value={d.registration} error={fieldError(err, 'body.timeline.registrationDeadline')} onChange={(t) => set({ ...d, registration: t })} />
            <DateField label="Hạn gửi hồ sơ khen thưởng" value={d.nomination} error={fieldError(err, 'body.timeline.nominationDeadline')} onChange={(t) => set({ ...d, nomination: t })} />
            <DateField label="Ngày sơ kết" value={d.midterm} error={fieldError(err, 'body.timeline.midtermReviewDate')} onChange={(t) => set({ ...d, midterm: t })} />
            <DateField label="Ngày tổng kết" value={d.final} error={fieldError(err, 'body.timeline.finalReviewDate')} onChange={(t) => set({ ...d, final: t })} />
          </SimpleGrid>
          <Checkbox.Group label="Chế độ báo cáo định kỳ" value={d.schedules} onChange={(v) => set({ ...d, schedules: v as TReportSchedule[] })}>
            <Group mt={4}>{SCHEDULE_OPTIONS.map((o) => <Checkbox key={o.value} value={o.value} label={o.label} />)}</Group>
          </Checkbox.Group>
          <Title order={4} size="h6">Các kỳ báo cáo</Title>
          {d.reports.map((r, i) => (
            <Group key={i} gap={6} align="flex-start" wrap="wrap">
              <TextInput aria-label={`Kỳ báo cáo ${i + 1}`} placeholder="Ví dụ: Quý I năm 2027" style={{ flex: 2, minWidth: 160 }} value={r.period} onChange={(e) => { const period = e.currentTarget.value; set({ ...d, reports: d.reports.map((x, j) => (j === i ? { ...x, period } : x)) }); }} />
              <Select aria-label={`Chế độ của kỳ báo cáo ${i + 1}`} w={130} allowDeselect={false} data={SCHEDULE_OPTIONS} value={r.schedule} onChange={(v) => set({ ...d, reports: d.reports.map((x, j) => (j === i ? { ...x, schedule: (v ?? 'quarterly') as TReportSchedule } : x)) })} />
              <DateField aria-label={`Hạn nộp báo cáo ${i + 1}`} w={140} value={r.due} error={fieldError(err, `body.timeline.reports.${i}.dueDate`)} onChange={(t) => set({ ...d, reports: d.reports.map((x, j) => (j === i ? { ...x, due: t } : x)) })} />
              <RemoveButton label={`Xóa kỳ báo cáo ${i + 1}`} onClick={() => set({ ...d, reports: d.reports.filter((_, j) => j !== i) })} />
            </Group>
          ))}
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => set({ ...d, reports: [...d.reports, { schedule: 'quarterly', period: '', due: '' }] })}>+ Thêm kỳ báo cáo</Button>
          <Title order={4} size="h6">Các mốc khác</Title>
          {d.milestones.map((m, i) => (
            <Group key={i} gap={6} align="flex-start" wrap="wrap">
              <DateField aria-label={`Ngày của mốc ${i + 1}`} w={140} value={m.date} error={fieldError(err, `body.timeline.milestones.${i}.date`)} onChange={(t) => set({ ...d, milestones: d.milestones.map((x, j) => (j === i ? { ...x, date: t } : x)) })} />
              <TextInput aria-label={`Công việc của mốc ${i + 1}`} placeholder="Công việc" style={{ flex: 2, minWidth: 180 }} value={m.task} onChange={(e) => { const task = e.currentTarget.value; set({ ...d, milestones: d.milestones.map((x, j) => (j === i ? { ...x, task } : x)) }); }} />
              <TextInput aria-label={`Bộ phận thực hiện mốc ${i + 1}`} placeholder="Bộ phận thực hiện" style={{ flex: 1, minWidth: 140 }} value={m.owner} onChange={(e) => { const owner = e.currentTarget.value; set({ ...d, milestones: d.milestones.map((x, j) => (j === i ? { ...x, owner } : x)) }); }} />
              <RemoveButton label={`Xóa mốc ${i + 1}`} onClick={() => set({ ...d, milestones: d.milestones.filter((_, j) => j !== i) })} />
            </Group>
          ))}
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => set({ ...d, milestones: [...d.milestones, { date: '', task: '', owner: '' }] })}>+ Thêm mốc</Button>
        </Stack>
      )}
      save={(d) => save({ body: { ...plan.body, timeline: {
        registrationDeadline: optDate(d.registration, 'Hạn đăng ký thi đua'),
        nominationDeadline: optDate(d.nomination, 'Hạn gửi hồ sơ khen thưởng'),
        midtermReviewDate: optDate(d.midterm, 'Ngày sơ kết'),
        finalReviewDate: optDate(d.final, 'Ngày tổng kết'),
        reportSchedules: d.schedules,
        reports: d.reports.filter((r) => r.period.trim() || r.due.trim()).map((r, i) => ({ schedule: r.schedule, period: r.period.trim(), dueDate: requireDate(r.due, `Hạn nộp báo cáo ${i + 1}`) })),
        milestones: d.milestones.filter((m) => m.task.trim() || m.date.trim()).map((m, i) => ({ date: requireDate(m.date, `Ngày của mốc ${i + 1}`), task: m.task.trim(), owner: nullIfEmpty(m.owner) })),
      } } })} />
  );
}

export function usePlanTimeline(planId: string) {
  return useQuery({ queryKey: ['plans', 'timeline', planId], queryFn: () => api.get<TPlanTimeline>(`/plans/${planId}/timeline`) });
}

/** The plan's milestones in date order: passed ones filled in, the next one marked. */
export function PlanMilestones({ planId }: { planId: string }) {
  const q = usePlanTimeline(planId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const items = q.data.items.filter((i) => i.kind !== 'state');
  if (!items.length) return <Empty>Chưa có mốc thời gian.</Empty>;
  const done = items.filter((i) => i.done).length;
  return (
    <Card withBorder padding="sm">
      <Title order={3} size="h5" mb="sm">Các mốc của kế hoạch</Title>
      <Timeline active={done - 1} bulletSize={16} lineWidth={2} aria-label="Các mốc của kế hoạch">
        {items.map((i, k) => (
          <Timeline.Item key={k} title={<Group gap={6}><Text size="sm" fw={600}>{formatDateVi(i.date)}</Text><Text size="sm">{i.label}</Text>{k === done ? <Badge size="xs" color="orange">Sắp tới</Badge> : null}</Group>}>
            {i.detail ? <Text size="xs" c="dimmed">{i.detail}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

/** The states a plan goes through, and each change with its date and reason. */
export function PlanHistory({ planId }: { planId: string }) {
  const q = usePlanTimeline(planId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const reached = q.data.states.filter((s) => s.reached).length;
  const events = q.data.items.filter((i) => i.kind === 'state');
  return (
    <Stack>
      <Card withBorder padding="sm">
        <Stepper active={reached - 1} size="xs" allowNextStepsSelect={false} styles={{ steps: { flexWrap: 'wrap', rowGap: 8 } }}>
          {q.data.states.map((s) => <Stepper.Step key={s.state} label={s.label} />)}
        </Stepper>
      </Card>
      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb="sm">Các lần chuyển trạng thái</Title>
        {events.length === 0 ? <Empty>Chưa có thay đổi nào.</Empty> : (
          <Timeline active={events.length} bulletSize={14} lineWidth={2} aria-label="Lịch sử kế hoạch">
            {events.map((e, k) => (
              <Timeline.Item key={k} title={`${formatDateVi(e.date)} – ${e.label}`}>
                {e.detail ? <Text size="sm">{e.detail}</Text> : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Card>
    </Stack>
  );
}
