//! The review steps: deadlines, the notice period, waiting for documents, decided applications.

use super::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn a_new_application_is_at_community_acceptance_due_in_five_days() {
    let s = Standards::examples();
    let t = timeline(
        &[(Stage::CommunityAcceptance, d("2026-03-02"))],
        Stage::CommunityAcceptance,
        Status::InReview,
        None,
        &s,
    );
    assert_eq!(t.len(), 6);
    assert!(t[0].current);
    assert_eq!(t[0].due_by, Some(d("2026-03-07")));
    assert!(t[1..].iter().all(|x| !x.current && x.done_on.is_none() && x.due_by.is_none()));
}

#[test]
fn done_steps_carry_the_date_the_next_began_and_the_notice_lasts_seven_days() {
    let s = Standards::examples();
    let started = [
        (Stage::CommunityAcceptance, d("2026-03-02")),
        (Stage::HomeVisit, d("2026-03-04")),
        (Stage::PublicNotice, d("2026-03-10")),
    ];
    let t = timeline(&started, Stage::PublicNotice, Status::InReview, None, &s);
    assert_eq!(t[0].done_on, Some(d("2026-03-04")));
    assert_eq!(t[1].done_on, Some(d("2026-03-10")));
    assert!(t[2].current);
    assert_eq!(t[2].due_by, Some(d("2026-03-17")));
    // Each step states the standard's own figure, whatever it is set to.
    assert_eq!(t[2].days, 7);
    let longer = Standards { public_notice_days: 9, ..s };
    let t = timeline(&started, Stage::PublicNotice, Status::InReview, None, &longer);
    assert_eq!((t[2].days, t[2].due_by), (9, Some(d("2026-03-19"))));
    assert_eq!(t[1].days, longer.home_visit_days);
}

#[test]
fn waiting_for_documents_pauses_the_deadline_and_decided_ones_have_no_current_step() {
    let s = Standards::examples();
    let started = [(Stage::CommunityAcceptance, d("2026-03-02"))];
    let t = timeline(&started, Stage::CommunityAcceptance, Status::AwaitingDocuments, None, &s);
    assert!(t[0].current && t[0].due_by.is_none());
    let t = timeline(&started, Stage::CommunityAcceptance, Status::Withdrawn, None, &s);
    assert!(t.iter().all(|x| !x.current));
    let all: Vec<_> = Stage::ALL.iter().map(|st| (*st, d("2026-04-01"))).collect();
    let t = timeline(&all, Stage::Payment, Status::Paid, Some(d("2026-04-05")), &s);
    assert_eq!(t[5].done_on, Some(d("2026-04-05")));
    assert!(t.iter().all(|x| x.done_on.is_some() && !x.current));
    assert!(Status::InReview.undecided() && !Status::Approved.undecided());
}
