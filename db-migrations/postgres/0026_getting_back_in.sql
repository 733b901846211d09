-- Issue 27 "Getting back in" on PostgreSQL, the same step as sqlite/0026: a password reset by mail, the e-mail
-- address confirmed at sign-up (and again when it changes), consent to the terms of use and the privacy policy, kept
-- by version.

-- When the person proved the address is theirs, by opening a link mailed to it. Until then the account can look but
-- cannot bid, post, award, deliver, be paid out or make API tokens (403 emailNotConfirmed). Accounts made before this
-- script count as confirmed from when they were made: they signed up under rules that asked for nothing more.
ALTER TABLE users ADD COLUMN email_confirmed_at timestamptz NULL;
UPDATE users SET email_confirmed_at = created_at;

-- Links mailed to a person: a password reset (valid 30 minutes), a confirmation of the sign-up address or of a new
-- address (24 hours). The token itself (32 random bytes) travels only in the mail; the database keeps its SHA-256
-- hash, which is enough for a secret of 256 random bits (as for recovery codes, 0008), so a copy of the database
-- cannot be used to reset a password. email is the address the link was mailed to, the one it confirms. Single use is
-- decided by one conditional UPDATE (used_at IS NULL AND expires_at > now), so two requests racing with the same link
-- succeed once.
CREATE TABLE one_time_tokens (
    token_hash text NOT NULL PRIMARY KEY,
    user_id    text NOT NULL REFERENCES users (id),
    purpose    text NOT NULL CHECK (purpose IN ('passwordReset', 'emailConfirmation', 'emailChange')),
    email      text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL
);
CREATE INDEX ix_one_time_tokens_user ON one_time_tokens (user_id, purpose);

-- Requests that make the site send mail (a reset link, a confirmation link), counted per key in a fixed window:
-- per address typed ('reset:' + email), per client IP address ('reset-from:' + address), per account. Kept in the
-- database, as sign-in failures are (0007), so that every instance of the API counts the same requests.
CREATE TABLE request_counts (
    throttle_key   text NOT NULL PRIMARY KEY,
    requests       bigint NOT NULL CHECK (requests >= 0),
    window_ends_at timestamptz NOT NULL
);
CREATE INDEX ix_request_counts_window ON request_counts (window_ends_at);

-- Mail about the account itself, apart from the notifications' outbox (0011): it is never a digest, never
-- unsubscribed from, and may go to an address that is not (yet, or any more) the account's. A link's token is kept
-- sealed with the app's data-protection keys only until the mail leaves, then cleared; the database alone never holds
-- a usable link for longer than that.
CREATE TABLE account_mail (
    id              text NOT NULL PRIMARY KEY,
    user_id         text NOT NULL REFERENCES users (id),
    kind            text NOT NULL CHECK (kind IN ('passwordReset', 'emailConfirmation', 'emailChange', 'emailChanged', 'passwordChanged')),
    to_address      text NOT NULL,
    sealed_token    text NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'sent', 'logged', 'failed', 'dropped')),
    attempts        bigint NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease           text NULL,
    lease_until     timestamptz NULL,
    sent_at         timestamptz NULL,
    last_error      text NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX ix_account_mail_due ON account_mail (status, next_attempt_at);
CREATE INDEX ix_account_mail_lease ON account_mail (lease);
CREATE INDEX ix_account_mail_user ON account_mail (user_id);

-- The terms of use and the privacy policy, each in numbered versions that are never changed or removed once
-- published (a person's consent names the version they read): a new text is a new version. The bodies are Markdown,
-- in Japanese and in English. The current version of a kind is its highest.
CREATE TABLE legal_documents (
    kind         text NOT NULL CHECK (kind IN ('terms', 'privacy')),
    version      bigint NOT NULL CHECK (version >= 1),
    body_ja      text NOT NULL,
    body_en      text NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text NULL REFERENCES users (id),
    PRIMARY KEY (kind, version)
);
CREATE TRIGGER tr_legal_documents_no_update BEFORE UPDATE ON legal_documents
FOR EACH ROW EXECUTE FUNCTION refuse_change('legal documents are append-only');
CREATE TRIGGER tr_legal_documents_no_delete BEFORE DELETE ON legal_documents
FOR EACH ROW EXECUTE FUNCTION refuse_change('legal documents are append-only');
CREATE TRIGGER tr_legal_documents_no_truncate BEFORE TRUNCATE ON legal_documents
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('legal documents are append-only');

-- The version of each kind in force: the one sign-up must accept and the one /api/me compares a person's consent with.
CREATE VIEW current_legal_documents AS
SELECT d.kind, d.version, d.published_at
FROM legal_documents d
WHERE d.version = (SELECT MAX(x.version) FROM legal_documents x WHERE x.kind = d.kind);

-- Who accepted which version, and when: at sign-up, and after a new version when the person accepts it.
CREATE TABLE legal_acceptances (
    user_id     text NOT NULL REFERENCES users (id),
    kind        text NOT NULL,
    version     bigint NOT NULL,
    accepted_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, kind, version),
    FOREIGN KEY (kind, version) REFERENCES legal_documents (kind, version)
);

