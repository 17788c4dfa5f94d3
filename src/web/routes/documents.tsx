// Văn bản: the documents list, the sổ văn bản đi, the NĐ 30 format checker and Giấy khen printing,
// one tab each (the tab is kept in the address: /van-ban?tab=so-van-ban).
import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../components/ui';
import { DocumentList } from '../components/doc-list';
import { DocumentRegister } from '../components/doc-register';
import { FormatCheck } from '../components/doc-format-check';
import { CertificatesPanel } from '../components/doc-certificates';

const TABS = [
  { value: 'danh-sach', label: 'Văn bản' },
  { value: 'so-van-ban', label: 'Sổ văn bản đi' },
  { value: 'kiem-tra', label: 'Kiểm tra thể thức' },
  { value: 'giay-khen', label: 'Giấy khen' },
] as const;

export default function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((t) => t.value === params.get('tab')) ? params.get('tab')! : 'danh-sach';
  return (
    <>
      <PageTitle>Văn bản</PageTitle>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'danh-sach' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.label}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="danh-sach"><DocumentList /></Tabs.Panel>
        <Tabs.Panel value="so-van-ban"><DocumentRegister /></Tabs.Panel>
        <Tabs.Panel value="kiem-tra"><FormatCheck /></Tabs.Panel>
        <Tabs.Panel value="giay-khen"><CertificatesPanel /></Tabs.Panel>
      </Tabs>
    </>
  );
}
