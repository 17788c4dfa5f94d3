// Verdicts of the eligibility screens: the ✓/✗/? mark, the "chưa xác minh" badge, and one verdict with
// its reasons (rule, fact, citation). Used by /xet-khen-thuong and the person page.
import { Badge, Group, List, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';

export type TReason = { code: string; outcome: 'pass' | 'fail' | 'review'; message: string; citation: string; factRef: string | null; unverified: boolean };
export type TVerdict = {
  titleCode: string;
  titleName: string;
  status: 'eligible' | 'not_eligible' | 'needs_review';
  eligible: boolean;
  reasons: TReason[];
  ruleSetCode: string;
  ruleSetVersion: number;
  unverified: boolean;
  unverifiedNotes: string[];
};
export type TSuggestion = { titleCode: string; titleName: string; status: TVerdict['status']; message: string };
export type TPersonEligibility = { personId: string; fullName: string; unitId: string; unitName: string | null; position: string | null; verdicts: TVerdict[]; suggestions: TSuggestion[] };
export type TUnitEligibility = { unitId: string; unitName: string; unitKind: string; memberCount: number; verdicts: TVerdict[] };
export type TRuleSetUsed = { code: string; version: number; name: string; verified: boolean; citation: string; trail: string[] };

export const STATUS_LABELS: Record<TVerdict['status'], string> = { eligible: 'Đủ điều kiện', not_eligible: 'Chưa đủ điều kiện', needs_review: 'Cần xác nhận' };
const STATUS_COLOR: Record<TVerdict['status'], string> = { eligible: 'green', not_eligible: 'red', needs_review: 'yellow' };
const MARK: Record<TReason['outcome'] | TVerdict['status'], string> = { pass: '✓', fail: '✗', review: '?', eligible: '✓', not_eligible: '✗', needs_review: '?' };

export function UnverifiedBadge({ notes }: { notes?: string[] }) {
  const badge = <Badge color="orange" variant="light" size="xs">chưa xác minh</Badge>;
  return notes && notes.length ? <Tooltip multiline w={320} label={notes.join(' ')}>{badge}</Tooltip> : badge;
}

/** A compact cell: ✓ / ✗ / ? with the status in words for screen readers. */
export function VerdictMark({ verdict }: { verdict: TVerdict }) {
  const first = verdict.reasons.find((r) => r.outcome === 'fail') ?? verdict.reasons.find((r) => r.outcome === 'review');
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={first ? first.message : STATUS_LABELS[verdict.status]} multiline w={280}>
        <Text component="span" fw={700} c={STATUS_COLOR[verdict.status]} aria-label={`${verdict.titleName}: ${STATUS_LABELS[verdict.status]}`}>
          {MARK[verdict.status]}
        </Text>
      </Tooltip>
      {verdict.unverified ? <Text component="span" c="orange" size="xs" title="chưa xác minh">*</Text> : null}
    </Group>
  );
}

export function VerdictBlock({ verdict }: { verdict: TVerdict }) {
  return (
    <Stack gap={4} data-testid={`verdict-${verdict.titleCode}`}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{verdict.titleName}</Text>
        <Badge color={STATUS_COLOR[verdict.status]} variant="light">{STATUS_LABELS[verdict.status]}</Badge>
        {verdict.unverified ? <UnverifiedBadge notes={verdict.unverifiedNotes} /> : null}
      </Group>
      <List spacing={2} size="sm" listStyleType="none">
        {verdict.reasons.map((r, i) => (
          <List.Item
            key={`${r.code}-${i}`}
            icon={<ThemeIcon size={18} radius="xl" variant="light" color={r.outcome === 'pass' ? 'green' : r.outcome === 'fail' ? 'red' : 'yellow'}>{MARK[r.outcome]}</ThemeIcon>}
          >
            <Text size="sm" span>{r.message}</Text>{' '}
            <Text size="xs" c="dimmed" span>({r.citation}{r.unverified ? '; chưa xác minh' : ''})</Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">Bộ quy tắc {verdict.ruleSetCode}, phiên bản {verdict.ruleSetVersion}</Text>
    </Stack>
  );
}

export function RuleSetLine({ ruleSet, reviewDate }: { ruleSet: TRuleSetUsed; reviewDate: string }) {
  const [y, m, d] = reviewDate.split('-');
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">Ngày xét {`${d}/${m}/${y}`} — áp dụng: <b>{ruleSet.name}</b> (phiên bản {ruleSet.version})</Text>
      {!ruleSet.verified ? <UnverifiedBadge notes={['Bộ quy tắc này chưa được xác minh với văn bản gốc.']} /> : null}
    </Group>
  );
}
