// The donor's journey at 390×844 against the demo data: search and filter to a project, read
// its ledger and spending chart, give with the SANDBOX payment, get the receipt and find the
// gift in 我的捐赠; browse the named funds to a fund page; the district page.
import { test, expect, open, h1, signIn } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";
import { ct } from "../support/charity.mjs";

const L = "zh-Hans";

test("search and filter to a project, then read its ledger and chart", async ({ page }) => {
  await open(page, "/charity");
  await expect(h1(page)).toHaveText(t(L, "CharityTitle"));
  await page.getByLabel(ct(L, "SearchLabel")).fill("长者");
  await page.getByRole("button", { name: ct(L, "SearchButton") }).click();
  await expect(page).toHaveURL(/q=%E9%95%BF%E8%80%85/);
  const cards = page.locator(".charity-card");
  await expect(cards.first()).toContainText("长者");
  await page.getByLabel(ct(L, "FilterCategory")).selectOption("elderly");
  await expect(page).toHaveURL(/category=elderly/);
  await page.getByLabel(ct(L, "FilterStatus")).selectOption("fundraising");
  await expect(page).toHaveURL(/status=fundraising/);
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) await expect(card).toContainText(ct(L, "CatElderly"));
  await expect(cards.first().locator("progress")).toHaveAttribute("max", "100");
  // Sorting keeps the filters.
  await page.getByLabel(ct(L, "SortLabel")).selectOption("most_donors");
  await expect(page).toHaveURL(/sort=most_donors/);
  await expect(page).toHaveURL(/category=elderly/);
  await expect(cards.first()).toContainText("长者饭堂爱心助餐");
  await cards.first().getByRole("link", { name: "长者饭堂爱心助餐" }).click();

  await expect(h1(page)).toHaveText("长者饭堂爱心助餐");
  // Its photos: each with alt text and its pixel size (the box is kept before it loads), lazy.
  const photos = page.getByRole("region", { name: ct(L, "Photos") }).locator("img");
  await expect(photos).toHaveCount(2);
  await expect(photos.first()).toHaveAttribute("alt", /爱心/);
  await expect(photos.first()).toHaveAttribute("width", "480");
  await expect(photos.first()).toHaveAttribute("height", "300");
  await expect(photos.first()).toHaveAttribute("loading", "lazy");
  await photos.first().scrollIntoViewIfNeeded();
  await expect.poll(() => photos.first().evaluate((img) => img.complete && img.naturalWidth)).toBe(480);
  // The demo data makes this project's disclosure 10 days overdue: said in words.
  await expect(page.locator(".charity-badge")).toContainText(ct(L, "BadgeOverdue"));
  await expect(page.locator(".charity-badge")).toContainText("10");
  const ledger = page.getByRole("region", { name: ct(L, "Ledger") });
  await expect(ledger.getByRole("columnheader", { name: ct(L, "LedgerBalance") })).toBeVisible();
  await expect(ledger.locator("tbody tr")).toHaveCount(7);
  const chart = page.getByRole("img", { name: new RegExp(ct(L, "CpBeneficiaries")) });
  await expect(chart).toBeVisible();
  expect(await chart.locator("rect").count()).toBeGreaterThan(1);
  // No inline style attributes anywhere (the CSP forbids them).
  expect(await page.locator("main [style]").count()).toBe(0);
});

test("give with the sandbox payment, get the receipt and see it in 我的捐赠", async ({ page }) => {
  await signIn(page.request);
  await open(page, "/charity/projects/p-reading-room");
  await page.getByRole("link", { name: ct(L, "GiveButton") }).click();
  await expect(h1(page)).toHaveText(ct(L, "GiveTitle"));
  // A custom amount with three decimals is refused next to the field, before anything is sent.
  await page.getByLabel(ct(L, "AmountOther")).check();
  await page.getByLabel(ct(L, "AmountCustomLabel")).fill("66.666");
  await page.getByLabel(ct(L, "AnonymousChoice")).check();
  await page.getByRole("button", { name: ct(L, "Continue") }).click();
  await expect(page.locator("#amount-error")).toContainText(ct(L, "FeAmountFormat"));
  await page.getByLabel(ct(L, "AmountCustomLabel")).fill("66.60");
  await page.getByLabel(ct(L, "MessageLabel")).fill("愿孩子们快乐读书");
  await page.getByRole("button", { name: ct(L, "Continue") }).click();

  await expect(h1(page)).toHaveText(ct(L, "PayTitle"));
  await expect(page.locator(".charity-sandbox")).toContainText(ct(L, "SandboxNotice"));
  await expect(page.locator(".ui-summary")).toContainText("¥66.60");
  await expect(page.locator(".ui-summary")).toContainText(ct(L, "Anonymous"));
  await page.getByRole("button", { name: ct(L, "PayButton") }).click();

  await expect(h1(page)).toHaveText(ct(L, "ReceiptThanks"));
  const receipt = page.locator(".charity-receipt");
  await expect(receipt).toContainText("¥66.60");
  await expect(receipt).toContainText("社区书屋与四点半课堂");
  const number = (await receipt.locator("dd.charity-code").first().textContent()).trim();
  expect(number).toMatch(/^CS\d{8}[0-9A-F]{12}$/);
  await expect(page.getByRole("button", { name: ct(L, "PrintReceipt") })).toBeVisible();

  // The anonymous gift shows no name on the public project page.
  await open(page, "/charity/projects/p-reading-room");
  await expect(page.locator(".charity-gifts")).toContainText(ct(L, "Anonymous"));

  await open(page, "/mine");
  const mine = page.locator(".charity-my-gift").filter({ hasText: "社区书屋与四点半课堂" });
  await expect(mine).toContainText("¥66.60");
  await expect(mine).toContainText(number);
  await expect(mine).toContainText(ct(L, "LatestUpdate"));
  await mine.getByRole("link", { name: ct(L, "ViewReceipt") }).click();
  await expect(page.locator(".charity-receipt")).toContainText(number);
});

