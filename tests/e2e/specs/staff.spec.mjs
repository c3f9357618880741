// The staff pages in the browser at 390×844 (issue 13): a district admin, bootstrapped over the
// API with the server's token, creates a community reviewer for the community a resident applies
// in; the reviewer signs in in the browser (password and authenticator code), finds the
// application in the queue and accepts it; the resident's timeline then shows the step done by
// the role (社区工作人员), today. Gate staff check visitors in by typing the reference: valid (or
// the verdict the slot's time implies now), already used on the second try, another cemetery's
// gate (wrong place), an unknown reference, another day and a cancelled booking; each answer is
// screenshotted into test-results/staff-checkin-*.png.
import { test, expect, open, h1, signIn } from "../support/app.mjs";
import { ta, seedCompleteDraft } from "../support/assistance.mjs";
import {
  ts, totp, PASSWORD, newBrowser, districtAdmin, createStaff, openAllDayWindow, slotsOn, bookVisit,
  shenzhenNow, shenzhenDay, expectedVerdict,
} from "../support/staff.mjs";

const L = "zh-Hans";

/** Signs `who` in on the sign-in page the browser is on (whatever sent it there). */
async function signInHere(page, who, code = totp(who.secret)) {
  await expect(h1(page)).toHaveText(ts(L, "SignInTitle"));
  await page.getByLabel(ts(L, "LoginLabel")).fill(who.login);
  await page.getByLabel(ts(L, "PasswordLabel")).fill(PASSWORD);
  await page.getByLabel(ts(L, "CodeLabel")).fill(code);
  await page.getByRole("button", { name: ts(L, "SignInButton") }).click();
}

