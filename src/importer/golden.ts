// Projection of a parse result onto the fields a person checks by reading the document: used by the golden
// tests (test/fixtures/importer/**/golden.json) and to measure accuracy (fields right / fields checked).

import type { TParsedDocument } from './schema';

export type TGoldenFields = {
  docType: string;
  number: string | null;
  numberRaw: string | null;
  date: string | null;
  place: string | null;
  issuer: string | null;
  issuerParent: string | null;
  title: string | null;
  movementName: string | null;
  period: [string, string | null, string | null] | null;
  legalBases: [string | null, string | null, string | null][];
  targetsCollective: string[];
  targetsIndividual: string[];
  awards: [string | null, string | null, string, string | null][];
  dossier: string[];
  deadlines: [string, string, string | null, boolean][];
  reporting: string[];
  recipients: string[];
  signer: [string | null, string | null] | null;
  awardees: [string, string | null, string | null, number | null, string][];
  contentsCount: number;
};

/** The checked fields of a parse result, in a form that is easy to write by hand as JSON. */
export function goldenFields(r: TParsedDocument): TGoldenFields {
  return {
    docType: r.docType.value,
    number: r.number?.value ?? null,
    numberRaw: r.numberRaw?.value ?? null,
    date: r.date?.value ?? null,
    place: r.place?.value ?? null,
    issuer: r.issuer?.value ?? null,
    issuerParent: r.issuerParent?.value ?? null,
    title: r.title?.value ?? null,
    movementName: r.movementName?.value ?? null,
    period: r.period ? [r.period.label.value, r.period.from, r.period.to] : null,
    legalBases: r.legalBases.map((b) => [b.kind, b.number, b.date]),
    targetsCollective: r.targets.collective.map((t) => t.value),
    targetsIndividual: r.targets.individual.map((t) => t.value),
    awards: r.awards.map((a) => [a.form?.value ?? null, a.authority?.value ?? null, a.recipientKind, a.quota?.value ?? null]),
    dossier: r.dossier.map((d) => d.value),
    deadlines: r.deadlines.map((d) => [d.what.value, d.when.value, d.date, d.recurring]),
    reporting: r.reporting.map((x) => x.value),
    recipients: r.recipients.map((x) => x.value),
    signer: r.signer ? [r.signer.title?.value ?? null, r.signer.name?.value ?? null] : null,
    awardees: r.awardees.map((a) => [a.name.value, a.unit?.value ?? null, a.title?.value ?? null, a.amount?.value ?? null, a.kind]),
    contentsCount: r.contents.length,
  };
}

export type TAccuracy = { right: number; checked: number; misses: { file: string; field: string; expected: unknown; actual: unknown }[] };

/** Compare field by field; a field is right when it equals the golden value exactly (lists: the whole list). */
export function compareGolden(file: string, expected: Partial<TGoldenFields>, actual: TGoldenFields, acc: TAccuracy): void {
  for (const [field, value] of Object.entries(expected)) {
    acc.checked++;
    const got = (actual as Record<string, unknown>)[field];
    if (JSON.stringify(got) === JSON.stringify(value)) acc.right++;
    else acc.misses.push({ file, field, expected: value, actual: got });
  }
}
