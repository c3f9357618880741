// The check-in's camera path (issue 13) at 390×844: gate staff press "scan", the page opens the
// rear camera — Chromium's fake camera here (--use-fake-device-for-media-stream, its test pattern)
// — looks at its frames for a QR code, hands what it reads to the server and shows the answer in
// large words; the camera is off afterwards, and can be started again for the next visitor. The
// code "read" is the booking's real signed ticket, read off the QR matrix the resident's booking
// carries (GET /api/v1/memorial/bookings/{id}, decoded by support/qr.mjs); an altered ticket is
// refused, and does not use the booking up.
//
// STAND-IN: Debian's headless Chromium has no BarcodeDetector (Chromium builds its shape
// detection for Android, ChromeOS and macOS only), so `window.BarcodeDetector` is replaced here
// by a stand-in class that reads nothing itself: given a video frame while the test has put a
// code "in view", it answers that code, like the real one looking at a phone held up to the
// camera; otherwise nothing. Everything asserted is what the app does with the camera and the
// answer, never what the stand-in does. Screenshots: test-results/staff-camera-*.png.
import config from "../playwright.config.mjs";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, h1 } from "../support/app.mjs";
import { readQr } from "../support/qr.mjs";
import {
  ts, BASE_URL, districtAdmin, createStaff, staffSignIn, openAllDayWindow, slotsOn, bookVisit, shenzhenNow,
  expectedVerdict,
} from "../support/staff.mjs";

const L = "zh-Hans";
const launch = config.use.launchOptions;
test.use({
  launchOptions: { ...launch, args: [...launch.args, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"] },
  permissions: ["camera"],
});

/** Runs in the page before the app: the BarcodeDetector stand-in (see the top of this file),
 * and a record of the camera streams the page was given, to see whether they were stopped. */
function cameraStandIn() {
  const gate = { inView: null, asked: [], streams: [] };
  window.__gate = gate;
  // STAND-IN for BarcodeDetector, which headless Chromium on Linux lacks.
  window.BarcodeDetector = class StandInBarcodeDetector {
    constructor(options = {}) {
      this.formats = options.formats || [];
    }
    static async getSupportedFormats() {
      return ["qr_code"];
    }
    async detect(source) {
      const frame = source instanceof HTMLVideoElement && source.readyState >= 2 && source.videoWidth > 0 &&
        source.srcObject instanceof MediaStream && source.srcObject.active;
      if (!frame || gate.inView === null || !this.formats.includes("qr_code")) return [];
      const box = new DOMRectReadOnly(0, 0, source.videoWidth, source.videoHeight);
      return [{ rawValue: gate.inView, format: "qr_code", boundingBox: box, cornerPoints: [] }];
    }
  };
  const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    gate.asked.push(constraints);
    const stream = await real(constraints);
    gate.streams.push(stream);
    return stream;
  };
}

/** Holds `code` up to the camera (null: nothing in view). */
function inView(page, code) {
  return page.evaluate((c) => {
    window.__gate.inView = c;
  }, code);
}

/** The camera streams the page got: how many, and how many tracks are still live. */
function cameraState(page) {
  return page.evaluate(() => ({
    streams: window.__gate.streams.length,
    live: window.__gate.streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === "live").length,
  }));
}

/** The check-in page's video: whether it shows a playing camera stream. */
function videoState(page) {
  return page.locator("video").evaluate((v) => ({
    visible: !v.hidden && v.getBoundingClientRect().height > 0,
    playing: !v.paused && v.readyState >= 2 && v.videoWidth > 0,
    stream: v.srcObject instanceof MediaStream && v.srcObject.getVideoTracks().some((t) => t.readyState === "live"),
  }));
}

