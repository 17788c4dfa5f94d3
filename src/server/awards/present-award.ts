import { AWARD_CODE_LABELS } from '../../shared/labels';
import { schoolYearLabel } from '../../shared/vn';
import type { TAwardRowWithUnit } from './awards.repository';
import type { TAward } from './awards.schemas';

export function presentAward(a: TAwardRowWithUnit): TAward {
  return {
    id: a.id, personId: a.person_id, unitId: a.unit_id, unitName: a.unit_name ?? null, recipientKind: a.recipient_kind,
    code: a.code, codeLabel: AWARD_CODE_LABELS[a.code as keyof typeof AWARD_CODE_LABELS] ?? a.code, name: a.name,
    schoolYear: a.school_year, schoolYearLabel: schoolYearLabel(a.school_year),
    decisionNumber: a.decision_number, decisionDate: a.decision_date, authority: a.authority,
    amount: a.amount === null ? null : Number(a.amount), thematic: !!a.thematic, source: a.source,
    voided: !!a.voided_at, voidReason: a.void_reason, createdAt: a.created_at,
  };
}
