"""Activity: the outbox/ledger log, uncertain sends and rule-check errors."""
