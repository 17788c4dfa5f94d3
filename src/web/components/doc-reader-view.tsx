// The side-by-side view of a read document: on the left the normalised text with every extracted
// span highlighted, on the right the extracted fields, editable. Focusing a field scrolls the text
// to its span; clicking a highlight focuses its field.
import { ActionIcon, Badge, Button, Card, Divider, Grid, Group, ScrollArea, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TParsedDocument, TSpan, TSpannedText } from '../../importer/schema';
import { formatDateVi, parseDateVi } from '../../shared/vn';

export const DOC_TYPE_LABELS: Record<TParsedDocument['docType']['value'], string> = {
  ke_hoach: 'Kế hoạch', quyet_dinh: 'Quyết định', to_trinh: 'Tờ trình', bao_cao: 'Báo cáo', bien_ban: 'Biên bản',
  thong_bao: 'Thông báo', cong_van: 'Công văn', huong_dan: 'Hướng dẫn', other: 'Khác',
};
const RECIPIENT_LABELS = { tap_the: 'Tập thể', ca_nhan: 'Cá nhân', gia_dinh: 'Gia đình' } as const;
const NO_SPAN: TSpan = { start: 0, end: 0 };

type THighlight = { key: string; label: string; span: TSpan };

/** Every extracted value with a real span, outermost overlaps dropped so the marks do not nest. */
export function highlightsOf(d: TParsedDocument): THighlight[] {
  const out: THighlight[] = [];
  const add = (key: string, label: string, span: TSpan | null | undefined) => {
    if (span && span.end > span.start && span.end <= d.text.length) out.push({ key, label, span });
  };
  const one = (key: string, label: string, v: TSpannedText | null) => add(key, label, v?.span);
  if (d.docType.span) add('docType', 'Loại văn bản', d.docType.span);
  one('issuerParent', 'Cơ quan chủ quản', d.issuerParent);
  one('issuer', 'Cơ quan ban hành', d.issuer);
  add('number', 'Số, ký hiệu', (d.numberRaw ?? d.number)?.span);
  one('place', 'Địa danh', d.place);
  add('date', 'Ngày ban hành', (d.dateRaw ?? d.date)?.span);
  one('title', 'Trích yếu', d.title);
  one('movementName', 'Tên phong trào', d.movementName);
  if (d.period) add('period', 'Thời gian', d.period.label.span);
  d.legalBases.forEach((b, i) => add(`legalBases.${i}`, `Căn cứ ${i + 1}`, b.span));
  d.targets.collective.forEach((t, i) => add(`targets.collective.${i}`, 'Đối tượng tập thể', t.span));
  d.targets.individual.forEach((t, i) => add(`targets.individual.${i}`, 'Đối tượng cá nhân', t.span));
  d.contents.forEach((c, i) => add(`contents.${i}`, `Nội dung ${i + 1}`, c.span));
  d.awards.forEach((a, i) => add(`awards.${i}`, `Khen thưởng ${i + 1}`, a.span));
  d.dossier.forEach((x, i) => add(`dossier.${i}`, `Hồ sơ ${i + 1}`, x.span));
  d.deadlines.forEach((x, i) => add(`deadlines.${i}`, `Thời hạn ${i + 1}`, x.when.span));
  d.reporting.forEach((x, i) => add(`reporting.${i}`, 'Kỳ báo cáo', x.span));
  d.recipients.forEach((x, i) => add(`recipients.${i}`, 'Nơi nhận', x.span));
  one('signer.title', 'Chức vụ người ký', d.signer?.title ?? null);
  one('signer.name', 'Người ký', d.signer?.name ?? null);
  d.awardees.forEach((x, i) => add(`awardees.${i}`, 'Người được khen', x.name.span));
  // Inner spans win over the spans containing them; then no overlap.
  const sorted = out.sort((a, b) => (a.span.end - a.span.start) - (b.span.end - b.span.start));
  const kept: THighlight[] = [];
  for (const h of sorted) if (!kept.some((k) => h.span.start < k.span.end && k.span.start < h.span.end)) kept.push(h);
  return kept.sort((a, b) => a.span.start - b.span.start);
}

