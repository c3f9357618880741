//! The owner's family controls on a memorial: create an invitation link (it expires and lets a
//! limited number of people join), see and withdraw links, see and remove family members.

use crate::i18n::use_i18n;
use crate::journeys::memorial::i18n::Key;
use crate::journeys::memorial::{api, labels};
use crate::shared::api::ClientError;
use crate::shared::loadable::Loaded;
use crate::shared::submit::Submit;
use baoan_contract::memorial::{FamilyMemberList, Invitation, InvitationList, INVITATION_DAYS, INVITATION_MAX_USES};
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use leptos::prelude::*;

/// What the owner does here: make an invitation link, withdraw one, or remove a member.
#[derive(Clone)]
enum Change {
    Invite,
    Revoke(String),
    Remove(String),
}

/// One submit for the three, so their failures share one summary.
async fn change(id: String, what: Change) -> Result<Option<Invitation>, ClientError> {
    match what {
        Change::Invite => api::invite(id).await.map(Some),
        Change::Revoke(invitation) => api::revoke_invitation(id, invitation).await.map(|()| None),
        Change::Remove(member) => api::remove_member(id, member).await.map(|()| None),
    }
}

#[component]
pub fn FamilyControls(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let invite_path = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let invitations = LocalResource::new(move || api::invitations(id.get_value()));
    let members = LocalResource::new(move || api::members(id.get_value()));
    // After any change, reload both lists (an accepted link made a member).
    let submit = Submit::new(move |what: Change| change(id.get_value(), what)).on_done(move |made| {
        if let Some(inv) = made {
            let origin = window().location().origin().unwrap_or_default();
            invite_path.set(Some(format!("{origin}{}", inv.path)));
        }
        invitations.refetch();
        members.refetch();
    });
    let hint = move || {
        i18n.t(Key::InviteHint)
            .replace("{days}", &INVITATION_DAYS.to_string())
            .replace("{uses}", &INVITATION_MAX_USES.to_string())
    };
    view! {
        <h2>{move || i18n.t(Key::Family)}</h2>
        <p class="hint">{move || i18n.t(Key::FamilyHint)}</p>
        {submit.summary()}
        <button type="button" class="button button-secondary" on:click=move |_| submit.send(Change::Invite)>
            {move || i18n.t(Key::Invite)}
        </button>
        {move || {
            invite_path
                .get()
                .map(|p| {
                    view! {
                        <p>{hint}</p>
                        <p class="invite-link" data-testid="invite-link">
                            {p}
                        </p>
                    }
                })
        }}
        <h3>{move || i18n.t(Key::Invitations)}</h3>
        <Loaded
            resource=invitations
            children=move |list: InvitationList| {
                view! {
                    <ul class="plain-list" data-testid="invitations">
                        {list
                            .items
                            .into_iter()
                            .map(|inv| {
                                let key = labels::invitation_status(&inv.status);
                                let until = Date::from_unix_seconds(inv.expires_at, SHENZHEN_UTC_OFFSET).to_iso();
                                let what = Change::Revoke(inv.id.clone());
                                let active = inv.status == "active";
                                view! {
                                    <li class="family-item">
                                        <p>
                                            <span class="memorial-tag">{move || i18n.t(key)}</span>
                                        </p>
                                        <p class="hint">
                                            {move || i18n.t(Key::InvUses)}": "{inv.uses}"/"{inv.max_uses}" · "
                                            {move || i18n.t(Key::InvValidUntil)}" "{until.clone()}
                                        </p>
                                        {active
                                            .then(|| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="link-button"
                                                        on:click=move |_| submit.send(what.clone())
                                                    >
                                                        {move || i18n.t(Key::Revoke)}
                                                    </button>
                                                }
                                            })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
        <h3>{move || i18n.t(Key::Members)}</h3>
        <Loaded
            resource=members
            children=move |list: FamilyMemberList| {
                view! {
                    {list.items.is_empty().then(|| view! { <p class="hint">{move || i18n.t(Key::NoMembers)}</p> })}
                    <ul class="plain-list" data-testid="members">
                        {list
                            .items
                            .into_iter()
                            .map(|m| {
                                let what = Change::Remove(m.id.clone());
                                let who = if m.name.is_empty() {
                                    m.phone.clone()
                                } else {
                                    format!("{} · {}", m.name, m.phone)
                                };
                                view! {
                                    <li class="family-item">
                                        <p>
                                            {who}" "
                                            <button
                                                type="button"
                                                class="link-button"
                                                on:click=move |_| submit.send(what.clone())
                                            >
                                                {move || i18n.t(Key::RemoveMember)}
                                            </button>
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
    }
}