test("a monthly pledge appears in 我的捐赠 and its donor cancels it there", async ({ page }) => {
  await signIn(page.request);
  const order = await page.request.post("/api/v1/charity/gifts", {
    headers: { "Idempotency-Key": `e2e-pledge-${Date.now()}-${Math.random()}` },
    data: { project_id: "p-hearing", amount_fen: 3000, anonymous: true, frequency: "monthly" },
  });
  expect(order.status(), await order.text()).toBe(200);
  const { order_id } = await order.json();
  const paid = await page.request.post(`/api/v1/charity/gifts/${order_id}/sandbox-pay`, { data: { token: "sandbox-approve" } });
  expect(paid.status()).toBe(200);

  await open(page, "/mine");
  const pledge = page.locator(".charity-my-gift").filter({ hasText: ct(L, "PledgePerMonth") });
  await expect(pledge).toHaveCount(1);
  await expect(pledge).toContainText("听障儿童助听器捐赠");
  await expect(pledge).toContainText("¥30.00");
  await expect(pledge).toContainText(ct(L, "PledgeActive"));
  await pledge.getByRole("button", { name: ct(L, "CancelPledge") }).click();
  await expect(pledge.getByRole("status")).toHaveText(ct(L, "PledgeCancelledNote"));
  await expect(pledge).toContainText(ct(L, "PledgeCancelled"));
  await expect(pledge.getByRole("button", { name: ct(L, "CancelPledge") })).toHaveCount(0);
  // The server has it cancelled: a reload says so too.
  await open(page, "/mine");
  await expect(page.locator(".charity-my-gift").filter({ hasText: ct(L, "PledgePerMonth") })).toContainText(ct(L, "PledgeCancelled"));
});

test("browse the named funds to a fund page, and the district totals", async ({ page }) => {
  await open(page, "/charity");
  await page.getByRole("link", { name: ct(L, "NavFunds") }).click();
  await expect(h1(page)).toHaveText(ct(L, "FundsTitle"));
  await expect(page.locator(".charity-count")).toContainText("5");
  // Most projects supported first (海湾科技 and 西乡商会 support two each; ties by id).
  await page.getByLabel(ct(L, "SortLabel")).selectOption("projects");
  await expect(page).toHaveURL(/sort=projects/);
  await expect(page.locator(".charity-card").first()).toContainText("海湾科技冠名慈善基金");
  await page.getByLabel(ct(L, "FundSearchLabel")).fill("家族");
  await page.getByRole("button", { name: ct(L, "SearchButton") }).click();
  await expect(page).toHaveURL(/q=%E5%AE%B6%E6%97%8F/);
  await expect(page).toHaveURL(/sort=projects/);
  await expect(page.locator(".charity-card")).toHaveCount(2);
  await page.getByRole("link", { name: "陈氏家族助学冠名基金" }).click();
  await expect(h1(page)).toHaveText("陈氏家族助学冠名基金");
  await expect(page.locator(".charity-card")).toContainText(["困难学生圆梦助学金"]);
  await expect(page.getByRole("region", { name: ct(L, "Ledger") })).toBeVisible();
  await expect(page.getByRole("cell", { name: /年度工作报告/ }).first()).toBeVisible();

  await open(page, "/charity/district");
  await expect(h1(page)).toHaveText(ct(L, "DistrictTitle"));
  await expect(page.getByRole("img", { name: new RegExp(ct(L, "CatMedical")) })).toBeVisible();
});
