import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { Pending } from "../ui/Pending";
import { AdminArea } from "./AdminArea";
import { createQueryClient } from "./queryClient";
import { lazyPage } from "./lazyPage";
import { MaybeAccount } from "./MaybeAccount";
import { NotFoundPage } from "./NotFoundPage";
import { OfficeArea } from "./OfficeArea";
import { RequireAccount } from "./RequireAccount";
import type { TeamPageName } from "./TeamPages";
// The job board is where most visits start (the home-screen icon, the link a town's site gives), so it comes with the
// shell rather than as a chunk of its own: as a chunk, it and six shared pieces under 1 KB each were asked for only
// after the shell had run, one more round trip (and more requests than slow 4G's six connections) before the first job.
import { JobsPage } from "../features/jobs/JobsPage";
import { Shell } from "./Shell";

// Each page is its own chunk, loaded with its route (issue 13, "Measured, not promised").
const AuditPage = lazyPage(() => import("../features/admin/AuditPage"), "AuditPage");
const UsersPage = lazyPage(() => import("../features/admin/UsersPage"), "UsersPage");
const SignInPage = lazyPage(() => import("../features/auth/SignInPage"), "SignInPage");
const ConfirmEmailPage = lazyPage(() => import("../features/auth/ConfirmEmailPage"), "ConfirmEmailPage");
const EmailSettingsPage = lazyPage(() => import("../features/auth/EmailSettingsPage"), "EmailSettingsPage");
const PasswordSettingsPage = lazyPage(() => import("../features/auth/PasswordSettingsPage"), "PasswordSettingsPage");
const ForgotPasswordPage = lazyPage(() => import("../features/auth/ForgotPasswordPage"), "ForgotPasswordPage");
const OfficeInvitationWithTermsPage = lazyPage(() => import("./OfficeInvitationWithTermsPage"), "OfficeInvitationWithTermsPage");
const ResetPasswordPage = lazyPage(() => import("../features/auth/ResetPasswordPage"), "ResetPasswordPage");
const TwoStepPage = lazyPage(() => import("../features/auth/TwoStepPage"), "TwoStepPage");
const MyBidsPage = lazyPage(() => import("../features/bids/MyBidsPage"), "MyBidsPage");
const AcceptTermsPage = lazyPage(() => import("../features/legal/AcceptTermsPage"), "AcceptTermsPage");
const ProgrammesAdminPage = lazyPage(() => import("../features/programmes/ProgrammesAdminPage"), "ProgrammesAdminPage");
const LegalAdminPage = lazyPage(() => import("../features/legal/LegalAdminPage"), "LegalAdminPage");
const LegalDocumentPage = lazyPage(() => import("../features/legal/LegalDocumentPage"), "LegalDocumentPage");
const ContestPage = lazyPage(() => import("../features/contests/ContestPage"), "ContestPage");
const ContestsPage = lazyPage(() => import("../features/contests/ContestsPage"), "ContestsPage");
const PostContestPage = lazyPage(() => import("../features/contests/PostContestPage"), "PostContestPage");
const ContestsToDecidePage = lazyPage(() => import("../features/contests/ContestsToDecidePage"), "ContestsToDecidePage");
const ContractsPage = lazyPage(() => import("../features/contracts/ContractsPage"), "ContractsPage");
const TermsPage = lazyPage(() => import("../features/contracts/TermsPage"), "TermsPage");
const AdminDisputePage = lazyPage(() => import("../features/disputes/AdminDisputePage"), "AdminDisputePage");
const DisputePage = lazyPage(() => import("../features/disputes/DisputePage"), "DisputePage");
const DisputeQueuePage = lazyPage(() => import("../features/disputes/DisputeQueuePage"), "DisputeQueuePage");
const DocumentPage = lazyPage(() => import("../features/invoices/DocumentPage"), "DocumentPage");
const PaymentRecordsPage = lazyPage(() => import("../features/invoices/PaymentRecordsPage"), "PaymentRecordsPage");
const ProducerProfilePage = lazyPage(() => import("../features/invoices/ProducerProfilePage"), "ProducerProfilePage");
const AdminTicketPage = lazyPage(() => import("../features/help/AdminTicketPage"), "AdminTicketPage");
const HelpPage = lazyPage(() => import("../features/help/HelpPage"), "HelpPage");
const TicketPage = lazyPage(() => import("../features/help/TicketPage"), "TicketPage");
const TicketQueuePage = lazyPage(() => import("../features/help/TicketQueuePage"), "TicketQueuePage");
const SavedSearchesPage = lazyPage(() => import("../features/jobs/SavedSearchesPage"), "SavedSearchesPage");
const NotificationSettingsPage = lazyPage(() => import("../features/mail/NotificationSettingsPage"), "NotificationSettingsPage");
const BusinessProfilePage = lazyPage(() => import("../features/money/BusinessProfilePage"), "BusinessProfilePage");
const StatementPage = lazyPage(() => import("../features/money/StatementPage"), "StatementPage");
const TransfersPage = lazyPage(() => import("../features/money/TransfersPage"), "TransfersPage");
const DepositMatchPage = lazyPage(() => import("../features/money/DepositMatchPage"), "DepositMatchPage");
const PaymentRequestPage = lazyPage(() => import("../features/money/PaymentRequestPage"), "PaymentRequestPage");
// A worker without a bank account is told on the pages about her money (issue 27), here above her statement.
const BankAccountNotice = lazyPage(() => import("../features/payouts/components/BankAccountNotice"), "BankAccountNotice");
const NotificationsPage = lazyPage(() => import("../features/notifications/NotificationsPage"), "NotificationsPage");
const DuePayoutsPage = lazyPage(() => import("../features/payouts/DuePayoutsPage"), "DuePayoutsPage");
const PayoutBatchPage = lazyPage(() => import("../features/payouts/PayoutBatchPage"), "PayoutBatchPage");
const PayoutBatchesPage = lazyPage(() => import("../features/payouts/PayoutBatchesPage"), "PayoutBatchesPage");
const PayoutsPage = lazyPage(() => import("../features/payouts/PayoutsPage"), "PayoutsPage");
const InvitationsPage = lazyPage(() => import("../features/producers/InvitationsPage"), "InvitationsPage");
const PipelinePage = lazyPage(() => import("../features/producers/PipelinePage"), "PipelinePage");
const ProducerLinksPage = lazyPage(() => import("../features/producers/ProducerLinksPage"), "ProducerLinksPage");
const TokensPage = lazyPage(() => import("../features/tokens/TokensPage"), "TokensPage");
const FiguresPage = lazyPage(() => import("../features/programmes/FiguresPage"), "FiguresPage");
const OfficePage = lazyPage(() => import("../features/programmes/OfficePage"), "OfficePage");
const ProgrammesPage = lazyPage(() => import("../features/programmes/ProgrammesPage"), "ProgrammesPage");
const ProfilePage = lazyPage(() => import("../features/workers/ProfilePage"), "ProfilePage");
const WorkerPage = lazyPage(() => import("../features/workers/WorkerPage"), "WorkerPage");
const WorkerSearchPage = lazyPage(() => import("../features/workers/WorkerSearchPage"), "WorkerSearchPage");
// The pages that compose several features are the app's own, so that features never import one another.
const ContractWithThreadPage = lazyPage(() => import("./ContractWithThreadPage"), "ContractWithThreadPage");
const HomePage = lazyPage(() => import("./HomePage"), "HomePage");
const JobPage = lazyPage(() => import("./JobPage"), "JobPage");
const PostTaskJobPage = lazyPage(() => import("../features/taskjobs/PostTaskJobPage"), "PostTaskJobPage");
const JobPaymentRequestPage = lazyPage(() => import("../features/money/JobPaymentRequestPage"), "JobPaymentRequestPage");
const TaskJobPage = lazyPage(() => import("../features/taskjobs/TaskJobPage"), "TaskJobPage");
const PostJobPage = lazyPage(() => import("./PostJobPage"), "PostJobPage");
const SignUpWithTermsPage = lazyPage(() => import("./SignUpWithTermsPage"), "SignUpWithTermsPage");
const SettingsPage = lazyPage(() => import("./SettingsPage"), "SettingsPage");
const TeamPages = lazyPage(() => import("./TeamPages"), "TeamPages");

