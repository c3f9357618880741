// Helpers shared by the specs: preferences, sign-in through the dev SMS outbox, waiting for
// the app to be on screen, and the list of pages.
import { randomInt } from "node:crypto";
import { test as base, expect } from "@playwright/test";

export { expect };

/**
 * The test function, with one automatic check added to every test: the page must not throw
 * (an uncaught exception or a Rust panic, which console_error_panic_hook logs as "panicked at").
 */
export const test = base.extend({
  failOnPageErrors: [
    async ({ page }, use) => {
      const problems = [];
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && /panicked at|RuntimeError|unreachable/.test(m.text())) {
          problems.push(`console: ${m.text()}`);
        }
      });
      await use();
      expect(problems, "the page threw or panicked").toEqual([]);
    },
    { auto: true },
  ],
});

/** Every page of the app a resident can reach, with the i18n key of its <h1>. */
export const PUBLIC_PAGES = [
  { path: "/", h1: "HomeHeading" },
  { path: "/assistance", h1: "AssistanceTitle" },
  { path: "/marriage", h1: "MarriageTitle" },
  { path: "/charity", h1: "CharityTitle" },
  { path: "/memorial", h1: "MemorialTitle" },
  { path: "/settings", h1: "Settings" },
  { path: "/privacy", h1: "PrivacyNotice" },
  { path: "/sign-in", h1: "SignInTitle" },
  { path: "/nope", h1: "NotFoundTitle" },
];
export const SIGNED_IN_PAGES = [
  { path: "/mine", h1: "MineTitle" },
  { path: "/mine/profile", h1: "ProfileTitle" },
  { path: "/mine/messages", h1: "MessagesTitle" },
];
export const JOURNEYS = [
  { path: "/assistance", title: "AssistanceTitle" },
  { path: "/marriage", title: "MarriageTitle" },
  { path: "/charity", title: "CharityTitle" },
  { path: "/memorial", title: "MemorialTitle" },
];

/** Where the signed-in resident of the setup project is kept (cookie only). */
export const AUTH_FILE = new URL("../test-results/.auth/resident.json", import.meta.url).pathname;

/**
 * Language and elder mode as a resident chose them earlier on this device: written to
 * localStorage before the first page of the test loads, once (a reload keeps what the test
 * changes afterwards, as it would for a resident).
 */
export async function setPrefs(page, { lang, elder } = {}) {
  await page.addInitScript(
    ([lang, elder]) => {
      if (sessionStorage.getItem("e2e.prefs-applied")) return;
      sessionStorage.setItem("e2e.prefs-applied", "1");
      if (lang) localStorage.setItem("baoan.lang", lang);
      if (elder !== undefined) localStorage.setItem("baoan.elder", elder ? "1" : "0");
    },
    [lang ?? null, elder],
  );
}

/** A fresh mainland mobile number: a number may only get a new code every 60 s. */
export function randomPhone() {
  return "139" + String(randomInt(0, 100_000_000)).padStart(8, "0");
}

/** 13912345678 → 139****5678, as src/contract's mask_phone shows it. */
export function maskPhone(phone) {
  return phone.slice(0, 3) + "****" + phone.slice(-4);
}

/** The last code the server "texted" to `phone` (dev SMS outbox). */
export async function smsCode(request, phone) {
  const res = await request.get(`/api/v1/dev/sms-outbox?phone=${phone}`);
  expect(res.status(), "the dev SMS outbox has a code (server run with --demo?)").toBe(200);
  const body = await res.json();
  expect(body.code).toMatch(/^\d{6}$/);
  return body.code;
}

/** A six-digit code that is certainly not `code`. */
export function wrongCode(code) {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

/**
 * Signs `phone` in through the API (not the UI) with the code from the outbox. `request` is
 * `page.request` or `context.request`: both share the browser context's cookies, so the page
 * is signed in afterwards.
 */
export async function signIn(request, phone = randomPhone()) {
  const sent = await request.post("/api/v1/auth/sms-code", { data: { phone } });
  expect(sent.status(), await sent.text()).toBe(200);
  const code = await smsCode(request, phone);
  const session = await request.post("/api/v1/auth/session", { data: { phone, code } });
  expect(session.status(), await session.text()).toBe(200);
  return phone;
}

let demo;
/** Whether the server under test holds demo data (then every page shows the demo banner). */
async function isDemo(request) {
  if (demo === undefined) demo = (await (await request.get("/api/v1/meta")).json()).demo === true;
  return demo;
}

/**
 * Waits until the app has replaced the boot splash and the page has settled: its <h1>, the
 * demo banner (asked from the server) and nothing still loading.
 */
export async function appReady(page) {
  await expect(page.locator("#boot-splash")).toHaveCount(0);
  await expect(page.locator("main h1")).toBeVisible();
  if (await isDemo(page.request)) await expect(page.locator(".banner-demo")).toBeVisible();
  await expect(page.locator("main .loading")).toHaveCount(0);
}

/** Opens `path` and waits for the app (see appReady). */
export async function open(page, path) {
  await page.goto(path);
  await appReady(page);
}

/** The heading of the page (main's h1). */
export function h1(page) {
  return page.locator("main h1");
}