/** The ticket the booking's QR code carries, as the resident's phone has it from the API. */
async function ticketOf(booking) {
  const r = await booking.resident.get(`/api/v1/memorial/bookings/${booking.id}`);
  expect(r.status(), await r.text()).toBe(200);
  const text = readQr((await r.json()).qr);
  expect(text).toMatch(/^BA1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  return text;
}

/** The same ticket with its payload changed to another slot (the signature left as it was). */
function altered(ticket) {
  const [prefix, payload, tag] = ticket.split(".");
  const fields = Buffer.from(payload, "base64url").toString("utf8").split("|");
  fields[4] = String(Number(fields[4]) + 60);
  fields[5] = String(Number(fields[5]) + 60);
  return [prefix, Buffer.from(fields.join("|")).toString("base64url"), tag].join(".");
}

let api;
let current;

test.beforeAll(async ({ playwright }) => {
  api = await districtAdmin(await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } }));
  await openAllDayWindow(api, "demo-cuihu");
});

test.beforeEach(async ({ page }) => {
  const now = shenzhenNow();
  const today = await slotsOn(api, "demo-cuihu", now.day);
  current = today.find((s) => s.starts_minute <= now.minute && now.minute < s.ends_minute);
  expect(current, "a slot under way now").toBeTruthy();
  current.day = now.day;
  await page.addInitScript(cameraStandIn);
  // An account per test: an authenticator code opens one session only, so two tests signing the
  // same account in within one 30-second step would be refused.
  const gate = await createStaff(api, "gate_staff", "demo-cuihu", "演示门岗");
  await staffSignIn(page.request, gate.login, gate.secret);
});

/** What the contract says for a genuine code of the slot under way, checked about now. */
function expectedNow(before) {
  return [before, expectedVerdict(current.day, current.starts_minute, current.ends_minute, shenzhenNow())];
}

/** Presses scan and waits until the page shows the camera's picture, with no code in view. */
async function startCamera(page) {
  await inView(page, null);
  await page.getByRole("button", { name: ts(L, "ScanButton") }).click();
  await expect(page.getByRole("status").filter({ hasText: ts(L, "Scanning") })).toBeVisible();
  await expect.poll(() => videoState(page)).toEqual({ visible: true, playing: true, stream: true });
  await expect(page.getByRole("button", { name: ts(L, "ScanStop") })).toBeVisible();
}

/** After an answer: the camera is off, the video empty and hidden, and "scan" offered again. */
async function expectCameraOff(page) {
  await expect.poll(() => cameraState(page).then((s) => s.live)).toBe(0);
  expect(await page.locator("video").evaluate((v) => v.srcObject === null && v.hidden)).toBe(true);
  await expect(page.getByRole("button", { name: ts(L, "ScanButton") })).toBeVisible();
}

