# Venues and holidays (admin). Every key here must also be in ar/venues.ftl.

## Navigation
nav-venues = Venues
nav-holidays = Holidays

## Venues
venues-title = Venues
venues-lead = Training places in each town. A retired venue keeps its classes but cannot host new ones.
venues-none = No venues yet. Add the first one below.
venues-col-name = Name
venues-col-kind = Partner
venues-col-address = Address
venues-col-seats = Seats
venues-col-status = Status
venues-col-actions = Actions
venues-active = In use
venues-retired = Retired
venues-edit = Edit
venues-retire = Retire
venues-reactivate = Bring back into use
venues-delete = Delete
venues-create-title = Add a venue
venues-create-submit = Add venue
venues-edit-title = Edit venue: { $name }
venues-edit-submit = Save changes
venues-back = Back to the venues
venues-status-title = Retire or delete
venues-status-lead = Retire a venue that is no longer used: its classes stay as they are, and no new classes can be planned there. Only a venue that has never had a class can be deleted.

## Venue fields
field-venue-town = Town
field-venue-name-ar = Name in Arabic
field-venue-name-en = Name in English
field-venue-partner-kind = Kind of partner
# issue 16 items 6/10
field-venue-address-ar = Address in Arabic
field-venue-address-en = Address in English
venue-address-not-arabic = Please write the Arabic address in Arabic letters; street numbers and building codes may be in Latin letters.
venue-address-not-english = Please write the English address in English letters.
field-venue-seats = Seats
hint-venue-address = Street, building and room, so that trainees can find it. At most 300 characters.
hint-venue-seats = Seats in the training room, from 1 to 500. A class cannot have more places than this.
venue-address-too-long = The address can have at most 300 characters.
venue-seats-not-number = Please give the number of seats as a whole number, for example 20.
venue-seats-out-of-range = A venue has from 1 to 500 seats.

## Partner kinds
partner-kind-school = School
partner-kind-family-development = Family-development centre
partner-kind-university = University
partner-kind-applied-research = Applied-research or technical-college centre
partner-kind-government = Government entity
partner-kind-other = Other

## Holidays
holidays-title = Holidays
holidays-lead = Public holidays and other days on which no training session is held.
holidays-note = Sessions are never scheduled on holidays; classes already scheduled keep their dates.
holidays-none = No holidays have been added yet.
holidays-col-day = Date
holidays-col-actions = Actions
holidays-delete = Delete
holidays-create-title = Add a holiday
holidays-create-submit = Add holiday
field-holiday-day = Date
hint-holiday-day = Choose it in the calendar, or type day/month/year, for example 02/12/2026.
field-holiday-name-ar = Name in Arabic
field-holiday-name-en = Name in English
holiday-day-taken = A holiday on that day already exists.

## Flash messages
flash-venue-created = The venue has been added.
flash-venue-updated = The venue has been saved.
flash-venue-unchanged = Nothing was changed.
flash-venue-retired = The venue has been retired. Its classes stay as they are; no new classes can be planned there.
flash-venue-reactivated = The venue is in use again.
flash-venue-deleted = The venue has been deleted.
flash-venue-in-use = This venue has classes, so it cannot be deleted. You can retire it instead.
flash-holiday-added = The holiday has been added.
flash-holiday-deleted = The holiday has been deleted.

## Audit log
audit-venue-create = Venue added
audit-venue-update = Venue changed
audit-venue-retire = Venue retired
audit-venue-reactivate = Venue brought back into use
audit-venue-delete = Venue deleted
audit-holiday-create = Holiday added
audit-holiday-delete = Holiday deleted