function SourceText({ doc, active, onPick }: { doc: TParsedDocument; active: string | null; onPick: (key: string) => void }) {
  const marks = useMemo(() => highlightsOf(doc), [doc]);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.span.start > at) parts.push(<Fragment key={`t${at}`}>{doc.text.slice(at, m.span.start)}</Fragment>);
    const on = active === m.key || (active !== null && m.key.startsWith(`${active}.`));
    parts.push(
      <mark key={m.key} id={`hl-${m.key}`} data-field={m.key} title={m.label} onClick={() => onPick(m.key)}
        style={{ background: on ? 'var(--mantine-color-orange-3)' : 'var(--mantine-color-yellow-2)', cursor: 'pointer', borderRadius: 2, outline: on ? '2px solid var(--mantine-color-orange-6)' : undefined }}>
        {doc.text.slice(m.span.start, m.span.end)}
      </mark>,
    );
    at = m.span.end;
  }
  if (at < doc.text.length) parts.push(<Fragment key={`t${at}`}>{doc.text.slice(at)}</Fragment>);
  return (
    <ScrollArea h="75vh" type="auto" aria-label="Văn bản nguồn">
      <div style={{ whiteSpace: 'pre-wrap', fontFamily: '"Times New Roman", serif', fontSize: 15, lineHeight: 1.5, padding: 8 }}>{parts}</div>
    </ScrollArea>
  );
}

/** A date field showing dd/mm/yyyy that writes YYYY-MM-DD (or null) into the document. */
function IsoDateInput({ label, value, onChange, onFocus }: { label: string; value: string | null; onChange: (iso: string | null) => void; onFocus?: () => void }) {
  const [text, setText] = useState(formatDateVi(value));
  useEffect(() => setText(formatDateVi(value)), [value]);
  const bad = text.trim() !== '' && !parseDateVi(text);
  return (
    <TextInput label={label} value={text} placeholder="dd/mm/yyyy" onFocus={onFocus} error={bad ? 'Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy' : undefined}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        if (!t.trim()) onChange(null);
        else if (parseDateVi(t)) onChange(parseDateVi(t));
      }} />
  );
}

const sp = (value: string, prev: TSpannedText | null): TSpannedText => ({ value, span: prev?.span ?? NO_SPAN });

