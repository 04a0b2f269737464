//! The audit log's vocabulary: every kind of event the platform records.

choices!(
    /// What happened. The stored code is also the audit page's catalogue
    /// key (`audit-` and the code with `.` and `_` as `-`).
    Action {
        UserRegister => "user.register",
        LoginSuccess => "login.success",
        LoginFailure => "login.failure",
        Logout => "logout",
        PasswordChange => "password.change",
        UserCreate => "user.create",
        UserPasswordReset => "user.password_reset",
        UserDeactivate => "user.deactivate",
        UserReactivate => "user.reactivate",
        UserRoleChange => "user.role_change",
        EnrollmentCreate => "enrollment.create",
        EnrollmentWithdraw => "enrollment.withdraw",
        EnrollmentMove => "enrollment.move",
        EnrollmentPromote => "enrollment.promote",
        EnrollmentComplete => "enrollment.complete",
        EnrollmentNotComplete => "enrollment.not_complete",
        EnrollmentWaitlistEnded => "enrollment.waitlist_ended",
        CohortCreate => "cohort.create",
        CohortUpdate => "cohort.update",
        CohortCancel => "cohort.cancel",
        CohortPublish => "cohort.publish",
        CohortUnpublish => "cohort.unpublish",
        SessionCancel => "session.cancel",
        SessionMove => "session.move",
        AttendanceMark => "attendance.mark",
        EligibilityOverride => "eligibility.override",
        SettingsUpdate => "settings.update",
        AccommodationSet => "accommodation.set",
        SittingOpen => "sitting.open",
        SittingClose => "sitting.close",
        SittingAllowEarly => "sitting.allow_early",
        AttemptGrant => "attempt.grant",
        AttemptStart => "attempt.start",
        AttemptPinWrong => "attempt.pin_wrong",
        AttemptSubmit => "attempt.submit",
        AttemptAutoSubmit => "attempt.auto_submit",
        AttemptExtend => "attempt.extend",
        AttemptTerminate => "attempt.terminate",
        ExamSettings => "exam.settings",
        CertificateIssue => "certificate.issue",
        CertificateRevoke => "certificate.revoke",
        CertificateReissue => "certificate.reissue",
        VenueCreate => "venue.create",
        VenueUpdate => "venue.update",
        VenueRetire => "venue.retire",
        VenueReactivate => "venue.reactivate",
        VenueDelete => "venue.delete",
        HolidayCreate => "holiday.create",
        HolidayDelete => "holiday.delete",
        QuestionCreate => "question.create",
        QuestionUpdate => "question.update",
        QuestionRetire => "question.retire",
        QuestionReactivate => "question.reactivate",
        QuestionDelete => "question.delete",
        QuestionImport => "question.import",
    }
);

impl Action {
    /// The catalogue key naming this action on the audit page.
    pub fn catalogue_key(self) -> String {
        catalogue_key(self.as_str())
    }
}

/// The catalogue key for a stored action code (old rows included).
pub fn catalogue_key(code: &str) -> String {
    format!("audit-{}", code.replace(['.', '_'], "-"))
}
