import "../../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { MessageThread } from "../../../ui/MessageThread";
import { useMarkTeamThreadRead, usePostTeamMessage, useTeamThread } from "../api";

const bodyMax = limits["Teams.PostTeamMessage.Command"].body.maxLength;

/** The team's own thread, for its members only: the director, leaders and members talk here, with files; the business never reads it. */
export function TeamThread({ teamId, account }: { teamId: string; account: Account }) {
  const { t } = useTranslation();
  const thread = useTeamThread(teamId);
  const { mutate: markRead } = useMarkTeamThreadRead(teamId);
  const post = usePostTeamMessage(teamId);
  return (
    <MessageThread
      id="team-thread-title"
      title={t("teams.thread.title")}
      lead={<p className="hint">{t("teams.thread.lead")}</p>}
      account={account}
      thread={thread}
      markRead={markRead}
      post={post}
      bodyMax={bodyMax}
    />
  );
}
