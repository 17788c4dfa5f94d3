// Entry point: providers, the login gate and the lazily loaded pages.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Badge, Button, Center, MantineProvider, Stack, Text, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { StrictMode, Suspense, lazy, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError, errorMessage, setUnauthenticatedHandler } from './api/client';
import { ME_KEY, hasPermission, useMeQuery } from './auth';
import { AppLayout } from './components/app-layout';
import { Loading } from './components/ui';

const LoginPage = lazy(() => import('./routes/login'));
const ChangePasswordPage = lazy(() => import('./routes/change-password'));
const DashboardPage = lazy(() => import('./routes/dashboard'));
const UnitsPage = lazy(() => import('./routes/units'));
const UnitDetailPage = lazy(() => import('./routes/unit-detail'));
const ClustersPage = lazy(() => import('./routes/clusters'));
const PeoplePage = lazy(() => import('./routes/people'));
const PersonDetailPage = lazy(() => import('./routes/person-detail'));
const ImportsPage = lazy(() => import('./routes/imports'));
const PlansPage = lazy(() => import('./routes/plans'));
const PlanDetailPage = lazy(() => import('./routes/plans-detail'));
const DocumentsPage = lazy(() => import('./routes/documents'));
const DocumentDetailPage = lazy(() => import('./routes/documents-detail'));
const ReaderPage = lazy(() => import('./routes/reader'));
const UsersPage = lazy(() => import('./routes/users'));
const AuditPage = lazy(() => import('./routes/audit'));
const EligibilityPage = lazy(() => import('./routes/eligibility'));
const RuleSetsPage = lazy(() => import('./routes/rule-sets'));
const NominationsPage = lazy(() => import('./routes/de-nghi'));
const ReviewsPage = lazy(() => import('./routes/binh-xet'));
const ReviewDetailPage = lazy(() => import('./routes/binh-xet-detail'));
const AssessmentsPage = lazy(() => import('./routes/assessments'));
const AssessmentDetailPage = lazy(() => import('./routes/assessments-detail'));
const DossiersPage = lazy(() => import('./routes/ho-so-khen-thuong'));
const DossierDetailPage = lazy(() => import('./routes/ho-so-khen-thuong-detail'));
const PublicPage = lazy(() => import('./routes/cong-khai'));
const RegistrationsPage = lazy(() => import('./routes/dang-ky-thi-dua'));
const InitiativesPage = lazy(() => import('./routes/sang-kien'));
const OutreachPage = lazy(() => import('./routes/truyen-thong'));
const ExemplarsPage = lazy(() => import('./routes/dien-hinh'));
const PactsPage = lazy(() => import('./routes/giao-uoc'));
const ReportsPage = lazy(() => import('./routes/bao-cao'));
const ReportRollupPage = lazy(() => import('./routes/bao-cao-tong-hop'));
const ReportDetailPage = lazy(() => import('./routes/bao-cao-detail'));
const ReportFormPage = lazy(() => import('./routes/bao-cao-mau'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  // Vietnamese labels read badly in capitals (and get cut short); badges keep their case.
  components: { Badge: Badge.extend({ defaultProps: { tt: 'none' } }) },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 20_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

function App() {
  const qc = useQueryClient();
  const me = useMeQuery();
  const location = useLocation();
  useEffect(() => setUnauthenticatedHandler(() => qc.setQueryData(ME_KEY, null)), [qc]);

  // The public page needs no login.
  if (location.pathname === '/cong-khai') return <Suspense fallback={<Loading />}><PublicPage /></Suspense>;
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Text>{errorMessage(me.error)}</Text>
          <Button onClick={() => me.refetch()}>Thử lại</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) return <Suspense fallback={<Loading />}><LoginPage /></Suspense>;
  if (me.data.mustChangePassword) return <Suspense fallback={<Loading />}><ChangePasswordPage forced /></Suspense>;
  const can = (p: string) => hasPermission(me.data, p);

  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/don-vi" element={<UnitsPage />} />
          <Route path="/don-vi/:id" element={<UnitDetailPage />} />
          <Route path="/cum-khoi" element={<ClustersPage />} />
          <Route path="/can-bo" element={<PeoplePage />} />
          <Route path="/can-bo/:id" element={<PersonDetailPage />} />
          <Route path="/nhap-du-lieu" element={<ImportsPage />} />
          <Route path="/ke-hoach" element={can('plan.read') ? <PlansPage /> : <Navigate to="/" replace />} />
          <Route path="/ke-hoach/:id" element={can('plan.read') ? <PlanDetailPage /> : <Navigate to="/" replace />} />
          <Route path="/van-ban" element={can('document.read') ? <DocumentsPage /> : <Navigate to="/" replace />} />
          <Route path="/van-ban/:id" element={can('document.read') ? <DocumentDetailPage /> : <Navigate to="/" replace />} />
          <Route path="/doc-van-ban" element={can('plan.read') || can('document.read') ? <ReaderPage /> : <Navigate to="/" replace />} />
          <Route path="/tai-khoan" element={can('user.manage') ? <UsersPage /> : <Navigate to="/" replace />} />
          <Route path="/nhat-ky" element={can('audit.read') ? <AuditPage /> : <Navigate to="/" replace />} />
          <Route path="/xet-khen-thuong" element={can('commendation.read') ? <EligibilityPage /> : <Navigate to="/" replace />} />
          <Route path="/de-nghi" element={can('commendation.read') || me.data.personId ? <NominationsPage /> : <Navigate to="/" replace />} />
          <Route path="/binh-xet" element={can('commendation.read') || can('review.vote') ? <ReviewsPage /> : <Navigate to="/" replace />} />
          <Route path="/binh-xet/:id" element={can('commendation.read') || can('review.vote') ? <ReviewDetailPage /> : <Navigate to="/" replace />} />
          <Route path="/ho-so-khen-thuong" element={<DossiersPage />} />
          <Route path="/ho-so-khen-thuong/:id" element={can('commendation.read') ? <DossierDetailPage /> : <Navigate to="/ho-so-khen-thuong" replace />} />
          <Route path="/quy-dinh" element={can('commendation.read') || can('rules.manage') ? <RuleSetsPage /> : <Navigate to="/" replace />} />
          <Route path="/quy-dinh/:code" element={can('commendation.read') || can('rules.manage') ? <RuleSetsPage /> : <Navigate to="/" replace />} />
          <Route path="/danh-gia" element={can('assessment.read') ? <AssessmentsPage /> : <Navigate to="/" replace />} />
          <Route path="/danh-gia/:id" element={can('assessment.read') ? <AssessmentDetailPage /> : <Navigate to="/" replace />} />
          <Route path="/dang-ky-thi-dua" element={can('report.read') || me.data.personId ? <RegistrationsPage /> : <Navigate to="/" replace />} />
          <Route path="/sang-kien" element={can('report.read') || me.data.personId ? <InitiativesPage /> : <Navigate to="/" replace />} />
          <Route path="/truyen-thong" element={can('report.read') ? <OutreachPage /> : <Navigate to="/" replace />} />
          <Route path="/dien-hinh" element={can('report.read') ? <ExemplarsPage /> : <Navigate to="/" replace />} />
          <Route path="/giao-uoc" element={can('report.read') ? <PactsPage /> : <Navigate to="/" replace />} />
          <Route path="/bao-cao" element={can('report.read') || can('report.write') ? <ReportsPage /> : <Navigate to="/" replace />} />
          <Route path="/bao-cao/tong-hop" element={can('report.read') ? <ReportRollupPage /> : <Navigate to="/" replace />} />
          <Route path="/bao-cao/mau/:id" element={can('report.write') ? <ReportFormPage /> : <Navigate to="/" replace />} />
          <Route path="/bao-cao/:id" element={can('report.read') || can('report.write') ? <ReportDetailPage /> : <Navigate to="/" replace />} />
          <Route path="/doi-mat-khau" element={<ChangePasswordPage />} />
          <Route path="/dang-nhap" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
