/**
 * The anchor a link names to open a page at its message thread rather than at its top: a notification of a new message
 * opens `/contracts/{id}#messages`. On a phone the contract or team page is several screens tall and its thread is at the
 * bottom; the thread brings its first unread message into view when the page is opened so (ui/MessageThread.tsx). A
 * module of its own, so that the pages which link here do not load the thread's code.
 */
export const messagesAnchor = "messages";

/** A link to the thread of the page at <paramref name="path"/>. */
export const toMessages = (path: string) => `${path}#${messagesAnchor}`;
