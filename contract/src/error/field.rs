//! The field errors: every rule's typed answer for one field, with its stable wire code.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares the field errors once: the enum, its stable wire codes and the list of all of them
/// (the app's i18n test walks that list so no error can go untranslated).
macro_rules! field_errors {
    ($( $(#[$doc:meta])* $variant:ident => $code:literal, )*) => {
        /// Why one field is invalid. Each rule in [`crate::rules`] returns one of these; the app
        /// turns it into a sentence in the resident's language that says how to fix it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum FieldError {
            $( $(#[$doc])* $variant, )*
            /// A code this app version does not know (sent by a newer server).
            Unknown,
        }

        impl FieldError {
            pub const ALL: &'static [FieldError] = &[ $( FieldError::$variant, )* ];

            /// The stable code used on the wire.
            pub fn code(self) -> &'static str {
                match self {
                    $( FieldError::$variant => $code, )*
                    FieldError::Unknown => "unknown",
                }
            }

            pub fn from_code(code: &str) -> FieldError {
                match code {
                    $( $code => FieldError::$variant, )*
                    _ => FieldError::Unknown,
                }
            }
        }
    };
}

field_errors! {
    /// Nothing was entered.
    Required => "required",
    /// Resident ID: not 18 characters.
    IdLength => "id.length",
    /// Resident ID: characters other than 17 digits and a final digit or X.
    IdCharacters => "id.characters",
    /// Resident ID: the first six digits are not a region code.
    IdRegion => "id.region",
    /// Resident ID: digits 7–14 are not a real date.
    IdBirthDate => "id.birth_date",
    /// Resident ID: the birth date is in the future.
    IdBirthInFuture => "id.birth_in_future",
    /// Resident ID: the last character does not match the GB 11643 check digit.
    IdChecksum => "id.checksum",
    /// HK/Macau travel permit number is not H or M followed by 8 or 10 digits.
    HkMacauPermitFormat => "permit_hk_macau.format",
    /// Taiwan travel permit number is not 8 digits (or the older 10-character form).
    TaiwanPermitFormat => "permit_taiwan.format",
    /// Passport number is not 5–17 letters and digits.
    PassportFormat => "passport.format",
    /// Mainland mobile: not 11 digits starting 1[3-9].
    PhoneFormat => "phone.format",
    /// Name: too long for the script used.
    NameTooLong => "name.too_long",
    /// Name: characters a name cannot contain (digits, symbols).
    NameCharacters => "name.characters",
    /// SMS code: not 6 digits.
    SmsCodeFormat => "sms_code.format",
    /// SMS code: not the code that was sent.
    SmsCodeWrong => "sms_code.wrong",
    /// SMS code: older than 5 minutes or none was sent.
    SmsCodeExpired => "sms_code.expired",
    /// SMS code: too many wrong tries; ask for a new code.
    SmsCodeTooManyTries => "sms_code.too_many_tries",
    /// Too many codes requested for this number; wait and try again.
    SmsRateLimited => "sms.rate_limited",
    /// An uploaded file is not a JPEG, PNG or PDF (judged by its content).
    UploadType => "upload.type",
    /// An uploaded file is larger than 10 MB.
    UploadTooLarge => "upload.too_large",

    // ── Social assistance: add this journey's field errors below (codes `assistance.…`). ──
    /// An amount of yuan that is negative, not a whole number, or implausibly large.
    AssistanceAmount => "assistance.amount",
    /// A free-text answer longer than 500 characters.
    AssistanceTextTooLong => "assistance.text_too_long",
    /// The community is not one of the chosen street's.
    AssistanceUnknownCommunity => "assistance.unknown_community",
    /// More household members than one application can list.
    AssistanceTooManyMembers => "assistance.too_many_members",
    /// A disability certificate level other than 1–4 (or none).
    AssistanceDisabilityLevel => "assistance.disability_level",
    /// A date that is not a real YYYY-MM-DD date.
    AssistanceDate => "assistance.date",
    /// The date of what happened is in the future.
    AssistanceDateInFuture => "assistance.date_in_future",
    /// A bank account number that is not 12–25 digits.
    AssistanceBankAccount => "assistance.bank_account",
    /// An essential document is not attached.
    AssistanceDocumentMissing => "assistance.document_missing",
    /// The attached file is not one of the resident's uploads.
    AssistanceUnknownUpload => "assistance.unknown_upload",
    /// An adult member has not authorised the means check.
    AssistanceConsentMissing => "assistance.consent_missing",
    /// The name typed to consent is not the member's name.
    AssistanceConsentName => "assistance.consent_name",
    /// A household of fewer than 1 or more than 16 people, or an age above 130.
    AssistanceHousehold => "assistance.household",

    // ── Marriage registration: add this journey's field errors below (codes `marriage.…`). ──
    /// The party is younger than the legal marriage age (men 22, women 20) on the booked day.
    MarriageUnderAge => "marriage.under_age",
    /// Both parties have the same identity document.
    MarriageSamePerson => "marriage.same_person",
    /// The chosen slot has no places left.
    MarriageSlotFull => "marriage.slot_full",
    /// The chosen slot is not bookable (past, closed day, or no such slot).
    MarriageSlotUnavailable => "marriage.slot_unavailable",
    /// This person already has an active registry booking.
    MarriageAlreadyBooked => "marriage.already_booked",
    /// A date of birth typed for a non-resident-ID document is not a real past date.
    MarriageBirthDate => "marriage.birth_date",
    /// Divorce second visit: the day is still in the 30-day cooling-off period.
    MarriageSecondVisitTooEarly => "marriage.second_visit_too_early",
    /// Divorce second visit: the day is after the 30-day window closed (the application lapsed).
    MarriageSecondVisitWindowMissed => "marriage.second_visit_window_missed",

    // ── Charity: add this journey's field errors below (codes `charity.…`). ──
    /// Gift amount: not a number of yuan with at most two decimals.
    CharityAmountFormat => "charity.amount_format",
    /// Gift amount: zero or less.
    CharityAmountNotPositive => "charity.amount_not_positive",
    /// Gift amount: above the single-gift limit.
    CharityAmountTooLarge => "charity.amount_too_large",
    /// Message: longer than the limit.
    CharityMessageTooLong => "charity.message_too_long",
    /// Message: markup or control characters (plain text only).
    CharityMessageCharacters => "charity.message_characters",
    /// Display name for a named gift: too long or not plain text.
    CharityDonorName => "charity.donor_name",

    // ── Tomb-sweeping and memorials: add this journey's field errors below (codes `memorial.…`). ──
    /// Group size outside 1..=the cemetery's maximum.
    MemorialGroupSize => "memorial.group_size",
    /// Not a mainland car plate (ordinary or new-energy).
    MemorialPlate => "memorial.plate",
    /// The day is before the booking window's first day.
    MemorialBeforeWindow => "memorial.before_window",
    /// The day is after the booking window's last day.
    MemorialAfterWindow => "memorial.after_window",
    /// The day is further ahead than booking opens.
    MemorialTooFarAhead => "memorial.too_far_ahead",
    /// The day has already passed.
    MemorialDayPassed => "memorial.day_passed",
    /// The booking service is closed at this hour of the day.
    MemorialServiceClosed => "memorial.service_closed",
    /// The slot has no places left for this group.
    MemorialSlotFull => "memorial.slot_full",
    /// The account already has an active booking on that day.
    MemorialOnePerDay => "memorial.one_per_day",
    /// A slot of today whose end has passed: the gate would turn the visitor away.
    MemorialSlotOver => "memorial.slot_over",
    /// Grave area, row or number: letters, digits or Han characters, 1–10.
    MemorialGrave => "memorial.grave",
    /// Not a burial certificate number (BA-YYYY-NNNNNN).
    MemorialCertificateFormat => "memorial.certificate_format",
    /// No cemetery record with this certificate for this name.
    MemorialCertificateUnknown => "memorial.certificate_unknown",
    /// Message or text too long.
    MemorialTextTooLong => "memorial.text_too_long",
    /// Text contains control characters.
    MemorialTextCharacters => "memorial.text_characters",
    /// Date of death before date of birth, or in the future.
    MemorialDates => "memorial.dates",
    /// Choose at least one service.
    MemorialServices => "memorial.services",
    /// The cemetery does not offer proxy sweeping.
    MemorialNoProxyService => "memorial.no_proxy_service",
    /// Booking for someone else: give both the visitor's name and their mobile number.
    MemorialVisitorIncomplete => "memorial.visitor_incomplete",
    // --- issue 10, slice "memorial" ---
    /// Making a memorial public: say how you are related to the deceased (one of the choices).
    MemorialRelation => "memorial.relation",
    /// Staff handling a report: hiding needs a reported message; otherwise dismiss.
    MemorialReportAction => "memorial.report_action",
    /// A report names a message that is not on this memorial.
    MemorialReportMessage => "memorial.report_message",

    // ── Privacy (issue 10): uploads quota. ──
    /// The resident's uploads kept on the server already reach their quota (count or bytes).
    UploadQuota => "upload.quota",

    // ── Policy figures (issue 12): standards the district sets, each with its source. ──
    /// A figure outside the range the rule can use (e.g. a negative amount, a 0-day deadline).
    FigureRange => "figure.range",
    /// A figure's source is missing, names no document or place, or belongs to no figure.
    FigureSource => "figure.source",

    // ── Marriage (issue 10: bookings belong to people): party A from the profile, B in their own account. ──
    /// Party A is the signed-in resident: their profile has no name and document yet.
    MarriageProfileIdentityMissing => "marriage.profile_identity_missing",
    /// Party B's document on the booking is not the document in this account's profile.
    MarriageNotYourDocument => "marriage.not_your_document",
    /// Party B's phone is the booker's own phone: B confirms from their own account.
    MarriagePartnerOwnPhone => "marriage.partner_own_phone",
    /// The account already has a booking awaiting its partner, or an active one.
    MarriageAccountHasBooking => "marriage.account_has_booking",

    // ── Verified identity (issue 12 item 7). ──
    /// The profile's name and ID number were verified by the identity platform: they cannot be
    /// changed by typing (only a new verification changes them).
    ProfileIdentityVerified => "profile.identity_verified",
    /// Reference data (issue 12 item 5): a row's code or id is not 1–40 of a-z, 0-9 and `-`.
    ReferenceCode => "reference.code",
    /// A name or text is too long or holds control characters.
    ReferenceText => "reference.text",
    /// The same key (code, id, certificate number, day) appears twice in one file.
    ReferenceDuplicate => "reference.duplicate",
    /// The row names something that does not exist (a street, an office, a cemetery).
    ReferenceUnknown => "reference.unknown",
    /// The line is not a row of this kind (not JSON, a field of the wrong type, an unknown field).
    ReferenceRow => "reference.row",
    /// A telephone number that is not digits with optional `+`, `-`, spaces and brackets.
    ReferencePhone => "reference.phone",
    /// A link that is not an https:// address.
    ReferenceUrl => "reference.url",

    // ── Staff accounts (issue 13). ──
    /// A staff login: 3–32 lowercase letters, digits, '.', '_' or '-'.
    StaffLogin => "staff.login",
    /// A staff password: at least 12 characters, and not the login.
    StaffPassword => "staff.password",
    /// The role needs a place and none (or an unknown one) was given, or a district-wide role was given one.
    StaffPlace => "staff.place",
    /// Sign-in refused: the login, the password or the authenticator code is wrong (never which).
    StaffSignIn => "staff.sign_in",
    /// This action needs a reason, of at most 500 characters.
    StaffReason => "staff.reason",
}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for FieldError {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(FieldError::from_code(&code))
    }
}
