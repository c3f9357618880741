// Helpers of the social-assistance specs: this journey's own strings (read from
// src/journeys/assistance/i18n/<lang>.json), a valid resident ID, and a complete draft.
import { expect } from "@playwright/test";
import { t } from "./i18n.mjs";

/** The text of one of this journey's keys (`count` picks a plural form, see `t`). */
export function ta(lang, key, count) {
  return t(lang, `assistance.${key}`, count);
}

function checkDigit(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return "10X98765432"[sum % 11];
}

/** A valid Bao'an resident ID for a birth date YYYYMMDD. */
export function residentId(yyyymmdd, seq = "001") {
  const body = "440306" + yyyymmdd + seq;
  return body + checkDigit(body);
}

/** The smallest valid PNG (1×1). */
/** Every page of the journey, in order (the a11y scan and the elder-mode crawl visit each). */
export const PAGES = [
  "/assistance",
  "/assistance/check/residence",
  "/assistance/check/ages",
  "/assistance/check/emergency",
  "/assistance/check/result",
  "/assistance/apply",
  "/assistance/apply/applicant",
  "/assistance/apply/members-0",
  "/assistance/apply/income",
  "/assistance/apply/documents",
  "/assistance/apply/consent",
  "/assistance/apply/check",
];

export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** A complete 临时救助 draft with one uploaded ID card, as the app stores it. */
export function completeDraft(uploadId) {
  return {
    check: { residence: "elsewhere", size: "2", ages: ["45", "20"], disability: "0", income: "3000", assets: "0", medical: "0",
             supporter: "yes", emergency: "fire", emergency_here: "yes" },
    programme: "temporary",
    applicant: { name: "王芳", id_number: residentId("19810203"), phone: "13800138000", residence: null,
                 street: "xinan", community: "xinan-haiyu", address: "海裕社区 2 栋 202" },
    residence: "elsewhere",
    members: [{ relation: "child", name: "王小明", id_number: residentId("20050101", "013"), work_status: "student", income: "0", disability: "0", health: "" }],
    income: { salary: "3000" },
    event_kind: "fire", event_date: "2025-05-20", event_place: "宝安区新安街道", event_description: "家中失火", event_expenses: "8000",
    bank: { bank_name: "中国银行", holder: "王芳", account_number: "6217850000001234567" },
    documents: [{ kind: "id_cards", upload_id: uploadId, name: "id.png" }],
    consents: { applicant: "王芳", "members.0": "王小明" },
    visited: ["applicant", "members", "income", "event", "bank", "documents", "consent"],
    idempotency_key: "",
    saved_at: Date.now(),
  };
}

/**
 * Uploads an ID card as the signed-in resident of `page` and puts a complete draft naming it on
 * the device before the page's first load (once per tab: a reload keeps what the page saved).
 */
export async function seedCompleteDraft(page) {
  const up = await page.request.post("/api/v1/uploads", { headers: { "X-File-Name": "id.png" }, data: PNG });
  expect(up.status()).toBe(200);
  const draft = completeDraft((await up.json()).id);
  await page.addInitScript((d) => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("baoan.my.draft.assistance", JSON.stringify(d));
    }
  }, draft);
  return draft;
}
