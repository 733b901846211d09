import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import type { Account, Role } from "../api/client";
import { useMe } from "../features/auth/api";
import { Pending } from "../ui/Pending";
import { Problem } from "../ui/Problem";
import { createQueryClient } from "./queryClient";
import { lazyPage } from "./lazyPage";
// The job board is where most visits start (the home-screen icon, the link a town's site gives), so it comes with the
// shell rather than as a chunk of its own: as a chunk, it and six shared pieces under 1 KB each were asked for only
// after the shell had run, one more round trip (and more requests than slow 4G's six connections) before the first job.
import { JobsPage } from "../features/jobs/JobsPage";
import { Shell } from "./Shell";

// Each page is its own chunk, loaded with its route (issue 13, "Measured, not promised").
const SignInPage = lazyPage(() => import("../features/auth/SignInPage"), "SignInPage");
const SignUpPage = lazyPage(() => import("../features/auth/SignUpPage"), "SignUpPage");
const TwoStepPage = lazyPage(() => import("../features/auth/TwoStepPage"), "TwoStepPage");
const AdminLayout = lazyPage(() => import("./AdminLayout"), "AdminLayout");
const DisputeQueuePage = lazyPage(() => import("../features/disputes/DisputeQueuePage"), "DisputeQueuePage");
const AuditPage = lazyPage(() => import("../features/admin/AuditPage"), "AuditPage");
const DuePayoutsPage = lazyPage(() => import("../features/payouts/DuePayoutsPage"), "DuePayoutsPage");
const PayoutBatchesPage = lazyPage(() => import("../features/payouts/PayoutBatchesPage"), "PayoutBatchesPage");
const PayoutBatchPage = lazyPage(() => import("../features/payouts/PayoutBatchPage"), "PayoutBatchPage");
const TransfersPage = lazyPage(() => import("../features/money/TransfersPage"), "TransfersPage");
const UsersPage = lazyPage(() => import("../features/admin/UsersPage"), "UsersPage");
const MyBidsPage = lazyPage(() => import("../features/bids/MyBidsPage"), "MyBidsPage");
const NotificationSettingsPage = lazyPage(() => import("../features/mail/NotificationSettingsPage"), "NotificationSettingsPage");
const ContractsPage = lazyPage(() => import("../features/contracts/ContractsPage"), "ContractsPage");
const PaymentRecordsPage = lazyPage(() => import("../features/invoices/PaymentRecordsPage"), "PaymentRecordsPage");
const ProducerProfilePage = lazyPage(() => import("../features/invoices/ProducerProfilePage"), "ProducerProfilePage");
const DocumentPage = lazyPage(() => import("../features/invoices/DocumentPage"), "DocumentPage");
const TermsPage = lazyPage(() => import("../features/contracts/TermsPage"), "TermsPage");
const DisputePage = lazyPage(() => import("../features/disputes/DisputePage"), "DisputePage");
const AdminDisputePage = lazyPage(() => import("../features/disputes/AdminDisputePage"), "AdminDisputePage");
const SavedSearchesPage = lazyPage(() => import("../features/jobs/SavedSearchesPage"), "SavedSearchesPage");
const BusinessProfilePage = lazyPage(() => import("../features/money/BusinessProfilePage"), "BusinessProfilePage");
const StatementPage = lazyPage(() => import("../features/money/StatementPage"), "StatementPage");
const NotificationsPage = lazyPage(() => import("../features/notifications/NotificationsPage"), "NotificationsPage");
const PayoutsPage = lazyPage(() => import("../features/payouts/PayoutsPage"), "PayoutsPage");
const InvitationsPage = lazyPage(() => import("../features/producers/InvitationsPage"), "InvitationsPage");
const PipelinePage = lazyPage(() => import("../features/producers/PipelinePage"), "PipelinePage");
const ProducerLinksPage = lazyPage(() => import("../features/producers/ProducerLinksPage"), "ProducerLinksPage");
const TokensPage = lazyPage(() => import("../features/tokens/TokensPage"), "TokensPage");
const ProfilePage = lazyPage(() => import("../features/workers/ProfilePage"), "ProfilePage");
const WorkerPage = lazyPage(() => import("../features/workers/WorkerPage"), "WorkerPage");
const WorkerSearchPage = lazyPage(() => import("../features/workers/WorkerSearchPage"), "WorkerSearchPage");
const ContractWithThreadPage = lazyPage(() => import("./ContractWithThreadPage"), "ContractWithThreadPage");
const HomePage = lazyPage(() => import("./HomePage"), "HomePage");
const JobPage = lazyPage(() => import("./JobPage"), "JobPage");
const PostJobPage = lazyPage(() => import("./PostJobPage"), "PostJobPage");

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

