// Verifying a Marketplace webhook in JavaScript (Node 18+), per the Standard Webhooks specification: no dependency.
// docs/integrations.md shows this file; verify-webhook.test.mjs runs it (node --test, from test.sh).
import { createHmac, timingSafeEqual } from "node:crypto";

const toleranceSeconds = 5 * 60;

/**
 * Answers whether a delivery is genuine: signed with `secret` ("whsec_…") over `{id}.{timestamp}.{body}` and sent
 * within five minutes of `now` (which refuses a replayed old message). `headers` are the request's headers by lower-case
 * name; `body` the raw text of the request, exactly as received (never parsed and serialised again).
 */
export function verifyWebhook(secret, headers, body, now = Date.now() / 1000) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > toleranceSeconds) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  // During a secret's rotation the header carries one "v1,<base64>" per secret, space-separated: any may match.
  return signatures.split(" ").some((entry) => {
    const [version, signature] = entry.split(",", 2);
    if (version !== "v1" || !signature) return false;
    const given = Buffer.from(signature, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
