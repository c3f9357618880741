//! A project's ledger (running balance, spending), its progress, and the code enums.

use super::*;

fn line(kind: LedgerKind, amount_fen: i64, counterparty: Counterparty) -> LedgerLine {
    LedgerLine {
        date: Date::new(2026, 1, 1).unwrap(),
        kind,
        amount_fen,
        purpose: Default::default(),
        counterparty,
        receipt_ref: String::new(),
    }
}

#[test]
fn running_balance_and_spending() {
    use Counterparty::*;
    use LedgerKind::*;
    let lines = vec![
        line(Income, 10_000, PublicDonors),
        line(Expense, 3_000, Hospital),
        line(Income, 500, Enterprise),
        line(Expense, 1_000, Supplier),
        line(Expense, 2_000, Hospital),
    ];
    assert_eq!(running_balances(&lines), vec![10_000, 7_000, 7_500, 6_500, 4_500]);
    assert_eq!(spending_by_category(&lines), vec![(Hospital, 5_000), (Supplier, 1_000)]);
    assert!(running_balances(&[]).is_empty());
}

#[test]
fn progress() {
    assert_eq!(progress_permille(0, 100), 0);
    assert_eq!(progress_permille(50, 100), 500);
    assert_eq!(progress_permille(999, 1000), 999);
    assert_eq!(progress_permille(300, 100), 1000);
    assert_eq!(progress_permille(5, 0), 1000);
}

#[test]
fn codes_round_trip() {
    for c in Category::ALL {
        assert_eq!(Category::from_code(c.code()), Some(*c));
        assert_eq!(serde_json::to_value(c).unwrap(), serde_json::json!(c.code()));
    }
    for s in ProjectSort::ALL {
        assert_eq!(ProjectSort::from_code(s.code()), Some(*s));
    }
}