test.describe("the check-in's camera", () => {
  test("gate staff scan a visitor's QR code: the camera opens, the answer is valid now, and the camera is off after", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const visit = await bookVisit(playwright, current, 2);
    const elderVisit = await bookVisit(playwright, current, 3);
    const ticket = await ticketOf(visit);

    await open(page, "/staff/check-in");
    await expect(h1(page)).toHaveText(ts(L, "CheckInTitle"));
    await expect(page.getByTestId("no-camera")).toHaveCount(0);
    await startCamera(page);
    // The rear camera was asked for, and nothing is answered while no code is in view.
    const asked = await page.evaluate(() => window.__gate.asked);
    expect(asked).toEqual([{ video: { facingMode: "environment" } }]);
    await page.waitForTimeout(1_000);
    await expect(page.locator("[data-verdict]")).toHaveCount(0);
    expect((await cameraState(page)).live).toBe(1);
    const scanning = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
    expect(scanning.violations.map((v) => v.id), "the page while the camera is on").toEqual([]);
    await page.screenshot({ path: "test-results/staff-camera-scanning.png", fullPage: true });

    // The visitor holds the phone up: the page reads the ticket and asks the server.
    const before = shenzhenNow();
    const checked = page.waitForRequest((r) => r.url().endsWith("/api/v1/staff/check-in") && r.method() === "POST");
    await inView(page, ticket);
    expect((await checked).postDataJSON()).toEqual({ code: ticket });
    const answer = page.locator("[data-verdict]");
    await expect(answer).toBeVisible();
    const verdict = await answer.getAttribute("data-verdict");
    expect(expectedNow(expectedVerdict(current.day, current.starts_minute, current.ends_minute, before))).toContain(verdict);
    if (verdict === "valid") {
      await expect(answer.locator("h2")).toHaveText(ts(L, "VValid"));
      await expect(answer).toContainText(ts(L, "GroupValue", 2).replace("{count}", "2"));
    }
    await expect(page.locator("#live-region")).toContainText(await answer.locator("h2").textContent());
    await expectCameraOff(page);
    await page.screenshot({ path: "test-results/staff-camera-valid.png", fullPage: true });

    // The next visitor shows the same code again: the camera starts anew, and the answer is
    // that it was used already.
    await page.getByRole("button", { name: ts(L, "NextVisitor") }).click();
    await expect(answer).toHaveCount(0);
    await startCamera(page);
    await inView(page, ticket);
    await expect(answer).toHaveAttribute("data-verdict", verdict === "valid" ? "already_used" : verdict);
    await expectCameraOff(page);
    expect((await cameraState(page)).streams).toBe(2);

    // Elder mode: the same path, larger.
    await page.evaluate(() => localStorage.setItem("baoan.elder", "1"));
    await open(page, "/staff/check-in");
    await startCamera(page);
    await inView(page, await ticketOf(elderVisit));
    await expect(answer).toBeVisible();
    expect(expectedNow(verdict)).toContain(await answer.getAttribute("data-verdict"));
    const size = await answer.locator(".staff-verdict-text").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    expect(await answer.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await expectCameraOff(page);
    await page.screenshot({ path: "test-results/staff-camera-valid-elder.png", fullPage: true });
  });

  test("an altered code in front of the camera is refused, and the booking is not used up by it", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const visit = await bookVisit(playwright, current, 1);
    const ticket = await ticketOf(visit);
    const forged = altered(ticket);
    expect(forged).not.toBe(ticket);

    await open(page, "/staff/check-in");
    await startCamera(page);
    await inView(page, forged);
    const answer = page.locator("[data-verdict]");
    await expect(answer).toHaveAttribute("data-verdict", "invalid");
    await expect(answer.locator("h2")).toHaveText(ts(L, "VInvalid"));
    await expect(answer).toContainText(ts(L, "VInvalidText"));
    await expectCameraOff(page);
    await page.screenshot({ path: "test-results/staff-camera-altered.png", fullPage: true });

    // The genuine code still works: the altered one did not mark the booking arrived.
    const before = expectedVerdict(current.day, current.starts_minute, current.ends_minute, shenzhenNow());
    await page.getByRole("button", { name: ts(L, "NextVisitor") }).click();
    await startCamera(page);
    await inView(page, ticket);
    await expect(answer).toBeVisible();
    expect(expectedNow(before)).toContain(await answer.getAttribute("data-verdict"));
    await expectCameraOff(page);
  });

  test("stopping the camera turns it off, also when pressed before the camera has come on", async ({ page }) => {
    await open(page, "/staff/check-in");
    await startCamera(page);
    await page.getByRole("button", { name: ts(L, "ScanStop") }).click();
    await expectCameraOff(page);
    await expect(page.getByRole("status").filter({ hasText: ts(L, "Scanning") })).toHaveCount(0);

    // Scan and stop at once, before the camera answers: the camera that comes on late is turned
    // off as it arrives, and nothing is left running.
    await page.evaluate(() => {
      const real = navigator.mediaDevices.getUserMedia;
      navigator.mediaDevices.getUserMedia = (c) => new Promise((resolve) => setTimeout(() => resolve(real(c)), 500));
    });
    await page.getByRole("button", { name: ts(L, "ScanButton") }).click();
    await page.getByRole("button", { name: ts(L, "ScanStop") }).click();
    await expect.poll(() => cameraState(page).then((s) => s.streams)).toBe(2);
    await expectCameraOff(page);
    await page.waitForTimeout(500);
    expect((await cameraState(page)).live).toBe(0);

    // Leaving the page while scanning turns the camera off too.
    await startCamera(page);
    await page.getByRole("link", { name: ts(L, "BackToWork") }).click();
    await expect(h1(page)).toHaveText(ts(L, "HomeTitle"));
    await expect.poll(() => cameraState(page).then((s) => s.live)).toBe(0);
  });
});
