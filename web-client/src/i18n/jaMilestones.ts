/**
 * The words of a contract's milestone list (分割払い, issue 24) in Japanese. Only a contract paid in milestones shows
 * them, on the contract page loaded when opened, so they travel with that page (./milestoneWords.ts) instead of in every
 * first visit's JavaScript (check-bundle-size.mjs's budget).
 */
export const jaMilestones = {
  milestones: {
    timelineSubmitted: "納品：{{title}}",
    timelineRevision: "修正依頼：{{title}}",
    title: "マイルストーン（分割払い）",
    plan: {
      legend: "マイルストーン",
      hint: "作業を区切り、区切りごとに仮払い・納品・検収・支払いをします。ふつうは次のマイルストーンの分だけ先に仮払いします。",
      titleOf: "{{n}}. 内容",
      amountOf: "{{n}}. 金額（円）",
      dueOf: "{{n}}. 納期",
      remove: "{{n}}を削除",
      add: "マイルストーンを追加",
      sum: "合計 {{sum}}（契約額 {{total}}）",
      fundAll: "すべてのマイルストーンの分を最初に仮払いする",
      problems: {
        title: "それぞれに内容を書いてください。",
        amount: "金額はそれぞれ1,000円以上の整数で入れてください。",
        dueOn: "それぞれに納期を入れてください。",
        sum: "金額の合計を契約額と同じにしてください。",
        count: "マイルストーンは1〜{{max}}件です。",
      },
    },
    progress: "{{total}}件中{{accepted}}件検収済み",
    status: {
      unfunded: "未入金",
      funded: "入金済み：作業を始められます",
      inReview: "納品済み：プロデューサーが確認中",
      submitted: "納品済み：検収中",
      revisionRequested: "修正依頼中",
      accepted: "検収・支払済み",
      cancelled: "終了",
    },
    dueOn: "期日 {{date}}",
    workerNet: "受取額 {{net}}（源泉所得税 {{tax}}・手数料 {{fee}} を差し引き）",
    paidIn: "仮払い額 {{amount}}",
    inspectionEnds: "{{date}}までに返事がなければ検収されたものとみなします",
    latestPayment: "支払期日は遅くとも{{date}}（納品から60日以内）",
    paidBy: "支払期日 {{date}}",
    fund: "このマイルストーンの{{amount}}を仮払いする",
    paymentAsked: "このマイルストーンの入金を依頼しました。入金が確認されると作業が始まります。",
    fundAfterPending: "確認待ちの入金が確認されてから仮払いできます。",
    awaitingFunding: "依頼者の仮払いを待っています。",
    deliver: "このマイルストーンを納品する",
    redeliver: "修正したものを納品する",
    acceptText: "検収すると、このマイルストーンの支払い（仮払い{{amount}}）が行われます。",
    accept: "このマイルストーンを検収する",
    acceptAsk: "「{{title}}」を検収すると、{{amount}} がワーカーへの支払いになり、取り消せません。検収しますか？",
    acceptConfirm: "検収を確定する",
    gateText: "このマイルストーンの納品物は、依頼者に届く前にあなたが確認します。問題がなければ依頼者に届け、直してほしい点があれば修正を依頼してください。",
  },
};