export function ReaderView({ doc, setDoc, actions }: { doc: TParsedDocument; setDoc: (d: TParsedDocument) => void; actions?: ReactNode }) {
  const [active, setActive] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const focus = (key: string) => {
    setActive(key);
    document.getElementById(`hl-${key}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const pick = (key: string) => {
    setActive(key);
    const el = formRef.current?.querySelector<HTMLElement>(`[data-key="${key.split('.').slice(0, 2).join('.')}"] input, [data-key="${key.split('.').slice(0, 2).join('.')}"] textarea, [data-key="${key}"] input`);
    el?.focus({ preventScroll: false });
  };
  const set = (patch: Partial<TParsedDocument>) => setDoc({ ...doc, ...patch });
  const text = (key: 'issuerParent' | 'issuer' | 'place' | 'title' | 'movementName', label: string, area = false) => {
    const v = doc[key];
    const props = { label, value: v?.value ?? '', onFocus: () => focus(key), onChange: (e: { currentTarget: { value: string } }) => set({ [key]: e.currentTarget.value ? sp(e.currentTarget.value, v) : null } as Partial<TParsedDocument>) };
    return <div data-key={key}>{area ? <Textarea {...props} autosize minRows={1} maxRows={4} /> : <TextInput {...props} />}</div>;
  };
  const list = <K extends 'legalBases' | 'awards' | 'deadlines' | 'dossier' | 'contents'>(key: K, items: TParsedDocument[K], render: (item: TParsedDocument[K][number], i: number, update: (patch: Partial<TParsedDocument[K][number]>) => void) => ReactNode, blank: TParsedDocument[K][number], title: string) => (
    <Stack gap={6}>
      <Group justify="space-between"><Text fw={600} size="sm">{title} ({items.length})</Text>
        <Button size="compact-xs" variant="light" onClick={() => set({ [key]: [...items, blank] } as Partial<TParsedDocument>)}>Thêm</Button></Group>
      {items.map((item, i) => (
        <Group key={i} align="flex-start" gap={4} wrap="nowrap" data-key={`${key}.${i}`} onFocusCapture={() => focus(`${key}.${i}`)}>
          <div style={{ flex: 1 }}>{render(item as TParsedDocument[K][number], i, (patch) => set({ [key]: items.map((x, k) => (k === i ? { ...x, ...patch } : x)) } as Partial<TParsedDocument>))}</div>
          <ActionIcon variant="subtle" color="red" aria-label={`Xóa ${title.toLowerCase()} ${i + 1}`} onClick={() => set({ [key]: items.filter((_, k) => k !== i) } as Partial<TParsedDocument>)}>×</ActionIcon>
        </Group>
      ))}
    </Stack>
  );

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder padding="xs">
          <Group justify="space-between" mb={4}>
            <Title order={3} size="h5">Văn bản nguồn</Title>
            <Text size="xs" c="dimmed">Phần tô vàng là chỗ đã đọc được; bấm để xem trường tương ứng.</Text>
          </Group>
          <SourceText doc={doc} active={active} onPick={pick} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder padding="sm">
          <ScrollArea h="78vh" type="auto">
            <Stack gap="sm" ref={formRef} pr="sm">
              <Group justify="space-between"><Title order={3} size="h5">Thông tin đọc được</Title>{actions}</Group>
              {doc.warnings.length ? (
                <Card bg="yellow.0" padding="xs" withBorder>
                  <Text size="sm" fw={600}>Cảnh báo khi đọc ({doc.warnings.length})</Text>
                  {doc.warnings.map((w, i) => <Text key={i} size="sm">• {w}</Text>)}
                </Card>
              ) : null}
              <Group grow align="flex-start">
                <div data-key="docType"><Select label="Loại văn bản" allowDeselect={false} value={doc.docType.value} onFocus={() => focus('docType')}
                  data={Object.entries(DOC_TYPE_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => set({ docType: { ...doc.docType, value: (v ?? 'other') as TParsedDocument['docType']['value'] } })} /></div>
                <div data-key="number"><TextInput label="Số, ký hiệu" value={doc.number?.value ?? ''} placeholder="(để trống)" onFocus={() => focus('number')}
                  onChange={(e) => set({ number: e.currentTarget.value ? sp(e.currentTarget.value, doc.number ?? doc.numberRaw) : null })} /></div>
                <div data-key="date"><IsoDateInput label="Ngày ban hành" value={doc.date?.value ?? null} onFocus={() => focus('date')} onChange={(iso) => set({ date: iso ? sp(iso, doc.date ?? doc.dateRaw) : null })} /></div>
              </Group>
              <Group grow align="flex-start">{text('issuerParent', 'Cơ quan chủ quản')}{text('issuer', 'Cơ quan ban hành')}{text('place', 'Địa danh')}</Group>
              {text('title', 'Trích yếu', true)}
              {text('movementName', 'Tên phong trào')}
              <Group grow align="flex-start" data-key="period" onFocusCapture={() => focus('period')}>
                <TextInput label="Thời gian thực hiện" value={doc.period?.label.value ?? ''}
                  onChange={(e) => set({ period: { from: doc.period?.from ?? null, to: doc.period?.to ?? null, label: sp(e.currentTarget.value, doc.period?.label ?? null) } })} />
                <IsoDateInput label="Từ ngày" value={doc.period?.from ?? null} onChange={(iso) => set({ period: { from: iso, to: doc.period?.to ?? null, label: doc.period?.label ?? sp('', null) } })} />
                <IsoDateInput label="Đến ngày" value={doc.period?.to ?? null} onChange={(iso) => set({ period: { from: doc.period?.from ?? null, to: iso, label: doc.period?.label ?? sp('', null) } })} />
              </Group>
              <Divider />
              {list('legalBases', doc.legalBases, (b, i, update) => (
                <Textarea aria-label={`Căn cứ ${i + 1}`} value={b.value} autosize minRows={1} maxRows={4} onChange={(e) => update({ value: e.currentTarget.value })} />
              ), { value: '', span: NO_SPAN, kind: null, number: null, date: null }, 'Căn cứ')}
              <Divider />
              {list('awards', doc.awards, (a, i, update) => (
                <Group grow gap={4} align="flex-start">
                  <TextInput size="xs" label={i === 0 ? 'Hình thức' : undefined} aria-label={`Hình thức ${i + 1}`} value={a.form?.value ?? ''} placeholder="Khen thưởng" onChange={(e) => update({ form: e.currentTarget.value ? sp(e.currentTarget.value, a.form) : null })} />
                  <TextInput size="xs" label={i === 0 ? 'Cấp khen' : undefined} aria-label={`Cấp khen ${i + 1}`} value={a.authority?.value ?? ''} onChange={(e) => update({ authority: e.currentTarget.value ? sp(e.currentTarget.value, a.authority) : null })} />
                  <Select size="xs" label={i === 0 ? 'Đối tượng' : undefined} aria-label={`Đối tượng ${i + 1}`} allowDeselect={false} value={a.recipientKind}
                    data={Object.entries(RECIPIENT_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => update({ recipientKind: (v ?? 'ca_nhan') as 'ca_nhan' })} />
                  <TextInput size="xs" label={i === 0 ? 'Số lượng' : undefined} aria-label={`Số lượng ${i + 1}`} value={a.quota?.value ?? ''} onChange={(e) => update({ quota: e.currentTarget.value ? sp(e.currentTarget.value, a.quota) : null, quotaMax: /^\d+$/.test(e.currentTarget.value.trim()) ? Number(e.currentTarget.value.trim()) : a.quotaMax })} />
                </Group>
              ), { form: null, authority: null, recipientKind: 'ca_nhan', quota: null, quotaMax: null, span: NO_SPAN }, 'Hình thức khen thưởng')}
              <Divider />
              {list('deadlines', doc.deadlines, (x, i, update) => (
                <Group grow gap={4} align="flex-start">
                  <TextInput size="xs" label={i === 0 ? 'Việc' : undefined} aria-label={`Việc ${i + 1}`} value={x.what.value} onChange={(e) => update({ what: sp(e.currentTarget.value, x.what) })} />
                  <TextInput size="xs" label={i === 0 ? 'Thời hạn (nguyên văn)' : undefined} aria-label={`Thời hạn ${i + 1}`} value={x.when.value} onChange={(e) => update({ when: sp(e.currentTarget.value, x.when) })} />
                  <IsoDateInput label={i === 0 ? 'Ngày' : ''} value={x.date} onChange={(iso) => update({ date: iso })} />
                </Group>
              ), { what: sp('', null), when: sp('', null), date: null, recurring: false }, 'Thời hạn')}
              <Divider />
              {list('dossier', doc.dossier, (x, i, update) => (
                <TextInput size="xs" aria-label={`Hồ sơ ${i + 1}`} value={x.value} onChange={(e) => update({ value: e.currentTarget.value })} />
              ), sp('', null), 'Hồ sơ đề nghị khen thưởng')}
              <Divider />
              {list('contents', doc.contents, (x, i, update) => (
                <Textarea size="xs" aria-label={`Nội dung ${i + 1}`} value={x.value} autosize minRows={1} maxRows={5} onChange={(e) => update({ value: e.currentTarget.value })} />
              ), sp('', null), 'Nội dung thi đua')}
              <Divider />
              <Group grow align="flex-start" data-key="signer" onFocusCapture={() => focus('signer.name')}>
                <TextInput label="Chức vụ người ký" value={doc.signer?.title?.value ?? ''} onChange={(e) => set({ signer: { name: doc.signer?.name ?? null, title: e.currentTarget.value ? sp(e.currentTarget.value, doc.signer?.title ?? null) : null } })} />
                <TextInput label="Người ký" value={doc.signer?.name?.value ?? ''} onChange={(e) => set({ signer: { title: doc.signer?.title ?? null, name: e.currentTarget.value ? sp(e.currentTarget.value, doc.signer?.name ?? null) : null } })} />
              </Group>
              {doc.reporting.length ? <Group gap={4}><Text size="sm" c="dimmed">Kỳ báo cáo:</Text>{doc.reporting.map((r, i) => <Badge key={i} variant="light">{r.value}</Badge>)}</Group> : null}
              {doc.awardees.length ? <Text size="sm" c="dimmed">Danh sách được khen: {doc.awardees.length} người/tập thể.</Text> : null}
            </Stack>
          </ScrollArea>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
