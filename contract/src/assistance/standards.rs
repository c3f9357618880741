//! The standards every rule reads: amounts, ages, thresholds. They are data the server serves
//! at `GET /api/v1/assistance/standards` (from its database), never constants in the app, so the
//! district can raise the 低保 standard without a new release.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Standards {
    /// 最低生活保障标准: yuan per person per month (the plan raised it from 800 to 1250).
    pub minimum_living_yuan: i64,
    /// 低保边缘: a household up to this percentage of the standard per person (e.g. 150 = 1.5×).
    pub margin_percent: i64,
    /// Savings and other assets may be at most this many months of the standard per person.
    pub asset_limit_months: i64,
    /// 特困: people of this age or older with no supporter may qualify.
    pub extreme_poverty_elderly_age: u32,
    /// 特困: children younger than this with no supporter may qualify.
    pub extreme_poverty_minor_age: u32,
    /// 重度残疾: certificate levels 1..=this are severe (1 and 2 in China's grading).
    pub severe_disability_max_level: u8,
    /// 高龄津贴: registered residents of this age or older.
    pub elderly_allowance_age: u32,
    /// Monthly amounts, shown on the result page so residents know what each programme pays.
    pub elderly_allowance_yuan: i64,
    pub disability_living_subsidy_yuan: i64,
    pub severe_disability_nursing_yuan: i64,
    /// 临时救助: the most one application can pay, in yuan.
    pub temporary_assistance_max_yuan: i64,
    /// 民主评议/公示 lasts this many days.
    pub public_notice_days: i64,
    /// How many days each other review step takes at most (the deadline the app shows).
    pub community_acceptance_days: i64,
    pub home_visit_days: i64,
    pub street_review_days: i64,
    pub district_approval_days: i64,
    pub payment_days: i64,
    /// How long a resident has to send documents staff asked for (补正).
    pub documents_request_days: i64,
}

impl Standards {
    /// The figures of Bao'an's 14th five-year plan; the server seeds its table with these.
    pub fn baoan_2025() -> Standards {
        Standards {
            minimum_living_yuan: 1250,
            margin_percent: 150,
            asset_limit_months: 24,
            extreme_poverty_elderly_age: 60,
            extreme_poverty_minor_age: 16,
            severe_disability_max_level: 2,
            elderly_allowance_age: 70,
            elderly_allowance_yuan: 200,
            disability_living_subsidy_yuan: 300,
            severe_disability_nursing_yuan: 300,
            temporary_assistance_max_yuan: 15000,
            public_notice_days: 7,
            community_acceptance_days: 5,
            home_visit_days: 10,
            street_review_days: 10,
            district_approval_days: 10,
            payment_days: 10,
            documents_request_days: 10,
        }
    }

    /// The monthly household income (yuan) below which a household of `size` may get 低保.
    pub fn minimum_living_line(&self, size: u32) -> i64 {
        self.minimum_living_yuan * size.max(1) as i64
    }

    /// The monthly household income (yuan) up to which a household is 低保边缘.
    pub fn margin_line(&self, size: u32) -> i64 {
        self.minimum_living_line(size) * self.margin_percent / 100
    }

    /// The most a household of `size` may hold in savings and other assets.
    pub fn asset_limit(&self, size: u32) -> i64 {
        self.minimum_living_line(size) * self.asset_limit_months
    }
}
