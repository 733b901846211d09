import { useTranslation } from "react-i18next";
import type { Account } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { MessageThread } from "../../../ui/MessageThread";
import { useMarkThreadRead, usePostMessage, useThread } from "../api";

const bodyMax = limits["Conversations.PostMessage.Command"].body.maxLength;

/** The contract's message thread, between its parties. */
export function ContractThread({ contractId, account }: { contractId: string; account: Account }) {
  const { t } = useTranslation();
  const thread = useThread(contractId);
  const { mutate: markRead } = useMarkThreadRead(contractId);
  const post = usePostMessage(contractId);
  return (
    <MessageThread id="thread-title" title={t("thread.title")} account={account} thread={thread} markRead={markRead} post={post} bodyMax={bodyMax} />
  );
}