-- Version 1 of each: the operator's draft, marked as such in its first lines, for the operator to replace with its own
-- text (POST /api/admin/legal/{kind} publishes version 2). Published by nobody: it came with the software.
INSERT INTO legal_documents (kind, version, body_ja, body_en, published_at, published_by) VALUES ('terms', 1,
'# 利用規約（運営者が編集する下書き）

> この文書は、湯沢マーケットを運営する事業者が自らの内容に書き換えるための下書きです。公開の前に、運営者の名称、連絡先、手数料、準拠法と管轄を確かめ、必要なら専門家に確認してください。

## 第1条（目的）
この規約は、運営者が提供する湯沢マーケット（以下「本サービス」）で、事業者が仕事を依頼し、ワーカーが応募・納品し、プロデューサーが仲介するときの決まりを定めます。

## 第2条（アカウント）
1. 利用者は、正しいメールアドレスで登録し、届いたリンクでそのアドレスを確認します。確認が済むまで、応募、仕事の掲載、受注者の決定、納品、報酬の受け取りはできません。
2. パスワードと2段階認証の回復コードは、利用者が自分で管理します。

## 第3条（取引）
1. 仕事の条件（金額、納期、検収期間、支払期日）は、受注者の決定時に取引条件明示書として示されます。
2. 発注者は、受注者の決定後、代金を運営者の預り口座に入金します。検収のあと、手数料と源泉徴収税額を差し引いた額がワーカーに支払われます。

## 第4条（禁止事項）
法令に反すること、他人になりすますこと、本サービスの外で直接取引するよう誘うこと、他の利用者の個人情報を目的外に使うことを禁じます。

## 第5条（紛争）
当事者の話し合いで解決しないとき、運営者の事務局が記録をもとに判断します。

## 第6条（規約の変更）
運営者は、この規約を変更するとき、新しい版を本サービスで公開し、次にサインインした利用者に一度表示します。

## 第7条（準拠法と管轄）
この規約は日本法に従います。（管轄裁判所は運営者が定めてください。）',
'# Terms of use (the operator''s draft to edit)

> This document is a draft for the business that runs Yuzawa Marketplace to rewrite as its own. Before publishing it, check the operator''s name, contact details, fees, governing law and courts, and have a professional review it where needed.

## 1. Purpose
These terms set the rules for Yuzawa Marketplace (the service), where businesses post work, workers bid and deliver, and producers broker deals.

## 2. Accounts
1. You sign up with an e-mail address that is yours and confirm it through the link we mail to it. Until you do, you cannot bid, post a job, award a bid, deliver work or be paid.
2. You keep your password and your two-step recovery codes to yourself.

## 3. Deals
1. The terms of a deal (amount, delivery date, inspection period, payment date) are shown as the terms notice when a bid is awarded.
2. After the award, the business pays the amount into the operator''s escrow account. Once the work is accepted, the worker is paid the amount less fees and withholding tax.

## 4. What you must not do
Break the law, pretend to be someone else, invite others to deal outside the service, or use other users'' personal information for anything but the deal.

## 5. Disputes
When the parties cannot agree, the operator''s office decides from the record.

## 6. Changes to these terms
When the operator changes these terms, it publishes the new version on the service and shows it once to each user at their next sign-in.

## 7. Governing law
These terms are governed by the laws of Japan. (The operator names the competent court.)',
'2026-12-06T00:00:00Z', NULL);
INSERT INTO legal_documents (kind, version, body_ja, body_en, published_at, published_by) VALUES ('privacy', 1,
'# プライバシーポリシー（運営者が編集する下書き）

> この文書は、湯沢マーケットを運営する事業者が自らの内容に書き換えるための下書きです。個人情報の保護に関する法律に沿って、運営者の名称、住所、代表者、問い合わせ窓口を書き入れてください。

## 1. 取得する情報
氏名または表示名、メールアドレス、ワーカーのプロフィール、取引とメッセージの記録、振込先口座、インボイス登録番号、源泉徴収と支払調書に必要な情報、サインインの記録（日時、IPアドレス）。

## 2. 利用目的
本サービスの提供、取引の成立と支払い、法令に基づく書類（取引条件明示書、適格請求書、支払調書）の作成、不正利用の防止、お知らせメールの送信。

## 3. 第三者への提供
取引の相手方に、取引に必要な範囲（表示名、納品物、書類に載る事項）を示します。法令に基づく場合を除き、本人の同意なく第三者に提供しません。

## 4. 安全管理
パスワードはハッシュでのみ保存し、パスワード再設定やメール確認のリンクも一度しか使えない形で保存します。

## 5. 開示・訂正・利用停止の請求
本人は、保有個人データの開示、訂正、利用停止を運営者の窓口に求めることができます。

## 6. 改定
改定したときは新しい版を本サービスで公開し、次にサインインした利用者に一度表示します。',
'# Privacy policy (the operator''s draft to edit)

> This document is a draft for the business that runs Yuzawa Marketplace to rewrite as its own. Fill in the operator''s name, address, representative and contact point as Japan''s Act on the Protection of Personal Information requires.

## 1. What we collect
Your name or display name, e-mail address, worker profile, the record of your deals and messages, the bank account for payouts, your invoice registration number, what withholding tax and payment records need, and sign-in records (time, IP address).

## 2. Why
To run the service, make deals and pay them, issue the documents the law asks for (terms notices, qualified invoices, payment records), prevent abuse, and send you notification mail.

## 3. Sharing
The other party of a deal sees what the deal needs (your display name, the delivered work, what the documents state). We do not give your information to anyone else without your consent, except where the law requires it.

## 4. Security
Passwords are stored only as hashes, and the links that reset a password or confirm an address are stored so that each works once only.

## 5. Your requests
You may ask the operator to disclose, correct or stop using the personal data it holds about you.

## 6. Changes
When this policy changes, the new version is published on the service and shown once to each user at their next sign-in.',
'2026-12-06T00:00:00Z', NULL);
