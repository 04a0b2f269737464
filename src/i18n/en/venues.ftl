# venues
