import { api, call } from "../../api/client";
import { useContractChange } from "./api";

// The milestone routes (issue 24), apart from ./api.ts: only the contract page's milestone list, loaded with that page,
// calls them, so they stay out of the first load.
const milestonePath = (id: string, milestoneId: string) => ({ params: { path: { id, milestoneId } } });

export const useFundMilestone = (id: string) =>
  useContractChange((milestoneId: string) => call(api.POST("/api/contracts/{id}/milestones/{milestoneId}/fund", milestonePath(id, milestoneId))));

export const useSubmitMilestone = (id: string) =>
  useContractChange(({ milestoneId, ...body }: { milestoneId: string; message: string; links: string[]; fileIds: string[] }) =>
    call(api.POST("/api/contracts/{id}/milestones/{milestoneId}/submissions", { ...milestonePath(id, milestoneId), body })),
  );

export const useAcceptMilestone = (id: string) =>
  useContractChange((milestoneId: string) => call(api.POST("/api/contracts/{id}/milestones/{milestoneId}/accept", milestonePath(id, milestoneId))));

export const useRequestMilestoneRevision = (id: string) =>
  useContractChange(({ milestoneId, reason }: { milestoneId: string; reason: string }) =>
    call(api.POST("/api/contracts/{id}/milestones/{milestoneId}/revisions", { ...milestonePath(id, milestoneId), body: { reason } })),
  );

export const useForwardMilestone = (id: string) =>
  useContractChange((milestoneId: string) => call(api.POST("/api/contracts/{id}/milestones/{milestoneId}/forward", milestonePath(id, milestoneId))));
