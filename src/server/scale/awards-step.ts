// Generator step: ten school years of award history (table `awards`, migration 0005) at plausible rates,
// consistent with the generated ratings so that eligibility has real facts to read. The rules (who gets
// what, decision numbers per issuer and year, amounts from computePayout) live in award-history.ts, shared
// with the demo province; this step feeds it the province model and writes through the bulk writer.
import type { TTableSpec } from './bulk';
import type { TScaleStep } from './generate';
import { createAwardHistory } from './award-history';

export const AWARDS_TABLE: TTableSpec = {
  table: 'awards',
  columns: [['id', 'text'], ['province_code', 'text'], ['person_id', 'text'], ['unit_id', 'text'], ['recipient_kind', 'text'], ['code', 'text'], ['name', 'text'],
    ['school_year', 'int'], ['decision_number', 'text'], ['decision_date', 'text'], ['authority', 'text'], ['amount', 'int'], ['thematic', 'int'], ['source', 'text'],
    ['dedupe_key', 'text'], ['voided_at', 'text'], ['voided_by', 'text'], ['void_reason', 'text'], ['created_by', 'text'], ['created_at', 'text']],
};

const AWARDS_TAG = '0010';

export const awardsStep: TScaleStep = {
  name: 'awards',
  async perProvince(ctx, m) {
    const P = m.code;
    const history = createAwardHistory({
      rnd: m.random('awards'), firstYear: ctx.currentYear - 10, years: 10, ubndTinh: m.ubndTinh, so: m.so, communes: m.communes, schools: m.schools,
      emit: (a) => ctx.write(AWARDS_TABLE, [
        ctx.id(AWARDS_TAG, P), P, a.personId, a.unitId, a.recipientKind, a.code, a.name, a.schoolYear, a.decisionNumber, a.decisionDate, a.authority,
        a.amount, a.thematic ? 1 : 0, 'manual', a.dedupeKey, null, null, null, null, ctx.now,
      ]),
    });
    for (const p of m.people) {
      await history.person(p);
      ctx.tick(m.plan.name);
    }
    await history.collectives(() => ctx.tick(m.plan.name));
  },
};
