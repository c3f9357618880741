//! Fundraising projects: the list (paged by the server), one project with its public ledger.

use super::badge::DisclosureBadge;
use crate::api::LocalisedText;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// Declares a code enum: its wire codes, `code()`, `from_code()` and `ALL`.
macro_rules! coded {
    ($(#[$m:meta])* $name:ident { $($v:ident => $c:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            pub fn code(self) -> &'static str { match self { $($name::$v => $c),* } }
            pub fn from_code(code: &str) -> Option<$name> { Self::ALL.iter().copied().find(|x| x.code() == code) }
        }
    };
}
pub(crate) use coded;

coded!(
    /// 助医 助学 助老 扶贫济困 应急救灾 社区
    Category { Medical => "medical", Education => "education", Elderly => "elderly", Poverty => "poverty",
               Emergency => "emergency", Community => "community" }
);
coded!(ProjectStatus { Fundraising => "fundraising", Finished => "finished" });
coded!(
    /// The list's orders: newest, nearly funded (highest share of target), most donors, ending soon.
    ProjectSort { Newest => "newest", NearlyFunded => "nearly_funded", MostDonors => "most_donors", EndingSoon => "ending_soon" }
);
coded!(LedgerKind { Income => "income", Expense => "expense" });
coded!(
    /// Who was on the other side of a ledger line (never a person's name).
    Counterparty { PublicDonors => "public_donors", Enterprise => "enterprise", Fund => "fund",
                   Hospital => "hospital", School => "school", Supplier => "supplier",
                   Beneficiaries => "beneficiaries", Operations => "operations" }
);

/// Projects per page of the list.
pub const PAGE_SIZE: i64 = 12;
/// The longest search text the list accepts (longer is cut).
pub const MAX_QUERY_CHARS: usize = 40;

/// The list's query string: `GET /api/v1/charity/projects?q=&status=&organiser=&fund=&category=&sort=&page=`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ProjectQuery {
    /// Words in the title or the organiser's name (简体, 繁體 or English: 繁體 is folded to 简体).
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub status: Option<ProjectStatus>,
    pub organiser: Option<String>,
    /// A named fund's id.
    pub fund: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub category: Option<Category>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<ProjectSort>,
    /// 1-based.
    pub page: Option<i64>,
}

/// One card of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectCard {
    pub id: String,
    pub title: LocalisedText,
    pub organiser: LocalisedText,
    pub category: Category,
    /// 募捐方案备案编号
    pub registration_no: String,
    pub target_fen: i64,
    pub raised_fen: i64,
    pub donors: i64,
    pub end_date: Date,
    /// Days from today to the end date (0 when ended).
    pub days_left: i64,
    pub status: ProjectStatus,
    pub fund_id: Option<String>,
    pub fund_name: Option<LocalisedText>,
}

/// A page of the list and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectList {
    pub items: Vec<ProjectCard>,
    pub page: i64,
    pub page_size: i64,
    pub total: i64,
}

/// The values the list's filters offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectFilters {
    /// Each organiser's name; its 简体 is the value of the list's `organiser` filter.
    pub organisers: Vec<LocalisedText>,
    pub funds: Vec<FundRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundRef {
    pub id: String,
    pub name: LocalisedText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetLine {
    pub item: LocalisedText,
    pub amount_fen: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressUpdate {
    pub date: Date,
    pub title: LocalisedText,
    pub body: LocalisedText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Disclosure {
    pub date: Date,
    pub title: LocalisedText,
}

/// One line of a public ledger. Counterparties are categories, never names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerLine {
    pub date: Date,
    pub kind: LedgerKind,
    pub amount_fen: i64,
    pub purpose: LocalisedText,
    pub counterparty: Counterparty,
    pub receipt_ref: String,
}

/// A gift as the public sees it: no donor identity unless the donor chose a display name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicGift {
    /// `None` for an anonymous gift.
    pub display_name: Option<String>,
    pub amount_fen: i64,
    pub date: Date,
    pub message: String,
}

/// `GET /api/v1/charity/projects/{id}`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectDetail {
    pub card: ProjectCard,
    pub description: LocalisedText,
    /// In the order staff arranged them (oldest first).
    #[serde(default)]
    pub photos: Vec<super::photos::ProjectPhoto>,
    /// The organiser's public-fundraising qualification (公开募捐资格).
    pub qualification: LocalisedText,
    pub budget: Vec<BudgetLine>,
    pub updates: Vec<ProgressUpdate>,
    /// Oldest first, as a ledger reads.
    pub ledger: Vec<LedgerLine>,
    pub disclosures: Vec<Disclosure>,
    pub disclosure_period_days: i64,
    pub badge: DisclosureBadge,
    pub recent_gifts: Vec<PublicGift>,
}

/// The balance after each line of a ledger (income adds, expense subtracts), in order.
pub fn running_balances(lines: &[LedgerLine]) -> Vec<i64> {
    let mut balance = 0;
    lines
        .iter()
        .map(|l| {
            balance += match l.kind {
                LedgerKind::Income => l.amount_fen,
                LedgerKind::Expense => -l.amount_fen,
            };
            balance
        })
        .collect()
}

/// Expenses summed per counterparty category, largest first (the spending chart's bars).
pub fn spending_by_category(lines: &[LedgerLine]) -> Vec<(Counterparty, i64)> {
    let mut totals: Vec<(Counterparty, i64)> = Vec::new();
    for l in lines.iter().filter(|l| l.kind == LedgerKind::Expense) {
        match totals.iter_mut().find(|(c, _)| *c == l.counterparty) {
            Some((_, sum)) => *sum += l.amount_fen,
            None => totals.push((l.counterparty, l.amount_fen)),
        }
    }
    totals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code().cmp(b.0.code())));
    totals
}

/// Progress in per mille, capped at 1000 (what "nearly funded" sorts by).
pub fn progress_permille(raised_fen: i64, target_fen: i64) -> i64 {
    if target_fen <= 0 {
        return 1000;
    }
    ((raised_fen.max(0) as i128 * 1000 / target_fen as i128) as i64).min(1000)
}

#[cfg(test)]
mod tests;
