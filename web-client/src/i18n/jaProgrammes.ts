/**
 * Words of a town's programme (issue 29) that pages opened later read in Japanese: a notice of the office as the
 * notifications page names it. They travel with those pages (./programmeWords.ts) instead of in every first visit's
 * JavaScript (check-bundle-size.mjs's budget), as the staff's words do (./jaAdmin.ts).
 */
export const jaProgrammes = {
  words: {
    notifyProgramme: {
      programmeNotice: "{{programme}}の事務局からのお知らせ「{{title}}」",
    },
  },
} as const;