test.describe("staff pages", () => {
  test("a community reviewer signs in, finds the application and accepts it; the resident sees the step done by the role", async ({ page, browser, playwright }) => {
    test.setTimeout(120_000);
    const admin = await districtAdmin(await playwright.request.newContext({ baseURL: process.env.BASE_URL || "http://127.0.0.1:18080", extraHTTPHeaders: { Origin: process.env.BASE_URL || "http://127.0.0.1:18080" } }));
    // The resident's draft applies in 新安 海裕社区 (support/assistance.mjs completeDraft).
    const reviewer = await createStaff(admin, "community_reviewer", "xinan-haiyu", "演示审核员");
    await signIn(page.request);
    await seedCompleteDraft(page);
    await open(page, "/assistance/apply/check");
    await page.getByRole("button", { name: ta(L, "Submit") }).click();
    await expect(h1(page)).toHaveText(ta(L, "ConfirmationTitle"));
    const reference = (await page.locator(".reference").textContent()).trim();

    const staffContext = await newBrowser(browser);
    const staff = await staffContext.newPage();
    // Signed out, a staff page sends the browser to sign in, and back after.
    await staff.goto("/staff/check-in");
    await expect(staff).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff%2Fcheck-in$/);
    // Nothing typed: each field says what is missing, and the summary lists them.
    await staff.getByRole("button", { name: ts(L, "SignInButton") }).click();
    await expect(staff.locator("#login-error")).toBeVisible();
    await expect(staff.locator("#password-error")).toBeVisible();
    await expect(staff.locator("#code-error")).toBeVisible();
    await expect(staff.locator(".ui-error-summary a")).toHaveCount(3);
    // A wrong code: one message for the whole combination, at the code and in the summary.
    const right = totp(reviewer.secret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    await signInHere(staff, reviewer, wrong);
    await expect(staff.locator("#code-error")).toContainText(ts(L, "FeStaffSignIn"));
    await expect(staff.locator(".ui-error-summary")).toContainText(ts(L, "FeStaffSignIn"));
    await staff.goto("/staff");
    await expect(staff).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff$/);
    await signInHere(staff, reviewer);
    await expect(staff).toHaveURL(/\/staff$/);
    await expect(h1(staff)).toHaveText(ts(L, "HomeTitle"));
    // Who is signed in: name, role, and the place by its name.
    const who = staff.locator(".staff-who");
    await expect(who).toContainText("演示审核员");
    await expect(who).toContainText(ts(L, "RoleCommunityReviewer"));
    await expect(who).toContainText("海裕");

    const item = staff.locator(".staff-queue-item").filter({ hasText: reference });
    await expect(item).toContainText(ta(L, "StCommunityAcceptance"));
    await item.getByRole("link").click();
    await expect(staff).toHaveURL(new RegExp(`/staff/applications/${reference}$`));
    await expect(h1(staff)).toHaveText(ta(L, "PgTemporary"));
    await expect(staff.locator("main")).toContainText("王芳");
    await expect(staff.locator("main")).toContainText(ta(L, "DocIdCards"));
    // Refusing needs a reason (the contract's rule): without one, the reason field says so.
    await staff.getByLabel(ts(L, "ActRefuse")).check();
    await expect(staff.locator("#reason-hint")).toHaveText(ts(L, "ReasonHintRequired"));
    await staff.getByRole("button", { name: ts(L, "SubmitAction") }).click();
    await expect(staff.locator("#reason-error")).toContainText(ts(L, "FeStaffReason"));
    // Accept: the step is done, and the queue shows the application at its next step.
    await staff.getByLabel(ts(L, "ActAdvance")).check();
    await staff.getByRole("button", { name: ts(L, "SubmitAction") }).click();
    await expect(staff).toHaveURL(new RegExp(`/staff\\?done=${reference}$`));
    await expect(staff.getByRole("status").filter({ hasText: reference })).toBeVisible();
    await expect(staff.locator(".staff-queue-item").filter({ hasText: reference })).toContainText(ta(L, "StHomeVisit"));

    // The resident's timeline: 社区受理 done today, by the role, never the person.
    await open(page, `/assistance/applications/${reference}`);
    const first = page.locator(".timeline-step").nth(0);
    await expect(first).toHaveClass(/timeline-done/);
    await expect(first).toContainText(ta(L, "ByCommunityStaff"));
    await expect(first).toContainText(`${ta(L, "DoneOn")} ${shenzhenDay(0)}`);
    await expect(page.locator("main")).not.toContainText("演示审核员");

    // Sign out: back at sign-in, and the staff pages are closed again.
    await staff.getByRole("button", { name: ts(L, "SignOut") }).click();
    await expect(h1(staff)).toHaveText(ts(L, "SignInTitle"));
    await staff.goto("/staff");
    await expect(staff).toHaveURL(/\/staff\/sign-in/);
    await staffContext.close();
  });

  test("gate staff check visitors in by typing the reference, and see each answer", async ({ browser, playwright }) => {
    test.setTimeout(120_000);
    const base = process.env.BASE_URL || "http://127.0.0.1:18080";
    const api = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } });
    const admin = await districtAdmin(api);
    const gate = await createStaff(admin, "gate_staff", "demo-cuihu", "演示门岗");
    const otherGate = await createStaff(admin, "gate_staff", "demo-qingsong", "演示门岗二");
    await openAllDayWindow(api, "demo-cuihu");
    const now = shenzhenNow();
    const today = await slotsOn(api, "demo-cuihu", now.day);
    const current = today.find((s) => s.starts_minute <= now.minute && now.minute < s.ends_minute);
    expect(current, "a slot under way now").toBeTruthy();
    const visit = await bookVisit(playwright, current, 2);
    const elderVisit = await bookVisit(playwright, current, 3);
    const tomorrow = (await slotsOn(api, "demo-cuihu", shenzhenDay(1)))[0];
    const later = await bookVisit(playwright, tomorrow, 1);
    const cancelled = await bookVisit(playwright, current, 1);
    const r = await cancelled.resident.post(`/api/v1/memorial/bookings/${cancelled.id}/cancel`);
    expect(r.status(), await r.text()).toBe(200);

    const context = await newBrowser(browser);
    const page = await context.newPage();
    await page.goto("/staff");
    await signInHere(page, gate);
    await expect(who(page)).toContainText(ts(L, "RoleGateStaff"));
    await page.getByRole("link", { name: ts(L, "CheckInLink") }).click();
    await expect(h1(page)).toHaveText(ts(L, "CheckInTitle"));
    // The camera path: headless Chromium on Linux has no BarcodeDetector, so the page must fall
    // back to the typed reference and say why; where it has one, the scan button is offered.
    const canScan = await page.evaluate(() => "BarcodeDetector" in window);
    if (canScan) {
      await expect(page.getByRole("button", { name: ts(L, "ScanButton") })).toBeVisible();
    } else {
      await expect(page.getByTestId("no-camera")).toHaveText(ts(L, "NoCamera"));
      await expect(page.getByRole("button", { name: ts(L, "ScanButton") })).toHaveCount(0);
    }
    const field = page.getByLabel(ts(L, "RefLabel"));

    /** Types `reference`, checks it, and returns the answer panel once shown. */
    async function check(reference) {
      await field.fill(reference);
      await page.getByRole("button", { name: ts(L, "CheckButton") }).click();
      const answer = page.locator("[data-verdict]");
      await expect(answer).toBeVisible();
      return answer;
    }
    async function next() {
      await page.getByRole("button", { name: ts(L, "NextVisitor") }).click();
      await expect(page.locator("[data-verdict]")).toHaveCount(0);
      await expect(field).toBeFocused();
      await expect(field).toHaveValue("");
    }

    // Valid now (the slot under way), or whatever the contract says for this minute if the
    // minute turned over between booking and checking. Small letters work too.
    const before = expectedVerdict(now.day, current.starts_minute, current.ends_minute, shenzhenNow());
    let answer = await check(visit.reference.toLowerCase());
    const after = expectedVerdict(now.day, current.starts_minute, current.ends_minute, shenzhenNow());
    const verdict = await answer.getAttribute("data-verdict");
    expect([before, after]).toContain(verdict);
    if (verdict === "valid") {
      await expect(answer.locator("h2")).toHaveText(ts(L, "VValid"));
      await expect(answer).toContainText(ts(L, "GroupValue", 2).replace("{count}", "2"));
    }
    // The answer is said in the live region too.
    await expect(page.locator("#live-region")).toContainText(await answer.locator("h2").textContent());
    await page.screenshot({ path: "test-results/staff-checkin-valid.png", fullPage: true });
    await next();

    // The same code again: already used, with the time it was used.
    answer = await check(visit.reference);
    await expect(answer).toHaveAttribute("data-verdict", verdict === "valid" ? "already_used" : verdict);
    await page.screenshot({ path: "test-results/staff-checkin-already-used.png", fullPage: true });
    await next();

    // Not a reference this service issued.
    answer = await check("JS-20000101-9999");
    await expect(answer).toHaveAttribute("data-verdict", "invalid");
    await expect(answer.locator("h2")).toHaveText(ts(L, "VInvalid"));
    await page.screenshot({ path: "test-results/staff-checkin-invalid.png", fullPage: true });
    await next();

    // Tomorrow's booking, and a cancelled one.
    answer = await check(later.reference);
    await expect(answer).toHaveAttribute("data-verdict", "wrong_day");
    await expect(answer).toContainText(ts(L, "VWrongDayText").replace("{date}", shenzhenDay(1)));
    await page.screenshot({ path: "test-results/staff-checkin-wrong-day.png", fullPage: true });
    await next();
    answer = await check(cancelled.reference);
    await expect(answer).toHaveAttribute("data-verdict", "cancelled");
    await page.screenshot({ path: "test-results/staff-checkin-cancelled.png", fullPage: true });
    await next();

    // Elder mode: the same page, larger; a second visitor of the slot under way.
    await page.evaluate(() => localStorage.setItem("baoan.elder", "1"));
    await page.reload();
    await expect(h1(page)).toHaveText(ts(L, "CheckInTitle"));
    answer = await check(elderVisit.reference);
    expect([before, after]).toContain(await answer.getAttribute("data-verdict"));
    const size = await answer.locator(".staff-verdict-text").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    const next_ = await page.getByRole("button", { name: ts(L, "NextVisitor") }).boundingBox();
    expect(next_.height).toBeGreaterThanOrEqual(60);
    await page.screenshot({ path: "test-results/staff-checkin-valid-elder.png", fullPage: true });
    await context.close();

    // Another cemetery's gate: wrong place, and nothing about the booking.
    const other = await newBrowser(browser);
    const otherPage = await other.newPage();
    await otherPage.goto("/staff/check-in");
    await signInHere(otherPage, otherGate);
    await expect(h1(otherPage)).toHaveText(ts(L, "CheckInTitle"));
    await otherPage.getByLabel(ts(L, "RefLabel")).fill(visit.reference);
    await otherPage.getByRole("button", { name: ts(L, "CheckButton") }).click();
    await expect(otherPage.locator("[data-verdict]")).toHaveAttribute("data-verdict", "wrong_place");
    await expect(otherPage.locator("[data-verdict] h2")).toHaveText(ts(L, "VWrongPlace"));
    await otherPage.screenshot({ path: "test-results/staff-checkin-wrong-place.png", fullPage: true });
    await other.close();
  });
});

function who(page) {
  return page.locator(".staff-who");
}
