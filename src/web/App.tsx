import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoading } from './components/PageLoading';
import { RouteFocus, SkipLink } from './components/RouteFocus';
import { RequireRole } from './session/guards';
import { SessionFlows } from './session/SessionFlows';

// Every page is its own chunk: the portal and the login page never load a role's app.
const PortalHome = lazy(() => import('./pages/public/PortalHome'));
const RegisterPage = lazy(() => import('./pages/public/RegisterPage'));
const PublicationsPage = lazy(() => import('./pages/public/PublicationsPage'));
const PublicationPage = lazy(() => import('./pages/public/PublicationPage'));
const CheckinPage = lazy(() => import('./pages/public/CheckinPage'));
const PublicityPage = lazy(() => import('./pages/public/PublicityPage'));
const ExcellentListPage = lazy(() => import('./pages/public/ExcellentPages'));
const ExcellentDetailPage = lazy(() => import('./pages/public/ExcellentPages').then((m) => ({ default: m.ExcellentDetailPage })));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage'));
const SecondFactorPage = lazy(() => import('./pages/auth/SecondFactorPage'));
const ApplicantApp = lazy(() => import('./pages/applicant/ApplicantApp'));
const RecommenderApp = lazy(() => import('./pages/recommender/RecommenderApp'));
const CommissionApp = lazy(() => import('./pages/commission/CommissionApp'));
const ExpertApp = lazy(() => import('./pages/expert/ExpertApp'));
const TrainingApp = lazy(() => import('./pages/training/TrainingApp'));
const ForbiddenPage = lazy(() => import('./pages/errors/ForbiddenPage'));
const NotFoundPage = lazy(() => import('./pages/errors/NotFoundPage'));

export function App() {
  return (
    <>
      <SkipLink />
      <RouteFocus />
      <SessionFlows />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<PortalHome />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/publications" element={<PublicationsPage />} />
          <Route path="/publications/:id" element={<PublicationPage />} />
          <Route path="/checkin/:code" element={<CheckinPage />} />
          <Route path="/publicity/:id" element={<PublicityPage />} />
          <Route path="/excellent" element={<ExcellentListPage />} />
          <Route path="/excellent/:id" element={<ExcellentDetailPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/change-password" element={<ChangePasswordPage />} />
          <Route path="/second-factor" element={<SecondFactorPage />} />
          <Route
            path="/applicant/*"
            element={
              <RequireRole role="applicant">
                <ApplicantApp />
              </RequireRole>
            }
          />
          <Route
            path="/recommender/*"
            element={
              <RequireRole role="recommender">
                <RecommenderApp />
              </RequireRole>
            }
          />
          <Route
            path="/commission/*"
            element={
              <RequireRole role="commission">
                <CommissionApp />
              </RequireRole>
            }
          />
          <Route
            path="/expert/*"
            element={
              <RequireRole role="expert">
                <ExpertApp />
              </RequireRole>
            }
          />
          <Route
            path="/training/*"
            element={
              <RequireRole role="training_provider">
                <TrainingApp />
              </RequireRole>
            }
          />
          <Route path="/403" element={<ForbiddenPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
