"""Templates: the list page and the e-mail/SMS editor."""
