//! The web app is built as several bundles (one WebAssembly file each) so that a resident only
//! downloads the part of the app they use: the home page does not carry the four journeys.
//! Which bundle serves a path is decided here, once, for both sides: the server sends that
//! bundle's page for a deep link, and the app hands over to the server (a full page load) when
//! a link leads to a path another bundle serves.

/// One bundle of the web app. Each is a binary of the app crate (`src/bin/<name>.rs`) built
/// into `<name>.html` (the home bundle into `index.html`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bundle {
    /// Home, sign-in, settings, privacy notice, "not found".
    Home,
    Assistance,
    Marriage,
    Charity,
    Memorial,
    /// 我的: the resident's own pages, which gather every journey's records and messages.
    Mine,
    /// The staff pages (`/staff/…`): sign-in, reviewers' queue, the gate's check-in. Residents'
    /// pages never link to them, so no resident downloads this bundle.
    Staff,
}

impl Bundle {
    pub const ALL: [Bundle; 7] = [
        Bundle::Home,
        Bundle::Assistance,
        Bundle::Marriage,
        Bundle::Charity,
        Bundle::Memorial,
        Bundle::Mine,
        Bundle::Staff,
    ];

    /// The bundle's name: its binary, its page (`<name>.html`) and its first path segment.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Home => "home",
            Bundle::Assistance => "assistance",
            Bundle::Marriage => "marriage",
            Bundle::Charity => "charity",
            Bundle::Memorial => "memorial",
            Bundle::Mine => "mine",
            Bundle::Staff => "staff",
        }
    }

    /// The built page that starts this bundle.
    pub fn page(self) -> &'static str {
        match self {
            Bundle::Home => "index.html",
            Bundle::Assistance => "assistance.html",
            Bundle::Marriage => "marriage.html",
            Bundle::Charity => "charity.html",
            Bundle::Memorial => "memorial.html",
            Bundle::Mine => "mine.html",
            Bundle::Staff => "staff.html",
        }
    }

    /// The bundle that serves a path: a journey's or 我的's pages live under their own first
    /// segment (`/charity/projects/7` → Charity); everything else is the home bundle's, which
    /// also answers "not found".
    pub fn for_path(path: &str) -> Bundle {
        let first = path.trim_start_matches('/').split(['/', '?', '#']).next().unwrap_or("");
        Bundle::ALL.into_iter().find(|b| *b != Bundle::Home && b.name() == first).unwrap_or(Bundle::Home)
    }
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    #[test]
    fn paths_go_to_the_bundle_of_their_first_segment() {
        assert_eq!(Bundle::for_path("/"), Bundle::Home);
        assert_eq!(Bundle::for_path("/sign-in?return=/mine"), Bundle::Home);
        assert_eq!(Bundle::for_path("/settings"), Bundle::Home);
        assert_eq!(Bundle::for_path("/assistance"), Bundle::Assistance);
        assert_eq!(Bundle::for_path("/assistance/apply/members"), Bundle::Assistance);
        assert_eq!(Bundle::for_path("/marriage?type=divorce"), Bundle::Marriage);
        assert_eq!(Bundle::for_path("/charity/projects/7"), Bundle::Charity);
        assert_eq!(Bundle::for_path("/memorial/bookings/QM1#qr"), Bundle::Memorial);
        assert_eq!(Bundle::for_path("/mine/messages"), Bundle::Mine);
        assert_eq!(Bundle::for_path("/staff"), Bundle::Staff);
        assert_eq!(Bundle::for_path("/staff/sign-in?next=/staff/check-in"), Bundle::Staff);
        assert_eq!(Bundle::for_path("/staff/applications/SA-20261202-0001"), Bundle::Staff);
        assert_eq!(Bundle::for_path("/staffroom"), Bundle::Home);
        // Only a whole segment counts, and "home" is not a path of its own.
        assert_eq!(Bundle::for_path("/charityx"), Bundle::Home);
        assert_eq!(Bundle::for_path("/home"), Bundle::Home);
        assert_eq!(Bundle::for_path("/no/such/page"), Bundle::Home);
    }

    #[test]
    fn every_bundle_has_its_own_page() {
        let pages: std::collections::HashSet<_> = Bundle::ALL.iter().map(|b| b.page()).collect();
        assert_eq!(pages.len(), Bundle::ALL.len());
        assert_eq!(Bundle::Home.page(), "index.html");
    }
}
