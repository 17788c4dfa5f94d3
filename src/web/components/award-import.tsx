// Importing a Quyết định into the award history: each awardee of the parsed decision with the person
// records that may be them (radio). "Khớp" rows come chosen; uncertain rows are highlighted and need a
// choice; rows without a record (or collectives) are skipped. Nothing is written until "Ghi vào lịch sử".
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { TParsedDocument } from '../../importer/schema';
import { AWARD_MATCH_LABELS } from '../../shared/labels';
import { formatDateVi, formatMoneyVi, parseDateVi } from '../../shared/vn';
import { AWARD_CODE_OPTIONS, schoolYearOptions } from './award-history';
import { DateField, ErrorAlert, Loading } from './ui';

type TCandidate = { personId: string; fullName: string; birthDate: string | null; unitName: string | null; confidence: 'exact' | 'probable'; reasons: string[] };
type TMatchRow = {
  index: number; kind: string; name: string; unitText: string | null; birthText: string | null; formText: string | null; code: string; awardName: string;
  amount: number | null; thematic: boolean; confidence: 'exact' | 'probable' | 'none'; candidates: TCandidate[]; note: string | null;
};
type TMatch = { decision: { number: string | null; date: string | null; authority: string | null }; schoolYear: number | null; rows: TMatchRow[] };
type TChoice = { keep: boolean; personId: string | null; code: string; amount: number | string; thematic: boolean };
type TResult = { created: number; alreadyRecorded: number; awards: { id: string; personId: string | null; name: string }[] };

const CONFIDENCE_COLOR = { exact: 'green', probable: 'yellow', none: 'gray' } as const;

