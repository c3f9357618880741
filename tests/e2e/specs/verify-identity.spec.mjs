// 实名核验 (issue 12 item 7) in the browser at 390×844: where a verified identity is required,
// submitting an assistance application sends the resident to the verify page (account area),
// the development verifier (demo, labelled 演示) vouches for the typed profile in one step, and
// the resident lands back on the page they were on and submits.
//
// The default spec server is a plain demo, which does not require verification (so the demo
// journeys stay as they were). This spec starts a server of its own from BAOAN_SERVER_BIN (which
// scripts/test.sh and /tmp/specs.sh export) in demo mode with --require-verified-identity: the
// production rule, with the development verifier standing in for the provincial platform (a
// production server needs the real platform, which a browser test here cannot reach).
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, h1, appReady, randomPhone, setPrefs } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";
import { ta, seedCompleteDraft } from "../support/assistance.mjs";

const L = "zh-Hans";
const BIN = process.env.BAOAN_SERVER_BIN;
const DIST = new URL("../../../dist", import.meta.url).pathname;
const SHOTS = process.env.BAOAN_SHOTS_DIR;

let server;
let base;

test.describe("a verified identity before applying", () => {
  test.skip(!BIN, "set BAOAN_SERVER_BIN (scripts/test.sh does) to start a server that requires verification");

  test.beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-spec-"));
    mkdirSync(join(dir, "data"));
    server = spawn(
      BIN,
      ["serve", "--demo", "--require-verified-identity", "--insecure-dev-cookie", "--bind", "127.0.0.1:0",
        "--data-dir", join(dir, "data"), "--dist-dir", DIST],
      { env: { ...process.env, BAOAN_SMS_PER_IP_PER_HOUR: "100000", BAOAN_SMS_PER_PHONE_PER_HOUR: "1000" } },
    );
    // The server prints the address it listens on.
    base = await new Promise((resolve, reject) => {
      let out = "";
      server.stdout.on("data", (d) => {
        out += d;
        const m = out.match(/running at (http:\/\/[\d.:]+)\//);
        if (m) resolve(m[1]);
      });
      server.on("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    });
  });

  test.afterAll(() => server?.kill());

  test("submitting unverified goes to 实名核验, the development verifier confirms, and the resident is back to submit", async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } });
    const page = await context.newPage();
    await setPrefs(page, { lang: L });
    const phone = randomPhone();
    const sent = await page.request.post("/api/v1/auth/sms-code", { data: { phone } });
    expect(sent.status()).toBe(200);
    const { code } = await (await page.request.get(`/api/v1/dev/sms-outbox?phone=${phone}`)).json();
    expect((await page.request.post("/api/v1/auth/session", { data: { phone, code } })).status()).toBe(200);
    const draft = await seedCompleteDraft(page);
    await page.goto("/assistance/apply/check");
    await appReady(page);
    await page.getByRole("button", { name: ta(L, "Submit") }).click();

    // Refused by the server: to the verify page, which knows where to come back to.
    await expect(page).toHaveURL(/\/mine\/verify\?return=%2Fassistance%2Fapply%2Fcheck/);
    await expect(h1(page)).toHaveText(t(L, "VerifyTitle"));
    await expect(page.locator("main")).toContainText(t(L, "VerifyNeededFirst"));
    const dev = page.locator(".verify-development");
    await expect(dev).toContainText(t(L, "DemoTag"));
    await expect(dev).toContainText(t(L, "VerifyDevExplained"));
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "verify-390.png"), fullPage: true });

    // One step: the typed name and resident ID, confirmed by the development verifier.
    await page.locator('[id="name"]').fill(draft.applicant.name);
    await page.locator('[id="id_number"]').fill(draft.applicant.id_number);
    await page.getByRole("button", { name: t(L, "VerifyDevButton") }).click();
    await expect(page).toHaveURL(/\/assistance\/apply\/check$/);
    await appReady(page);
    await page.getByRole("button", { name: ta(L, "Submit") }).click();
    await expect(h1(page)).toHaveText(ta(L, "ConfirmationTitle"));

    // The profile shows the identity as verified and offers no edit.
    await page.goto("/mine/profile");
    await appReady(page);
    await expect(page.locator(".profile-locked")).toContainText(t(L, "VerifiedTag"));
    await expect(page.locator('[id="name"]')).toHaveCount(0);
    await context.close();
  });

  test("the verify page in elder mode", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } });
    const page = await context.newPage();
    await setPrefs(page, { lang: L, elder: true });
    const phone = randomPhone();
    await page.request.post("/api/v1/auth/sms-code", { data: { phone } });
    const { code } = await (await page.request.get(`/api/v1/dev/sms-outbox?phone=${phone}`)).json();
    await page.request.post("/api/v1/auth/session", { data: { phone, code } });
    await page.goto("/mine/verify");
    await appReady(page);
    await expect(page.locator(".verify-development")).toBeVisible();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "verify-390-elder.png"), fullPage: true });
    await context.close();
  });
});
