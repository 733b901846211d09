import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const ticketKeys = {
  all: ["tickets"] as const,
  mine: ["tickets", "mine"] as const,
  queue: (status?: string) => ["tickets", "queue", status ?? "all"] as const,
  one: (id: string) => ["tickets", "one", id] as const,
};

export const useMyTickets = (enabled = true) =>
  useQuery({ queryKey: ticketKeys.mine, queryFn: () => call(api.GET("/api/me/tickets", { params: { query: { limit: 50 } } })), enabled });

export const useTicket = (id: string) =>
  useQuery({ queryKey: ticketKeys.one(id), queryFn: () => call(api.GET("/api/tickets/{id}", { params: { path: { id } } })) });

/** The office's queue (administrators). */
export const useTickets = (status?: "open" | "answered") =>
  useQuery({ queryKey: ticketKeys.queue(status), queryFn: () => call(api.GET("/api/admin/tickets", { params: { query: { status, limit: 50 } } })) });

/** Every ticket change answers with the ticket; every ticket query is refreshed from it. */
function useTicketChange<T>(send: (body: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.all }) });
}

export const useContact = () => useTicketChange((body: { subject: string; body: string }) => call(api.POST("/api/contact", { body })));

export const useReplyToTicket = (id: string) =>
  useTicketChange((body: { body: string }) => call(api.POST("/api/tickets/{id}/replies", { params: { path: { id } }, body })));

export const useAnswerTicket = (id: string) =>
  useTicketChange((body: { body: string }) => call(api.POST("/api/admin/tickets/{id}/replies", { params: { path: { id } }, body })));
