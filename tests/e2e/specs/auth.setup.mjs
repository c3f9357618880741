// Signs one resident in (through the API and the dev SMS outbox) and keeps the session cookie,
// so the scans of pages behind sign-in do not each need a sign-in of their own.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { test, expect, AUTH_FILE, signIn } from "../support/app.mjs";

test("sign in one resident for the pages behind sign-in", async ({ context }) => {
  await signIn(context.request);
  const me = await context.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  mkdirSync(dirname(AUTH_FILE), { recursive: true });
  await context.storageState({ path: AUTH_FILE });
});
