// "Điều kiện khen thưởng" on the person page: this person's verdicts for a school year, with reasons,
// suggestions and the rule set used (GET /eligibility/person/{id}; the person may read their own).
import { Card, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../api/client';
import { schoolYearLabel, schoolYearOf } from '../../shared/vn';
import { RuleSetLine, VerdictBlock, type TPersonEligibility, type TRuleSetUsed } from './eligibility-parts';
import { ErrorAlert, Loading } from './ui';

function thisSchoolYear(): number {
  const d = new Date();
  return schoolYearOf(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`);
}

export function PersonEligibility({ personId }: { personId: string }) {
  const now = thisSchoolYear();
  const years = [now, now - 1, now - 2, now - 3].map((v) => ({ value: String(v), label: `Năm học ${schoolYearLabel(v)}` }));
  const [year, setYear] = useState(String(now - 1));
  const q = useQuery({
    queryKey: ['eligibility', 'person', personId, year],
    queryFn: () => api.get<{ reviewDate: string; ruleSet: TRuleSetUsed; person: TPersonEligibility }>(`/eligibility/person/${personId}${toQuery({ schoolYear: year })}`),
  });
  return (
    <Stack gap="sm">
      <Select label="Năm học" data={years} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} w={220} />
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loading /> : null}
      {q.data ? (
        <>
          <RuleSetLine ruleSet={q.data.ruleSet} reviewDate={q.data.reviewDate} />
          {q.data.person.suggestions.length ? (
            <Card withBorder padding="sm" bg="blue.0">
              <Text fw={600} size="sm" mb={4}>Đề xuất</Text>
              {q.data.person.suggestions.map((s) => <Text key={s.titleCode} size="sm">• {s.message}</Text>)}
            </Card>
          ) : null}
          {q.data.person.verdicts.map((v) => <Card key={v.titleCode} withBorder padding="sm"><VerdictBlock verdict={v} /></Card>)}
        </>
      ) : null}
    </Stack>
  );
}
