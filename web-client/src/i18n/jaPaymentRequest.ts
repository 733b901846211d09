/**
 * The words of the printable payment request in Japanese: one page, loaded when opened, so its words travel with it
 * (./paymentRequestWords.ts) instead of in every first visit's JavaScript (check-bundle-size.mjs's budget, which the
 * contest words passed), as the staff's words do (./jaAdmin.ts).
 */
export const jaPaymentRequest = {
  paymentRequest: {
    title: "お支払いのご案内",
    print: "印刷する・PDFで保存する",
    printHint: "印刷の画面で「PDFに保存」を選ぶと、PDFのファイルになります。",
    to: "{{name}} 御中",
    issuedOn: "発行日",
    number: "お支払い番号",
    intro: "下記のとおり、エスクロー（お預かり）へのお支払いをお願いいたします。入金が確認されると、受注者が作業を始めます。",
    job: "案件",
    worker: "受注者",
    amount: "お支払い金額",
    dueOn: "お支払期限",
    noDue: "期限の定めはありません（お早めにお願いいたします）",
    reference: "お支払い番号",
    referenceHow: "お振込みの際は、振込人名義の前にこの番号を入れてください。入金の確認に使います。",
    example: "振込人名義の例：{{reference}} {{name}}",
    bankTitle: "お振込先",
    bank: "金融機関",
    branch: "支店",
    accountType: "預金種目",
    accountNumber: "口座番号",
    holder: "口座名義",
    noAccount: "お振込先は、サイトを運営する事務局にお問い合わせください。",
    breakdown: "内訳",
    contractAmount: "契約金額",
    withholding: "源泉徴収税（貴社から税務署へ納付）",
    producerFee: "プロデューサー手数料",
    withholdingNote: "源泉徴収税 {{tax}} はお支払い金額に含まれていません。検収した月の翌月10日までに、貴社から税務署へ納付してください。",
    feeNote: "振込手数料は貴社でご負担ください。",
    topUp: "金額の変更による差額のお支払いです。",
    lateTitle: "期限までにお支払いがない場合",
    lateText: "{{remind}}にお知らせをお送りします。{{lapses}}までに入金が確認できない場合、発注は取り消され、仕事は再び募集中になります（受注者にもお知らせします）。",
    lateTextTopUp: "入金が確認されるまで、受注者は変更後の作業に進めません。",
    confirmed: "入金を確認しました。ありがとうございました。",
    cancelled: "このお支払いは取り消されました。",
    back: "契約に戻る",
  },
};
