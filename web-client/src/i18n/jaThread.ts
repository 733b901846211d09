/**
 * The words of a message thread (a contract's, a team's) in Japanese that came after the first ones (ja.ts's thread.*):
 * they travel with the thread's pages (./threadWords.ts), not in every first visit's JavaScript (check-bundle-size.mjs).
 */
export const jaThread = {
  thread: {
    jumpToUnread_one: "未読のメッセージへ（{{count}}件）",
    jumpToUnread_other: "未読のメッセージへ（{{count}}件）",
    arrived_one: "新しいメッセージが{{count}}件届きました",
    arrived_other: "新しいメッセージが{{count}}件届きました",
  },
};
