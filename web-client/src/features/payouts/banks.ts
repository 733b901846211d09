import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const bankKeys = {
  banks: (q: string) => ["banks", q] as const,
  branches: (bank: string, q: string) => ["banks", bank, "branches", q] as const,
};

/** Banks of the Zengin list by a part of the name (kanji or kana) or the beginning of the code. */
export const useBanks = (q: string, enabled = true) =>
  useQuery({
    queryKey: bankKeys.banks(q),
    queryFn: () => call(api.GET("/api/banks", { params: { query: { q } } })),
    enabled,
    staleTime: Infinity, // the list changes with a release of the API, not while a page is open
    placeholderData: keepPreviousData,
  });

/** A bank's branches by a part of the name or the beginning of the code. */
export const useBranches = (bank: string, q: string, enabled = true) =>
  useQuery({
    queryKey: bankKeys.branches(bank, q),
    queryFn: () => call(api.GET("/api/banks/{code}/branches", { params: { path: { code: bank }, query: { q } } })),
    enabled: enabled && /^\d{4}$/.test(bank),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
