import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, call } from "../../api/client";
import type { components } from "../../api/schema";

export type BankAccountInput = components["schemas"]["Payouts.UpdateBankAccount.Command"];
export type BankAccountView = components["schemas"]["Payouts.BankAccountView"];

export const payoutKeys = {
  all: ["payouts"] as const,
  bankAccount: ["payouts", "bank-account"] as const,
  mine: ["payouts", "mine"] as const,
};

/** The worker's account, or null before one is saved (the API answers 404 then). */
export const bankAccountQuery = queryOptions({
  queryKey: payoutKeys.bankAccount,
  queryFn: async () => {
    try {
      return await call(api.GET("/api/me/bank-account"));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
});

export const useBankAccount = () => useQuery(bankAccountQuery);

export function useSaveBankAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BankAccountInput) => call(api.PUT("/api/me/bank-account", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: payoutKeys.all }),
  });
}

export const myPayoutsQuery = queryOptions({ queryKey: payoutKeys.mine, queryFn: () => call(api.GET("/api/me/payouts")) });

export const useMyPayouts = () => useQuery(myPayoutsQuery);
