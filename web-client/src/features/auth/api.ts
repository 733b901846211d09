import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, call, type Account, type Role } from "../../api/client";

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
    // Registering creates the account; signing in with the same words starts the session.
    mutationFn: async (body: { email: string; password: string; displayName: string; role: Role }) => {
      await call(api.POST("/api/auth/register", { body }));
      return call(api.POST("/api/auth/login", { body: { email: body.email, password: body.password } }));
    },
    onSuccess: (account) => startSession(client, account),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST("/api/auth/logout")),
    onSuccess: () => {
      client.clear();
      client.setQueryData(meQuery.queryKey, null);
    },
  });
}

/** Starts two-step sign-in: a new secret for an authenticator app (409 once it is confirmed). */
export function useEnrolTwoStep() {
  return useMutation({ mutationFn: () => call(api.POST("/api/me/two-step")) });
}

/** Turns two-step sign-in on with the app's first code; the answer holds the recovery codes, once. */
export function useConfirmTwoStep() {
  return useMutation({ mutationFn: (code: string) => call(api.POST("/api/me/two-step/confirm", { body: { code } })) });
}
