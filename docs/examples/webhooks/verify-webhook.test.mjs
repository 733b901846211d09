// Runs the JavaScript example of docs/integrations.md (node --test docs/examples/webhooks/). The message below was
// signed as the API signs (WebhookSignature.cs, whose output the .NET tests check with the StandardWebhooks package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { verifyWebhook } from "./verify-webhook.mjs";

const secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const body = '{"sequence":42,"id":"0193a5f0c2b87d4e9f1a2b3c4d5e6f70","type":"contract.awarded","occurredAt":"2025-12-06T05:46:40+00:00","data":{"jobId":"j1","bidId":"b1","contractId":"c1","workerId":"w1"}}';
const headers = {
  "webhook-id": "0193a5f0c2b87d4e9f1a2b3c4d5e6f70",
  "webhook-timestamp": "1765000000",
  "webhook-signature": "v1,mBToyoI96fl63iZk87RZktbOHXSOHpos2xhudtIj2V8=",
};
const sent = 1765000000;

test("a message signed with the secret is genuine", () => {
  assert.equal(verifyWebhook(secret, headers, body, sent + 10), true);
});

test("a changed body is refused", () => {
  assert.equal(verifyWebhook(secret, headers, body.replace("c1", "c2"), sent), false);
});

test("another secret is refused", () => {
  assert.equal(verifyWebhook("whsec_" + Buffer.alloc(32).toString("base64"), headers, body, sent), false);
});

test("a message older than five minutes is refused", () => {
  assert.equal(verifyWebhook(secret, headers, body, sent + 301), false);
});

test("during a rotation, either signature may match", () => {
  const rotated = { ...headers, "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + headers["webhook-signature"] };
  assert.equal(verifyWebhook(secret, rotated, body, sent), true);
});
