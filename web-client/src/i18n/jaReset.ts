/**
 * The words of the two password-reset pages in Japanese (forgot, reset). Few visits open them, so they travel with those
 * pages (./resetWords.ts) instead of in every first visit's JavaScript (check-bundle-size.mjs's budget).
 */
export const jaReset = {
  reset: {
    askTitle: "パスワードの再設定",
    askIntro: "登録したメールアドレスを入力してください。パスワードを決め直すためのリンクをお送りします。",
    send: "リンクを送る",
    sent: "{{email}} にアカウントがあれば、パスワードを再設定するリンクを送りました。",
    sentHint: "リンクは30分間、1回だけ使えます。数分たっても届かないときは、迷惑メールのフォルダを確認するか、もう一度送ってください。",
    backToSignIn: "ログインに戻る",
    title: "新しいパスワード",
    newPassword: "新しいパスワード",
    endsSessions: "保存すると、ほかの端末を含めてすべてのログインが終了します。",
    save: "パスワードを保存",
    done: "パスワードを変更しました。新しいパスワードでログインしてください。",
    linkSpent: "このリンクは使えません。すでに使われたか、30分の期限が切れたか、新しいリンクが送られています。",
    askAgain: "リンクを送り直す",
  },};