export function AwardImportModal({ doc, opened, onClose }: { doc: TParsedDocument; opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [match, setMatch] = useState<TMatch | null>(null);
  const [choices, setChoices] = useState<TChoice[]>([]);
  const [decision, setDecision] = useState({ number: '', date: '', authority: '', schoolYear: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TResult | null>(null);

  useEffect(() => {
    if (!opened) return;
    setMatch(null); setResult(null); setError(null);
    api.post<TMatch>('/awards/match', { parsed: doc }).then((m) => {
      setMatch(m);
      setDecision({ number: m.decision.number ?? '', date: formatDateVi(m.decision.date), authority: m.decision.authority ?? '', schoolYear: m.schoolYear === null ? '' : String(m.schoolYear) });
      setChoices(m.rows.map((r) => ({
        keep: r.candidates.length > 0,
        personId: r.confidence === 'exact' ? r.candidates[0].personId : null,
        code: r.code, amount: r.amount ?? '', thematic: r.thematic,
      })));
    }, setError);
  }, [opened, doc]);

  const set = (i: number, patch: Partial<TChoice>) => setChoices(choices.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const kept = choices.filter((c) => c.keep);
  const dateIso = decision.date.trim() ? parseDateVi(decision.date) : null;
  const problems: string[] = [];
  if (!decision.number.trim()) problems.push('Chưa có số quyết định');
  if (decision.date.trim() && !dateIso) problems.push('Ngày quyết định không hợp lệ');
  if (!decision.schoolYear) problems.push('Chưa chọn năm học');
  if (kept.length === 0) problems.push('Chưa chọn dòng nào để ghi');
  const unconfirmed = kept.filter((c) => !c.personId).length;
  if (unconfirmed) problems.push(`${unconfirmed} dòng chưa xác nhận người`);

  const save = async () => {
    if (!match) return;
    setBusy(true); setError(null);
    try {
      const rows = match.rows.flatMap((r, i) => {
        const c = choices[i];
        if (!c.keep || !c.personId) return [];
        return [{ personId: c.personId, code: c.code, name: c.code === r.code ? r.awardName : undefined, schoolYear: Number(decision.schoolYear), amount: c.amount === '' ? null : Number(c.amount), thematic: c.thematic }];
      });
      const res = await api.post<TResult>('/awards/import-decision', { decision: { number: decision.number.trim(), date: dateIso, authority: decision.authority.trim() || null }, rows });
      setResult(res);
      await qc.invalidateQueries({ queryKey: ['awards'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const nameOf = (personId: string | null) => match?.rows.flatMap((r) => r.candidates).find((c) => c.personId === personId)?.fullName ?? '';

  return (
    <Modal opened={opened} onClose={onClose} title="Nhập vào lịch sử khen thưởng" size="90rem" centered>
      <Stack gap="sm">
        {error ? <ErrorAlert error={error} /> : null}
        {!match && !error ? <Loading label="Đang đối chiếu với hồ sơ cán bộ…" /> : null}
        {result ? (
          <Alert color="green" title={`Đã ghi ${result.created} khen thưởng`}>
            {result.alreadyRecorded ? <Text size="sm">{result.alreadyRecorded} dòng đã có trong lịch sử từ trước, không ghi lại.</Text> : null}
            <Stack gap={2} mt="xs">
              {result.awards.map((a) => <Anchor key={a.id} component={Link} to={`/can-bo/${a.personId}`} size="sm">{nameOf(a.personId)}: {a.name}</Anchor>)}
            </Stack>
            <Group justify="flex-end" mt="sm"><Button variant="default" onClick={onClose}>Đóng</Button></Group>
          </Alert>
        ) : null}
        {match && !result ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput label="Số quyết định" required value={decision.number} onChange={(e) => setDecision({ ...decision, number: e.currentTarget.value })} />
              <DateField label="Ngày quyết định" value={decision.date} onChange={(v) => setDecision({ ...decision, date: v })} />
              <TextInput label="Cấp khen" value={decision.authority} onChange={(e) => setDecision({ ...decision, authority: e.currentTarget.value })} />
              <Select label="Năm học" required data={schoolYearOptions()} value={decision.schoolYear || null} onChange={(v) => setDecision({ ...decision, schoolYear: v ?? '' })} />
            </SimpleGrid>
            {match.rows.length === 0 ? <Alert color="yellow">Không đọc được danh sách người được khen trong văn bản này.</Alert> : (
              <Table.ScrollContainer minWidth={980}>
                <Table aria-label="Đối chiếu người được khen">
                  <Table.Thead>
                    <Table.Tr><Table.Th>Ghi</Table.Th><Table.Th>Người được khen (theo quyết định)</Table.Th><Table.Th>Hồ sơ cán bộ</Table.Th><Table.Th>Danh hiệu / hình thức</Table.Th><Table.Th>Số tiền</Table.Th><Table.Th>Chuyên đề</Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {match.rows.map((r, i) => {
                      const c = choices[i];
                      if (!c) return null;
                      const needsChoice = c.keep && !c.personId;
                      return (
                        <Table.Tr key={r.index} bg={needsChoice ? 'var(--mantine-color-yellow-light)' : undefined}>
                          <Table.Td><Checkbox aria-label={`Ghi dòng ${r.name}`} checked={c.keep} disabled={r.candidates.length === 0} onChange={(e) => set(i, { keep: e.currentTarget.checked })} /></Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={600}>{r.name}</Text>
                            {r.unitText ? <Text size="xs" c="dimmed">{r.unitText}</Text> : null}
                            {r.birthText ? <Text size="xs" c="dimmed">Sinh: {r.birthText}</Text> : null}
                            <Badge size="xs" mt={4} color={CONFIDENCE_COLOR[r.confidence]} variant="light">{AWARD_MATCH_LABELS[r.confidence]}</Badge>
                            {r.note ? <Text size="xs" c={r.confidence === 'none' ? 'dimmed' : 'yellow.8'}>{r.note}</Text> : null}
                          </Table.Td>
                          <Table.Td>
                            {r.candidates.length === 0 ? <Text size="sm" c="dimmed">Bỏ qua</Text> : (
                              <Radio.Group value={c.personId} onChange={(v) => set(i, { personId: v, keep: true })}>
                                <Stack gap={4}>
                                  {r.candidates.map((p) => (
                                    <Radio key={p.personId} value={p.personId} label={
                                      <span>
                                        <Anchor component={Link} to={`/can-bo/${p.personId}`} target="_blank" size="sm">{p.fullName}</Anchor>
                                        <Text span size="xs" c="dimmed"> — {p.unitName ?? ''}{p.birthDate ? `, sinh ${formatDateVi(p.birthDate)}` : ''}</Text>
                                        <Text size="xs" c="dimmed">{p.reasons.join('; ')}</Text>
                                      </span>
                                    } />
                                  ))}
                                </Stack>
                              </Radio.Group>
                            )}
                          </Table.Td>
                          <Table.Td style={{ minWidth: 220 }}>
                            <Select aria-label="Danh hiệu, hình thức" size="xs" data={AWARD_CODE_OPTIONS} value={c.code} allowDeselect={false} onChange={(v) => set(i, { code: v ?? c.code })} />
                            {r.formText ? <Text size="xs" c="dimmed">Văn bản ghi: {r.formText}</Text> : null}
                          </Table.Td>
                          <Table.Td style={{ minWidth: 140 }}>
                            <NumberInput aria-label="Số tiền" size="xs" min={0} thousandSeparator="." decimalSeparator="," value={c.amount} onChange={(v) => set(i, { amount: v })} />
                            {r.amount !== null ? <Text size="xs" c="dimmed">{formatMoneyVi(r.amount)}</Text> : null}
                          </Table.Td>
                          <Table.Td><Checkbox aria-label="Chuyên đề" checked={c.thematic} onChange={(e) => set(i, { thematic: e.currentTarget.checked })} /></Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group justify="space-between">
              <Text size="sm" c={problems.length ? 'yellow.8' : 'dimmed'}>{problems.length ? problems.join('; ') : `Sẽ ghi ${kept.length} khen thưởng vào lịch sử`}</Text>
              <Group>
                <Button variant="default" onClick={onClose}>Hủy</Button>
                <Button onClick={save} loading={busy} disabled={problems.length > 0}>Ghi vào lịch sử</Button>
              </Group>
            </Group>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
