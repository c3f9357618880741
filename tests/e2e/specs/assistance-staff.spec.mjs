// The staff CLI acting on a resident's application while the server runs, seen in the browser:
// a resident submits in the browser, the real `baoan-server assistance --as LOGIN …` binary —
// under the login of the community's own reviewer, made over the API as the district would —
// advances the review and asks for documents (补正) against the running server's database, and
// after a reload the timeline shows the step done with its date and the next deadline, then the
// to-do with its upload, which the upload clears. Another community's reviewer is refused.
//
// scripts/test.sh exports BAOAN_SERVER_BIN (the binary it started) and BAOAN_TEST_DATA_DIR (the
// server's --data-dir), and BAOAN_DEMO=1 (the CLI runs in the server's mode). Run by hand against a
// server of your own, export the same three.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test, expect, open, h1, signIn } from "../support/app.mjs";
import { ta, PNG, seedCompleteDraft } from "../support/assistance.mjs";
import { BASE_URL, createStaff, districtAdmin } from "../support/staff.mjs";

const L = "zh-Hans";
const BIN = process.env.BAOAN_SERVER_BIN;
const DATA_DIR = process.env.BAOAN_TEST_DATA_DIR;

/** Runs the staff CLI as `login` against the server's data directory; returns its one-line answer. */
function staffAs(login, ...args) {
  const argv = ["assistance", "--data-dir", DATA_DIR, "--as", login, ...args];
  return execFileSync(BIN, argv, { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** Today in Shenzhen, YYYY-MM-DD, plus `days`: the server dates steps in Shenzhen time. */
function shenzhenDay(days = 0) {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

test.describe("staff CLI", () => {
  test.skip(!BIN || !DATA_DIR, "set BAOAN_SERVER_BIN and BAOAN_TEST_DATA_DIR (scripts/test.sh does) to run the staff CLI against the server");

  test("the staff CLI advances the review and asks for documents; the application page follows", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    expect(existsSync(BIN), `${BIN} exists`).toBe(true);
    // The application's community reviewer and another community's, made by a district admin.
    const admin = await districtAdmin(await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } }));
    const reviewer = await createStaff(admin, "community_reviewer", "xinan-haiyu");
    const other = await createStaff(admin, "community_reviewer", "xinan-baomin");
    const staff = (...args) => staffAs(reviewer.login, ...args);
    await signIn(page.request);
    await seedCompleteDraft(page);
    await open(page, "/assistance/apply/check");
    await page.getByRole("button", { name: ta(L, "Submit") }).click();
    await expect(h1(page)).toHaveText(ta(L, "ConfirmationTitle"));
    const reference = (await page.locator(".reference").textContent()).trim();
    const steps = page.locator(".timeline-step");
    await expect(steps.nth(0)).toHaveClass(/timeline-current/);

    // Another community's reviewer is refused, and nothing changes.
    expect(() => staffAs(other.login, "advance", reference)).toThrow(/nothing done/);
    await page.reload();
    await expect(steps.nth(0)).toHaveClass(/timeline-current/);

    // 社区受理 done today; 入户调查 under way, due after the home-visit days the server serves.
    expect(staff("advance", reference)).toBe(`${reference} in_review home_visit`);
    const standards = await (await page.request.get("/api/v1/assistance/standards")).json();
    const visitDue = shenzhenDay(standards.home_visit_days);
    await open(page, `/assistance/applications/${reference}`);
    await expect(h1(page)).toHaveText(ta(L, "PgTemporary"));
    await expect(steps.nth(0)).toHaveClass(/timeline-done/);
    await expect(steps.nth(0)).toContainText(ta(L, "StCommunityAcceptance"));
    await expect(steps.nth(0)).toContainText(`${ta(L, "DoneOn")} ${shenzhenDay()}`);
    // The step says which role did it (社区工作人员), never who.
    await expect(steps.nth(0)).toContainText(ta(L, "ByCommunityStaff"));
    await expect(steps.nth(1)).toHaveClass(/timeline-current/);
    await expect(steps.nth(1)).toContainText(ta(L, "StHomeVisit"));
    await expect(steps.nth(1)).toContainText(`${ta(L, "DueBy")} ${visitDue}`);
    await expect(page.getByText(ta(L, "NextStepBy").replace("{date}", visitDue))).toBeVisible();

    // 我的申请 lists it with the same deadline.
    await open(page, "/mine");
    const item = page.locator(".application-list li").filter({ hasText: reference });
    await expect(item).toContainText(ta(L, "SsInReview"));
    await expect(item).toContainText(ta(L, "NextStepBy").replace("{date}", visitDue));

    // 补正: staff ask for an income proof; the to-do with its upload is on the application page.
    const note = "请补充近三个月的工资流水";
    expect(staff("request-documents", reference, "income_proof", "--note", note)).toBe(`${reference} awaiting_documents home_visit`);
    await open(page, `/assistance/applications/${reference}`);
    await expect(page.locator(".tag[data-state]")).toHaveText(ta(L, "SsAwaitingDocuments"));
    const todo = page.getByRole("region", { name: ta(L, "TodoDocuments") });
    await expect(todo).toContainText(ta(L, "SendBy").replace("{date}", shenzhenDay(standards.documents_request_days)));
    await expect(todo).toContainText(note);
    await todo.locator("#file-income_proof").setInputFiles({ name: "payslip.png", mimeType: "image/png", buffer: PNG });
    // The upload clears the to-do and the review resumes.
    await expect(todo).toHaveCount(0);
    await expect(page.locator(".tag[data-state]")).toHaveText(ta(L, "SsInReview"));
    const full = await (await page.request.get(`/api/v1/assistance/applications/${reference}`)).json();
    expect(full.state).toBe("in_review");
    expect(full.requested_documents).toEqual([]);
    expect(full.documents.map((d) => d.kind).sort()).toEqual(["id_cards", "income_proof"]);

    await page.evaluate(() => localStorage.setItem("baoan.elder", "1"));
    await page.reload();
    await expect(steps.nth(0)).toContainText(ta(L, "ByCommunityStaff"));
    await page.screenshot({ path: "test-results/assistance-timeline-role-elder.png", fullPage: true });
    await page.evaluate(() => localStorage.removeItem("baoan.elder"));

    // The next step goes on from where it was.
    expect(staff("advance", reference)).toBe(`${reference} in_review public_notice`);
    await page.reload();
    await expect(steps.nth(1)).toContainText(`${ta(L, "DoneOn")} ${shenzhenDay()}`);
    await expect(steps.nth(2)).toHaveClass(/timeline-current/);
    await expect(steps.nth(2)).toContainText(`${ta(L, "DueBy")} ${shenzhenDay(standards.public_notice_days)}`);
    // The notice's length is the standard's figure, not a number written into the text.
    const days = String(standards.public_notice_days);
    await expect(steps.nth(2)).toContainText(ta(L, "StPublicNotice", standards.public_notice_days).replace("{days}", days));
    await open(page, "/mine/messages");
    // (Found by its words: the documents-received notice may carry the same second, and
    // messages of one second have no order between them.)
    const text = ta(L, "EvPublicNotice", standards.public_notice_days).replace("{days}", days);
    await expect(page.locator(".message").filter({ hasText: reference }).filter({ hasText: text })).toHaveCount(1);
  });
});
