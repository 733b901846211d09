import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, call, type Account, type Role } from "../../api/client";
import { clearDrafts, keepDraftsFor } from "../../ui/drafts";

export const authKeys = { me: ["me"] as const };

export const meQuery = queryOptions({
  queryKey: authKeys.me,
  queryFn: async (): Promise<Account | null> => {
    try {
      return await call(api.GET("/api/me"));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/** The signed-in account; only used under RequireAccount, where it is known to exist. */
export function useAccount(): Account {
  const { data } = useMe();
  if (!data) throw new Error("useAccount outside RequireAccount");
  return data;
}

/** A new session: nothing cached for the previous account survives. */
function startSession(client: QueryClient, account: Account) {
  keepDraftsFor(account.id);
  client.clear();
  client.setQueryData(meQuery.queryKey, account);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    // code: the authenticator's 6 digits or a recovery code, only for accounts with two-step sign-in.
    mutationFn: (body: { email: string; password: string; code?: string }) => call(api.POST("/api/auth/login", { body })),
    onSuccess: (account) => startSession(client, account),
  });
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    // Registering creates the account (and mails the link that confirms its address); signing in with the same words
    // starts the session. The versions are those of the terms and privacy policy the person agreed to.
    mutationFn: async (body: {
      email: string;
      password: string;
      displayName: string;
      role: Role;
      acceptedTermsVersion: number;
      acceptedPrivacyVersion: number;
      language: "ja" | "en";
    }) => {
      await call(api.POST("/api/auth/register", { body }));
      return call(api.POST("/api/auth/login", { body: { email: body.email, password: body.password } }));
    },
    onSuccess: (account) => startSession(client, account),
  });
}

/** Signing out on purpose (a shared PC) leaves nothing typed behind; a session that merely expired keeps it. */
function leave(client: QueryClient) {
  clearDrafts();
  client.clear();
  client.setQueryData(meQuery.queryKey, null);
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => call(api.POST("/api/auth/logout")), onSuccess: () => leave(client) });
}

/** Mails a link to choose a new password; the API answers alike whether or not an account has the address. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => call(api.POST("/api/auth/password-reset", { body: { email } })) });
}

/** Sets a new password with the mailed link's token (once, within 30 minutes); it signs nobody in. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) => call(api.POST("/api/auth/password-reset/confirm", { body })),
  });
}

/** Confirms an address with the mailed link's token (a sign-up's, or a new address's). */
export function useConfirmEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => call(api.POST("/api/auth/confirm-email", { body: { token } })),
    onSuccess: () => client.invalidateQueries({ queryKey: authKeys.me }),
  });
}

/** A new password, given the current one: the API ends every other session and every API token. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => call(api.POST("/api/me/password", { body })),
  });
}

/** Ends every session of the person, this browser's too, and leaves nothing typed behind. */
export function useSignOutEverywhere() {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => call(api.POST("/api/auth/logout-all")), onSuccess: () => leave(client) });
}

/** A new confirmation link to the signed-in person's address. */
export function useResendConfirmation() {
  return useMutation({ mutationFn: () => call(api.POST("/api/me/email-confirmation")) });
}

/** Asks to move the account to another address: a link goes there, and nothing changes until it is opened. */
export function useChangeEmail() {
  return useMutation({
    mutationFn: (body: { newEmail: string; currentPassword: string }) => call(api.POST("/api/me/email", { body })),
  });
}

/** Starts two-step sign-in: a new secret for an authenticator app (409 once it is confirmed). */
export function useEnrolTwoStep() {
  return useMutation({ mutationFn: () => call(api.POST("/api/me/two-step")) });
}

/** Turns two-step sign-in on with the app's first code; the answer holds the recovery codes, once. */
export function useConfirmTwoStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(api.POST("/api/me/two-step/confirm", { body: { code } })),
    // The account now says two-step sign-in is on: the reminder goes and the administrators' area opens.
    onSuccess: () => client.setQueryData(meQuery.queryKey, (me: Account | null | undefined) => (me ? { ...me, twoStepEnabled: true } : me)),
  });
}

/** Sets an invited office account's password with the mailed link's token (once, within 7 days), with the person's consent. */
export function useAcceptOfficeInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; password: string; acceptedTermsVersion: number; acceptedPrivacyVersion: number }) =>
      call(api.POST("/api/office-invitations/accept", { body })),
  });
}

/**
 * What an office invitation's link is for (the programme, the address being set up), read without spending the link:
 * the page shows it before the person chooses a password. The token goes in the body, never in a URL.
 */
export function useOfficeInvitation(token: string) {
  return useQuery({
    queryKey: ["office-invitation", token],
    enabled: token !== "",
    retry: false,
    staleTime: Infinity,
    queryFn: () => call(api.POST("/api/office-invitations/look-up", { body: { token } })),
  });
}