// The team pages (issue 23), one chunk for all of them (./TeamPages.tsx): a table rather than seven routes written out,
// a few bytes of the first load that the budget did not have.
const teamPaths: Record<string, TeamPageName> = {
  "/teams": "teams",
  "/teams/:id": "team",
  "/teams/:id/board": "board",
  "/contracts/:id/tasks": "contractTasks",
  "/my-tasks": "myTasks",
  "/tasks/:id": "task",
  "/tasks/:id/terms": "taskTerms",
};

export function AppRoutes() {
  return (
    <Shell>
      <Suspense fallback={<Pending />}>
      <Routes>
        <Route path="/" element={<MaybeAccount>{(a) => <HomePage account={a} />}</MaybeAccount>} />
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/signup" element={<SignUpWithTermsPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/office-invitation" element={<OfficeInvitationWithTermsPage />} />
        <Route path="/confirm-email" element={<ConfirmEmailPage />} />
        <Route path="/legal/accept" element={<RequireAccount>{() => <AcceptTermsPage />}</RequireAccount>} />
        <Route path="/legal/:kind" element={<LegalDocumentPage />} />
        <Route path="/jobs" element={<MaybeAccount>{(a) => <JobsPage account={a} />}</MaybeAccount>} />
        <Route path="/my-jobs" element={<RequireAccount>{() => <JobsPage mine />}</RequireAccount>} />
        <Route path="/jobs/new" element={<RequireAccount roles={["business", "producer"]}>{(a) => <PostJobPage account={a} />}</RequireAccount>} />
        <Route path="/task-jobs/new" element={<RequireAccount roles={["business"]}>{() => <PostTaskJobPage />}</RequireAccount>} />
        <Route path="/task-jobs/:id" element={<MaybeAccount>{(a) => <TaskJobPage account={a} />}</MaybeAccount>} />
        <Route path="/jobs/:id" element={<MaybeAccount>{(a) => <JobPage account={a} />}</MaybeAccount>} />
        <Route path="/contests" element={<RequireAccount>{(a) => <ContestsPage account={a} />}</RequireAccount>} />
        <Route path="/contests/new" element={<RequireAccount roles={["business"]}>{() => <PostContestPage />}</RequireAccount>} />
        <Route path="/contests/:id" element={<RequireAccount>{(a) => <ContestPage account={a} />}</RequireAccount>} />
        <Route path="/saved-searches" element={<RequireAccount roles={["worker"]}>{() => <SavedSearchesPage />}</RequireAccount>} />
        <Route path="/bids" element={<RequireAccount roles={["worker"]}>{() => <MyBidsPage />}</RequireAccount>} />
        <Route path="/invitations" element={<RequireAccount roles={["worker"]}>{() => <InvitationsPage />}</RequireAccount>} />
        <Route path="/contracts" element={<RequireAccount>{() => <ContractsPage />}</RequireAccount>} />
        <Route path="/contracts/:id" element={<RequireAccount>{(a) => <ContractWithThreadPage account={a} />}</RequireAccount>} />
        <Route path="/settings/email" element={<RequireAccount>{(a) => <EmailSettingsPage account={a} />}</RequireAccount>} />
        <Route path="/settings/password" element={<RequireAccount>{() => <PasswordSettingsPage />}</RequireAccount>} />
        <Route path="/settings" element={<RequireAccount>{(a) => <SettingsPage account={a} />}</RequireAccount>} />
        <Route path="/help" element={<MaybeAccount>{(a) => <HelpPage account={a} />}</MaybeAccount>} />
        <Route path="/help/tickets/:id" element={<RequireAccount>{() => <TicketPage />}</RequireAccount>} />
        <Route path="/settings/notifications" element={<RequireAccount>{(a) => <NotificationSettingsPage account={a} />}</RequireAccount>} />
        <Route path="/contracts/:id/terms" element={<RequireAccount>{() => <TermsPage />}</RequireAccount>} />
        <Route path="/jobs/:id/payment-request" element={<RequireAccount roles={["business", "producer"]}>{() => <JobPaymentRequestPage />}</RequireAccount>} />
        <Route path="/contracts/:id/payment-request" element={<RequireAccount roles={["business", "producer"]}>{() => <PaymentRequestPage />}</RequireAccount>} />
        <Route path="/contracts/:id/documents/:documentId" element={<RequireAccount>{() => <DocumentPage />}</RequireAccount>} />
        <Route path="/disputes/:id" element={<RequireAccount roles={["business", "worker", "producer"]}>{() => <DisputePage />}</RequireAccount>} />
        <Route path="/programmes" element={<RequireAccount roles={["worker"]}>{() => <ProgrammesPage />}</RequireAccount>} />
        <Route path="/office" element={<OfficeArea>{() => <OfficePage />}</OfficeArea>} />
        <Route path="/office/figures" element={<OfficeArea>{() => <FiguresPage />}</OfficeArea>} />
        <Route path="/admin" element={<Navigate to="/admin/transfers" replace />} />
        <Route path="/admin/transfers" element={<AdminArea>{() => <TransfersPage />}</AdminArea>} />
        <Route path="/admin/transfers/match" element={<AdminArea>{() => <DepositMatchPage />}</AdminArea>} />
        <Route path="/admin/users" element={<AdminArea>{(a) => <UsersPage me={a.id} />}</AdminArea>} />
        <Route path="/admin/payout-batches" element={<AdminArea>{() => <PayoutBatchesPage />}</AdminArea>} />
        <Route path="/admin/payout-batches/:id" element={<AdminArea>{() => <PayoutBatchPage />}</AdminArea>} />
        <Route path="/admin/payouts-due" element={<AdminArea>{() => <DuePayoutsPage />}</AdminArea>} />
        <Route path="/admin/audit" element={<AdminArea>{() => <AuditPage />}</AdminArea>} />
        <Route path="/admin/disputes" element={<AdminArea>{() => <DisputeQueuePage />}</AdminArea>} />
        <Route path="/admin/disputes/:id" element={<AdminArea>{() => <AdminDisputePage />}</AdminArea>} />
        <Route path="/admin/legal" element={<AdminArea>{() => <LegalAdminPage />}</AdminArea>} />
        <Route path="/admin/programmes" element={<AdminArea>{() => <ProgrammesAdminPage />}</AdminArea>} />
        <Route path="/admin/contests" element={<AdminArea>{() => <ContestsToDecidePage />}</AdminArea>} />
        <Route path="/admin/tickets" element={<AdminArea>{() => <TicketQueuePage />}</AdminArea>} />
        <Route path="/admin/tickets/:id" element={<AdminArea>{() => <AdminTicketPage />}</AdminArea>} />
        <Route path="/profile" element={<RequireAccount roles={["worker"]}>{(a) => <ProfilePage account={a} />}</RequireAccount>} />
        <Route path="/workers" element={<RequireAccount roles={["business", "producer"]}>{() => <WorkerSearchPage />}</RequireAccount>} />
        <Route path="/workers/:id" element={<RequireAccount>{() => <WorkerPage />}</RequireAccount>} />
        {Object.entries(teamPaths).map(([path, page]) => <Route key={path} path={path} element={<TeamPages page={page} />} />)}
        <Route path="/producers" element={<RequireAccount roles={["business", "producer"]}>{(a) => <ProducerLinksPage account={a} />}</RequireAccount>} />
        <Route path="/pipeline" element={<RequireAccount roles={["producer"]}>{() => <PipelinePage />}</RequireAccount>} />
        <Route path="/business-profile" element={<RequireAccount roles={["business"]}>{() => <BusinessProfilePage />}</RequireAccount>} />
        <Route
          path="/statement"
          element={<RequireAccount roles={["worker", "business", "producer"]}>{(a) => <>{a.role === "worker" && <BankAccountNotice />}<StatementPage /></>}</RequireAccount>}
        />
        <Route path="/payouts" element={<RequireAccount roles={["worker"]}>{() => <PayoutsPage />}</RequireAccount>} />
        <Route path="/payment-records" element={<RequireAccount roles={["worker", "business"]}>{() => <PaymentRecordsPage />}</RequireAccount>} />
        <Route path="/tax-details" element={<RequireAccount roles={["producer"]}>{() => <ProducerProfilePage />}</RequireAccount>} />
        <Route path="/notifications" element={<RequireAccount>{() => <NotificationsPage />}</RequireAccount>} />
        <Route path="/tokens" element={<RequireAccount>{() => <TokensPage />}</RequireAccount>} />
        <Route path="/two-step" element={<RequireAccount>{(a) => <TwoStepPage account={a} />}</RequireAccount>} />
        <Route path="*" element={<NotFoundPage />} />
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
