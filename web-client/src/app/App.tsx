import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import type { Account, Role } from "../api/client";
import { useMe } from "../features/auth/api";
import { SignInPage } from "../features/auth/SignInPage";
import { SignUpPage } from "../features/auth/SignUpPage";
import { TwoStepPage } from "../features/auth/TwoStepPage";
import { AdminLayout } from "../features/admin/AdminLayout";
import { DisputeQueuePage } from "../features/admin/DisputeQueuePage";
import { MyBidsPage } from "../features/bids/MyBidsPage";
import { NotificationSettingsPage } from "../features/mail/NotificationSettingsPage";
import { ContractsPage } from "../features/contracts/ContractsPage";
import { PaymentRecordsPage, TaxDetailsPage } from "../features/invoices/PaymentRecordsPage";
import { TermsPage } from "../features/contracts/TermsPage";
import { DisputePage } from "../features/disputes/DisputePage";
import { JobsPage } from "../features/jobs/JobsPage";
import { SavedSearchesPage } from "../features/jobs/SavedSearchesPage";
import { StatementPage } from "../features/money/StatementPage";
import { NotificationsPage } from "../features/notifications/NotificationsPage";
import { PayoutsPage } from "../features/payouts/PayoutsPage";
import { InvitationsPage } from "../features/producers/InvitationsPage";
import { PipelinePage } from "../features/producers/PipelinePage";
import { ProducerLinksPage } from "../features/producers/ProducerLinksPage";
import { TokensPage } from "../features/tokens/TokensPage";
import { ProfilePage } from "../features/workers/ProfilePage";
import { WorkerPage } from "../features/workers/WorkerPage";
import { Pending } from "../ui/Pending";
import { Problem } from "../ui/Problem";
import { AdminDisputePage, ContractWithThreadPage, HomePage, JobPage, PostJobPage } from "./pages";
import { createQueryClient } from "./queryClient";
import { Shell } from "./Shell";

/** Signed-in pages: without a session, sign in first and come back; the wrong role gets a plain refusal. */
function RequireAccount({ roles, children }: { roles?: Role[]; children: (account: Account) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Pending />;
  if (me.isError) return <Problem error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !roles.includes(me.data.role))
    return (
      <section>
        <h1>{t("errors.wrongRoleTitle")}</h1>
        <p>{t("errors.wrongRole")}</p>
      </section>
    );
  return <>{children(me.data)}</>;
}

/** A page visitors may read too: it gets the account when someone is signed in, else null. */
function MaybeAccount({ children }: { children: (account: Account | null) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Pending />;
  return <>{children(me.data ?? null)}</>;
}

function Home() {
  const me = useMe();
  if (me.isPending) return <Pending />;
  return <HomePage account={me.data ?? null} />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("errors.pageNotFoundTitle")}</h1>
      <p>{t("errors.notFound")}</p>
    </section>
  );
}

export function AppRoutes() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="/jobs" element={<MaybeAccount>{(a) => <JobsPage account={a} />}</MaybeAccount>} />
        <Route path="/my-jobs" element={<RequireAccount>{() => <JobsPage mine />}</RequireAccount>} />
        <Route path="/jobs/new" element={<RequireAccount roles={["business", "producer"]}>{(a) => <PostJobPage account={a} />}</RequireAccount>} />
        <Route path="/jobs/:id" element={<MaybeAccount>{(a) => <JobPage account={a} />}</MaybeAccount>} />
        <Route path="/saved-searches" element={<RequireAccount roles={["worker"]}>{() => <SavedSearchesPage />}</RequireAccount>} />
        <Route path="/bids" element={<RequireAccount roles={["worker"]}>{() => <MyBidsPage />}</RequireAccount>} />
        <Route path="/invitations" element={<RequireAccount roles={["worker"]}>{() => <InvitationsPage />}</RequireAccount>} />
        <Route path="/contracts" element={<RequireAccount>{() => <ContractsPage />}</RequireAccount>} />
        <Route path="/contracts/:id" element={<RequireAccount>{(a) => <ContractWithThreadPage account={a} />}</RequireAccount>} />
        <Route path="/settings/notifications" element={<RequireAccount>{(a) => <NotificationSettingsPage account={a} />}</RequireAccount>} />
        <Route path="/contracts/:id/terms" element={<RequireAccount>{() => <TermsPage />}</RequireAccount>} />
        <Route path="/disputes/:id" element={<RequireAccount roles={["business", "worker", "producer"]}>{() => <DisputePage />}</RequireAccount>} />
        <Route path="/admin" element={<Navigate to="/admin/disputes" replace />} />
        <Route
          path="/admin/disputes"
          element={<RequireAccount roles={["administrator"]}>{() => <AdminLayout><DisputeQueuePage /></AdminLayout>}</RequireAccount>}
        />
        <Route path="/admin/disputes/:id" element={<RequireAccount roles={["administrator"]}>{() => <AdminDisputePage />}</RequireAccount>} />
        <Route path="/profile" element={<RequireAccount roles={["worker"]}>{(a) => <ProfilePage account={a} />}</RequireAccount>} />
        <Route path="/workers/:id" element={<RequireAccount>{() => <WorkerPage />}</RequireAccount>} />
        <Route path="/producers" element={<RequireAccount roles={["business", "producer"]}>{(a) => <ProducerLinksPage account={a} />}</RequireAccount>} />
        <Route path="/pipeline" element={<RequireAccount roles={["producer"]}>{() => <PipelinePage />}</RequireAccount>} />
        <Route path="/statement" element={<RequireAccount roles={["worker", "business", "producer"]}>{() => <StatementPage />}</RequireAccount>} />
        <Route path="/payouts" element={<RequireAccount roles={["worker"]}>{() => <PayoutsPage />}</RequireAccount>} />
        <Route path="/payment-records" element={<RequireAccount roles={["worker", "business"]}>{() => <PaymentRecordsPage />}</RequireAccount>} />
        <Route path="/tax-details" element={<RequireAccount roles={["producer"]}>{() => <TaxDetailsPage />}</RequireAccount>} />
        <Route path="/notifications" element={<RequireAccount>{() => <NotificationsPage />}</RequireAccount>} />
        <Route path="/tokens" element={<RequireAccount>{() => <TokensPage />}</RequireAccount>} />
        <Route path="/two-step" element={<RequireAccount>{(a) => <TwoStepPage account={a} />}</RequireAccount>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Shell>
  );
}

export function App({ client = createQueryClient() }: { client?: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