/** A page of the administrators' area: administrators only, inside its menu. */
function AdminPage({ children }: { children: (account: Account) => ReactNode }) {
  return <RequireAccount roles={["administrator"]}>{(a) => <AdminLayout>{children(a)}</AdminLayout>}</RequireAccount>;
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
      <Suspense fallback={<Pending />}>
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
        <Route path="/contracts/:id/documents/:documentId" element={<RequireAccount>{() => <DocumentPage />}</RequireAccount>} />
        <Route path="/disputes/:id" element={<RequireAccount roles={["business", "worker", "producer"]}>{() => <DisputePage />}</RequireAccount>} />
        <Route path="/admin" element={<Navigate to="/admin/transfers" replace />} />
        <Route path="/admin/transfers" element={<AdminPage>{() => <TransfersPage />}</AdminPage>} />
        <Route path="/admin/users" element={<AdminPage>{(a) => <UsersPage me={a.id} />}</AdminPage>} />
        <Route path="/admin/payout-batches" element={<AdminPage>{() => <PayoutBatchesPage />}</AdminPage>} />
        <Route path="/admin/payout-batches/:id" element={<AdminPage>{() => <PayoutBatchPage />}</AdminPage>} />
        <Route path="/admin/payouts-due" element={<AdminPage>{() => <DuePayoutsPage />}</AdminPage>} />
        <Route path="/admin/audit" element={<AdminPage>{() => <AuditPage />}</AdminPage>} />
        <Route path="/admin/disputes" element={<AdminPage>{() => <DisputeQueuePage />}</AdminPage>} />
        <Route path="/admin/disputes/:id" element={<AdminPage>{() => <AdminDisputePage />}</AdminPage>} />
        <Route path="/profile" element={<RequireAccount roles={["worker"]}>{(a) => <ProfilePage account={a} />}</RequireAccount>} />
        <Route path="/workers" element={<RequireAccount roles={["business", "producer"]}>{() => <WorkerSearchPage />}</RequireAccount>} />
        <Route path="/workers/:id" element={<RequireAccount>{() => <WorkerPage />}</RequireAccount>} />
        <Route path="/producers" element={<RequireAccount roles={["business", "producer"]}>{(a) => <ProducerLinksPage account={a} />}</RequireAccount>} />
        <Route path="/pipeline" element={<RequireAccount roles={["producer"]}>{() => <PipelinePage />}</RequireAccount>} />
        <Route path="/business-profile" element={<RequireAccount roles={["business"]}>{() => <BusinessProfilePage />}</RequireAccount>} />
        <Route path="/statement" element={<RequireAccount roles={["worker", "business", "producer"]}>{() => <StatementPage />}</RequireAccount>} />
        <Route path="/payouts" element={<RequireAccount roles={["worker"]}>{() => <PayoutsPage />}</RequireAccount>} />
        <Route path="/payment-records" element={<RequireAccount roles={["worker", "business"]}>{() => <PaymentRecordsPage />}</RequireAccount>} />
        <Route path="/tax-details" element={<RequireAccount roles={["producer"]}>{() => <ProducerProfilePage />}</RequireAccount>} />
        <Route path="/notifications" element={<RequireAccount>{() => <NotificationsPage />}</RequireAccount>} />
        <Route path="/tokens" element={<RequireAccount>{() => <TokensPage />}</RequireAccount>} />
        <Route path="/two-step" element={<RequireAccount>{(a) => <TwoStepPage account={a} />}</RequireAccount>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
      </Suspense>
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
