/**
 * The words of a message thread (a contract's, a team's) in Japanese that came after the first ones (ja.ts's thread.*),
 * and of the files a draft kept (ui/AttachFiles.tsx): they travel with the pages that write (./threadWords.ts), not in
 * every first visit's JavaScript (check-bundle-size.mjs).
 */
export const jaThread = {
  thread: {
    jumpToUnread_one: "未読のメッセージへ（{{count}}件）",
    jumpToUnread_other: "未読のメッセージへ（{{count}}件）",
    arrived_one: "新しいメッセージが{{count}}件届きました",
    arrived_other: "新しいメッセージが{{count}}件届きました",
  },
  files: {
    chooseAgain_one: "{{names}} は、画面を離れたときにアップロードが終わっていなかったため、添付されていません。もう一度選んでください。",
    chooseAgain_other: "{{names}} は、画面を離れたときにアップロードが終わっていなかったため、添付されていません。もう一度選んでください。",
    separator: "、",
    dismiss: "閉じる",
  },
};
